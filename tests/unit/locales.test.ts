import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Model, surveyLocalization } from 'survey-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../../api/src/modules/questionnaires/locales.js';
import * as web from '../../web/src/components/survey/locales.js';
import { loadSurveyTexts, surveyTextCodes, surveyTextsCode } from '../../web/src/components/survey/survey-texts.js';

// One table of cases for the API's rules and the web app's copy of them.

/** Written in English (no `locale`), with German and some French. */
const english = {
  title: { default: 'Member survey', de: 'Mitgliederumfrage' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'sector',
          title: { default: 'Which sector?', de: 'Welcher Bereich?', fr: 'Quel secteur ?' },
          choices: [{ value: 'civic', text: { default: 'Civic', de: 'Bürgerschaftlich' } }, 'other'],
        },
        { type: 'text', name: 'note', title: 'A note' },
        // An answer, not a text: a matrix with rows called "it" and "es" does not make the questionnaire Italian.
        { type: 'matrix', name: 'langs', rows: ['it', 'es'], columns: ['a', 'b'], defaultValue: { it: 'a', es: 'b' } },
      ],
    },
  ],
};

/** Written in German (`locale: de`) with English, as Bilanz's own templates. */
const german = {
  locale: 'de',
  title: { default: 'Mitgliederumfrage', en: 'Member survey' },
  pages: [
    { name: 'p1', elements: [{ type: 'comment', name: 'c', title: { default: 'Was noch?', en: 'Anything else?' } }] },
  ],
};

/** `locale: de` and no `default` at all (as the Ostrale survey of the corpus). */
const noDefault = {
  locale: 'de',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'from', title: { de: 'Wo kommen Sie her?' } },
        { type: 'text', name: 'x', title: { de: 'X', en: 'X' } },
      ],
    },
  ],
};

for (const [side, m] of [
  ['api', api],
  ['web', web],
] as const) {
  describe(`questionnaire languages (${side})`, () => {
    it('reads the default language from locale, else SurveyJS’s default (en)', () => {
      expect(m.defaultLanguage(english)).toBe('en');
      expect(m.defaultLanguage(german)).toBe('de');
      expect(m.defaultLanguage({ locale: 'not a tag' })).toBe('en');
      expect(m.defaultLanguage(null)).toBe('en');
    });

    it('finds every language a questionnaire carries, the default language first', () => {
      expect(m.languagesOf(english)).toEqual(['en', 'de', 'fr']);
      expect(m.languagesOf(german)).toEqual(['de', 'en']);
      expect(m.languagesOf(noDefault)).toEqual(['de', 'en']);
      expect(m.languagesOf({ pages: [] })).toEqual(['en']);
      // The same language in another letter case is one language.
      expect(m.languagesOf({ locale: 'de-AT', title: { 'de-at': 'Servus', en: 'Hi' } })).toEqual(['de-AT', 'en']);
    });

    it('takes a text’s own entry, else the default entry, else the default language’s entry', () => {
      const title = english.pages[0]!.elements[0]!.title;
      expect(m.textFor(title, 'de', 'en')).toBe('Welcher Bereich?');
      expect(m.textFor(title, 'en', 'en')).toBe('Which sector?');
      expect(m.textFor(title, 'it', 'en')).toBe('Which sector?');
      expect(m.textFor('A note', 'de', 'en')).toBe('A note');
      expect(m.textFor({ default: 'Hallo', de: 'Moin' }, 'de', 'de')).toBe('Moin');
      expect(m.textFor({ de: 'Wo?' }, 'en', 'de')).toBe('Wo?');
      expect(m.textFor({ de: 'Wo?' }, 'en')).toBeUndefined();
      expect(m.textFor(undefined, 'de', 'en')).toBeUndefined();
      expect(m.textFor({ value: 'x' }, 'de', 'en')).toBeUndefined();
    });

    it('tells texts from other objects', () => {
      expect(m.isLocalisedText({ default: 'a', 'pt-br': 'b', 'zh-cn': 'c', 'nl-BE': 'd' })).toBe(true);
      expect(m.isLocalisedText({ value: 'a', text: 'b' })).toBe(false);
      expect(m.isLocalisedText({ de: 1 })).toBe(false);
      expect(m.isLocalisedText({})).toBe(false);
      expect(m.isLocalisedText(['de'])).toBe(false);
    });

    it('serves a requested language when carried (or its base language), else the default language', () => {
      expect(m.labelLanguage(english, 'de')).toBe('de');
      expect(m.labelLanguage(english, 'de-AT')).toBe('de');
      expect(m.labelLanguage(english, 'FR')).toBe('fr');
      expect(m.labelLanguage(english, 'it')).toBe('en');
      expect(m.labelLanguage(english, undefined)).toBe('en');
      expect(m.labelLanguage(german, 'en-GB')).toBe('en');
      expect(m.labelLanguage(german, 'fr')).toBe('de');
      expect(m.matchLanguage('de', ['de-at'])).toBeUndefined();
      expect(m.matchLanguage('DE-at', ['en', 'de-AT'])).toBe('de-AT');
    });

    it('gives Bilanz’s own words in German for German and in English for anything else', () => {
      expect(['de', 'de-CH', 'en', 'en-GB', 'fr', 'tr'].map(m.appLanguage)).toEqual([
        'de',
        'de',
        'en',
        'en',
        'en',
        'en',
      ]);
    });

    it('accepts language tags and nothing else', () => {
      for (const tag of ['de', 'en', 'fil', 'de-AT', 'zh-cn', 'sr-Latn-RS'])
        expect(m.LANGUAGE_TAG.test(tag), tag).toBe(true);
      for (const tag of ['', 'd', 'deutsch', 'DE', 'de_AT', 'de-', 'de-AT-x-y-z', 'en;q=1', '../de', 'default'])
        expect(m.LANGUAGE_TAG.test(tag), tag).toBe(false);
    });
  });
}

