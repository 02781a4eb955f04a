import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/german';
import { BaseTheme, createBoxShadowReset, Model, surveyLocalization, SvgRegistry, type ITheme } from 'survey-core';
import { sanitizeSurveyHtml } from './sanitize';

// Bilanz definitions keep German under `default`: SurveyJS must treat German
// as the default language, so that `locale = 'en'` picks the English texts.
surveyLocalization.defaultLocale = 'de';

// The icon sprite is inserted as markup; one icon carries a style attribute,
// which the CSP refuses. Bilanz does not use that icon (the timer).
for (const [id, svg] of Object.entries(SvgRegistry.icons)) {
  if (svg.includes('style=')) SvgRegistry.icons[id] = svg.replace(/\sstyle="[^"]*"/g, '');
}

export type SurveyLocale = 'de' | 'en';

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
const REMOTE_PROPERTIES = new Set(['choicesByUrl', 'navigateToUrl', 'navigateToUrlOnCondition', 'logo', 'backgroundImage', 'imageLink', 'imageLinks']);

/** A copy without remote properties, so that not even an unsaved draft can fetch or navigate. */
function withoutRemoteProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRemoteProperties);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !REMOTE_PROPERTIES.has(key)).map(([key, v]) => [key, withoutRemoteProperties(v)]),
  );
}

/**
 * A survey-core model for showing a definition under Bilanz's rules: HTML
 * sanitised, theme variables as style properties instead of <style> elements
 * (CSP), and the given language.
 */
export function createSurveyModel(definition: unknown, locale: SurveyLocale): Model {
  const model = new Model(withoutRemoteProperties(definition));
  model.generateStylesheet = false;
  // Theme variables go into the root element's style properties, which the CSP allows.
  model.applyTheme(bilanzTheme, BaseTheme);
  model.locale = locale;
  model.onProcessHtml.add((_, options) => {
    options.html = sanitizeSurveyHtml(options.html);
  });
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
