import 'survey-core/survey-core.fontless.css';
import {
  BaseTheme,
  createBoxShadowReset,
  Helpers,
  Model,
  surveyLocalization,
  SvgRegistry,
  type ITheme,
} from 'survey-core';
import { defaultLanguage } from './locales';
import { escapeHtml, sanitizeSurveyHtml } from './sanitize';

// The icon sprite is inserted as markup; one icon carries a style attribute,
// which the CSP refuses. Bilanz does not use that icon (the timer).
for (const [id, svg] of Object.entries(SvgRegistry.icons)) {
  if (svg.includes('style=')) SvgRegistry.icons[id] = svg.replace(/\sstyle="[^"]*"/g, '');
}

/**
 * SurveyJS's base theme in Bilanz's colours and the system fonts (its own,
 * Open Sans, would be fetched from elsewhere). The app's stylesheet defines
 * the referenced variables on :root.
 */
const bilanzTheme: ITheme = {
  cssVariables: {
    '--sjs2-typography-font-family-text': 'var(--font-body)',
    '--sjs2-typography-font-family-code': 'var(--font-mono)',
    '--sjs2-color-project-brand-600': '#1d5a82',
    // SurveyJS's focus ring is a light, translucent blue (1.5:1 on white): options,
    // toggles and actions get the app's focus colour instead (WCAG 1.4.11), with a
    // white gap so that the ring stays apart from a checked, brand-coloured box.
    '--sjs2-color-utility-a11y': 'var(--color-focus)',
    '--sjs2-border-effect-a11y': '0 0 0 2px #ffffff, 0 0 0 5px var(--color-focus)',
  },
};

/** Box-shadow variables SurveyJS derives from the rendered theme (it would write them into a <style>). */
const RESET_VARIABLES = [
  '--sjs2-border-effect-surface-default',
  '--sjs2-border-effect-surface-focused',
  '--sjs2-border-effect-component-formbox-default',
  '--sjs2-border-effect-component-formbox-focused',
];

/** Properties that make the browser fetch from or go to another address; the server refuses them too. */
const REMOTE_PROPERTIES = new Set([
  'choicesByUrl',
  'navigateToUrl',
  'navigateToUrlOnCondition',
  'logo',
  'backgroundImage',
  'imageLink',
  'imageLinks',
]);

/** A copy without remote properties, so that not even an unsaved draft can fetch or navigate. */
function withoutRemoteProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRemoteProperties);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !REMOTE_PROPERTIES.has(key))
      .map(([key, v]) => [key, withoutRemoteProperties(v)]),
  );
}

/**
 * survey-core's model for HTML it shows (html elements, completion texts):
 * the `{name}` placeholders in it are filled with answers and choice labels
 * as text (escaped), and the result is sanitised as the very last step.
 * survey-core fills placeholders after its onProcessHtml event, so sanitising
 * in that event let a respondent's answer or a label through as markup; and
 * escaping them keeps the browser from even parsing such markup (Chromium
 * reports a CSP violation for every inline handler or style it parses, even
 * in the sanitiser's inert document).
 */
class SanitisingModel extends Model {
  /** Above 0 while HTML is being processed: the values put into it are text. */
  private htmlDepth = 0;

  constructor(json: unknown) {
    super(json);
    this.onProcessDynamicText.add((_, options) => {
      if (this.htmlDepth > 0 && !Helpers.isValueEmpty(options.value)) options.value = escapeHtml(String(options.value));
    });
    // An html element fills its placeholders before it hands the result to processHtml.
    for (const question of this.getAllQuestions(false, true, true)) {
      if (question.getType() !== 'html') continue;
      const processText = question.getProcessedText.bind(question);
      question.getProcessedText = (text: string, context?: unknown) => this.inHtml(() => processText(text, context));
    }
  }

  override processHtml(html: string, reason?: string): string {
    return this.inHtml(() => sanitizeSurveyHtml(super.processHtml(html, reason)));
  }

  private inHtml<T>(work: () => T): T {
    this.htmlDepth++;
    try {
      return work();
    } finally {
      this.htmlDepth--;
    }
  }
}

/**
 * A survey-core model for showing a definition under Bilanz's rules: HTML
 * sanitised, theme variables as style properties instead of <style> elements
 * (CSP), and the given language (load its texts first: loadSurveyTexts).
 *
 * The definition's `locale` names the language of its "default" texts, which
 * is what survey-core's global `defaultLocale` means: it is set from each
 * definition before its model is built (one survey is shown at a time).
 */
export function createSurveyModel(definition: unknown, locale: string): Model {
  surveyLocalization.defaultLocale = defaultLanguage(definition);
  const model = new SanitisingModel(withoutRemoteProperties(definition));
  model.generateStylesheet = false;
  // Theme variables go into the root element's style properties, which the CSP allows.
  model.applyTheme(bilanzTheme, BaseTheme);
  model.locale = locale;
  model.onAfterRenderSurvey.add((_, options) => {
    const root = options.htmlElement;
    const computed = getComputedStyle(root);
    for (const name of RESET_VARIABLES) {
      const value = computed.getPropertyValue(name).trim();
      if (value) root.style.setProperty(`${name}-reset`, createBoxShadowReset(value));
    }
  });
  return model;
}