describe('questionnaire languages, API only', () => {
  it('puts every text of a definition into one language', () => {
    const inGerman = api.definitionIn(english, 'de');
    expect(inGerman.title).toBe('Mitgliederumfrage');
    expect(inGerman.pages[0]!.elements[0]).toMatchObject({
      title: 'Welcher Bereich?',
      choices: [{ value: 'civic', text: 'Bürgerschaftlich' }, 'other'],
    });
    // Answers stay answers.
    expect(inGerman.pages[0]!.elements[2]).toEqual(english.pages[0]!.elements[2]);
    expect(api.definitionIn(noDefault, 'en').pages[0]!.elements[0]!.title).toBe('Wo kommen Sie her?');
    expect('locale' in api.definitionIn(german, 'en')).toBe(false);
    expect(english.title).toEqual({ default: 'Member survey', de: 'Mitgliederumfrage' });
  });

  it('validates ?locale with the same pattern', () => {
    expect(api.LabelLocale.safeParse('de-AT').success).toBe(true);
    expect(api.LabelLocale.safeParse('deutsch').success).toBe(false);
  });
});

describe('questionnaire languages, web only', () => {
  it('starts in the browser’s language if carried, else the app’s, else the default language', () => {
    expect(web.startLanguage(['en', 'de'], ['de-DE', 'de', 'en'], 'en')).toBe('de');
    expect(web.startLanguage(['en', 'de'], ['fr-FR', 'fr'], 'de')).toBe('de');
    expect(web.startLanguage(['en', 'de'], ['fr-FR'], 'it')).toBe('en');
    expect(web.startLanguage(['de', 'en', 'fr'], ['fr-CA', 'en'], 'de')).toBe('fr');
    expect(web.startLanguage([], [], undefined)).toBe('en');
  });

  it('names each language in itself', () => {
    expect(web.languageName('de')).toBe('Deutsch');
    expect(web.languageName('en')).toBe('English');
    expect(web.languageName('fr')).toBe('Français');
    expect(web.languageName('qq')).toBe('qq');
  });
});

