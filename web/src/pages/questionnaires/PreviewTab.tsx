import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Status';
import { languageName, languagesOf } from '../../components/survey/locales';
import type { JsonObject } from '../../designer/json';
import { langs } from '../../designer/text';

// survey-core and survey-react-ui are large; only the preview needs them.
const SurveyPreview = lazy(() => import('../../components/survey/SurveyPreview'));

type Width = 'desktop' | 'phone';

/** The draft as respondents would see it, at desktop or phone width, in German, English and any other language it carries. */
export function PreviewTab({ definition }: { definition: JsonObject }) {
  const { t, i18n } = useTranslation();
  const [width, setWidth] = useState<Width>('desktop');
  const [lang, setLang] = useState<string>(i18n.resolvedLanguage === 'de' ? 'de' : 'en');
  const languages = useMemo(
    () => [...langs, ...languagesOf(definition).filter((l) => !(langs as readonly string[]).includes(l))],
    [definition],
  );

  return (
    <>
      <div className="preview-controls">
        <div className="toggle-group" role="group" aria-label={t('designer.preview.width')}>
          <span className="toggle-label" aria-hidden="true">
            {t('designer.preview.width')}
          </span>
          {(['desktop', 'phone'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={width === option} onClick={() => setWidth(option)}>
              {t(`designer.preview.${option}`)}
            </button>
          ))}
        </div>
        <div className="toggle-group" role="group" aria-label={t('designer.preview.language')}>
          <span className="toggle-label" aria-hidden="true">
            {t('designer.preview.language')}
          </span>
          {languages.map((option) => (
            <button
              key={option}
              type="button"
              lang={option === 'de' || option === 'en' ? undefined : option}
              aria-pressed={lang === option}
              onClick={() => setLang(option)}
            >
              {option === 'de' || option === 'en' ? t(`designer.lang.${option}`) : languageName(option)}
            </button>
          ))}
        </div>
      </div>
      <p className="muted">{t('designer.preview.notStored')}</p>
      <div className={width === 'phone' ? 'preview-frame preview-phone' : 'preview-frame'}>
        <Suspense fallback={<Loading />}>
          <SurveyPreview definition={definition} locale={lang} />
        </Suspense>
      </div>
    </>
  );
}
