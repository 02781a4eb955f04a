import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { createSurveyModel } from './setup';
import { loadSurveyTexts } from './survey-texts';

export interface SurveyPreviewProps {
  definition: Record<string, unknown>;
  /** Any language tag; survey-core's own texts in it are loaded first. */
  locale: string;
}

/**
 * A definition rendered as respondents see it, answering nowhere: completing
 * shows the completion page and offers to start again. The only module that
 * renders survey-react-ui; load it lazily, it is large.
 */
export default function SurveyPreview({ definition, locale }: SurveyPreviewProps) {
  const { t } = useTranslation();
  const [model, setModel] = useState<Model | null>(null);
  const [failed, setFailed] = useState(false);
  const [completed, setCompleted] = useState(false);

  useEffect(() => {
    let created: Model | undefined;
    let cancelled = false;
    const onComplete = () => setCompleted(true);
    void loadSurveyTexts(locale).then(() => {
      if (cancelled) return;
      try {
        created = createSurveyModel(definition, locale);
      } catch {
        setFailed(true);
        setModel(null);
        return;
      }
      created.onComplete.add(onComplete);
      setFailed(false);
      setCompleted(false);
      setModel(created);
    });
    return () => {
      cancelled = true;
      created?.onComplete.remove(onComplete);
      created?.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is switched in place below, keeping the answers given so far.
  }, [definition]);

  useEffect(() => {
    if (!model) return;
    let current = true;
    void loadSurveyTexts(locale).then(() => {
      if (current) model.locale = locale;
    });
    return () => {
      current = false;
    };
  }, [model, locale]);

  function restart() {
    if (!model) return;
    model.clear(true, true);
    setCompleted(false);
  }

  if (failed) return <p className="alert alert-error">{t('designer.preview.failed')}</p>;
  if (!model) return null;
  return (
    <>
      <div lang={locale}>
        <Survey model={model} />
      </div>
      <div className="preview-completed">
        <p role="status">{completed ? t('designer.preview.completed') : ''}</p>
        {completed && (
          <button type="button" onClick={restart}>
            {t('designer.preview.restart')}
          </button>
        )}
      </div>
    </>
  );
}