describe('the rule for texts agrees with survey-core', () => {
  const saved = surveyLocalization.defaultLocale;
  afterEach(() => {
    surveyLocalization.defaultLocale = saved;
  });

  /** Questionnaires other people wrote (read where they are, never copied), and Bilanz's templates. */
  const corpus = path.resolve('../shared/conformance/surveyjs');
  const files = [
    ...(existsSync(corpus)
      ? readdirSync(corpus)
          .filter((f) => f.endsWith('.json'))
          .map((f) => path.join(corpus, f))
      : []),
    ...readdirSync('surveys')
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join('surveys', f)),
  ];

  it.each(files.map((f) => [path.basename(f), f]))('%s: the same languages as getUsedLocales()', (_name, file) => {
    const definition: unknown = JSON.parse(readFileSync(file, 'utf8'));
    surveyLocalization.defaultLocale = api.defaultLanguage(definition);
    const used = new Model(definition).getUsedLocales();
    const ours = api.languagesOf(definition);
    expect(new Set(ours.map((l) => l.toLowerCase()))).toEqual(
      new Set([api.defaultLanguage(definition), ...used].map((l) => l.toLowerCase())),
    );
    expect(web.languagesOf(definition)).toEqual(ours);
  });

  it('shows the same title as survey-core in every carried language', () => {
    for (const definition of [english, german, noDefault]) {
      surveyLocalization.defaultLocale = api.defaultLanguage(definition);
      const model = new Model(definition);
      for (const language of api.languagesOf(definition)) {
        model.locale = language;
        for (const q of model.getAllQuestions()) {
          const element = definition.pages[0]!.elements.find((e) => e.name === q.name)!;
          const ours = api.textFor(element.title, language, api.defaultLanguage(definition)) ?? q.name;
          // One difference, on purpose: a text with neither this language nor `default` shows its
          // name in survey-core; results and reports take the default language's entry instead.
          if (definition === noDefault && language === 'en' && q.name === 'from') {
            expect([ours, q.title]).toEqual(['Wo kommen Sie her?', 'from']);
            continue;
          }
          expect(ours, `${q.name} in ${language}`).toBe(q.title);
        }
      }
    }
  });

  it('finds German and English in Bilanz’s templates, German being the default', () => {
    for (const file of readdirSync('surveys').filter((f) => f.endsWith('.json'))) {
      expect(api.languagesOf(JSON.parse(readFileSync(path.join('surveys', file), 'utf8'))), file).toEqual(['de', 'en']);
    }
  });
});

describe('survey-core’s own texts, loaded per language', () => {
  it('loads every language survey-core ships, under the code it registers', async () => {
    for (const code of surveyTextCodes()) {
      expect(await loadSurveyTexts(code), code).toBe(true);
      expect(surveyLocalization.locales[code]?.pagePrevText, code).toEqual(expect.any(String));
    }
    expect(surveyLocalization.locales.fr!.pageNextText).toBe('Suivant');
  });

  it('finds them for regional tags and standard codes survey-core spells otherwise', async () => {
    expect(['de-AT', 'pt-BR', 'zh-Hant', 'nb', 'my', 'te', 'en-GB'].map(surveyTextsCode)).toEqual([
      'de',
      'pt-br',
      'zh-tw',
      'no',
      'mm',
      'tel',
      'en',
    ]);
    expect(await loadSurveyTexts('nb')).toBe(true);
    expect(surveyLocalization.locales.nb).toBe(surveyLocalization.locales.no);
    expect(await loadSurveyTexts('qq')).toBe(false);
  });

  it('speaks to German respondents with “du”', async () => {
    await loadSurveyTexts('de');
    expect(surveyLocalization.locales.de!.requiredError).toBe('Bitte beantworte diese Frage.');
    expect(surveyLocalization.locales.de!.pageNextText).toBe('Weiter');
  });
});
