import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Model, Question } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { AnswerData, AnswerLocale, AnswerProblem } from '../../api/public';
import { createSurveyModel } from '../../components/survey/setup';
import { loadSurveyTexts } from '../../components/survey/survey-texts';
import { SurveyProgress } from './SurveyProgress';

/**
 * The answering page is its own calm column: no tinted surface behind the
 * questions, and narrower insets, so that phones keep their width for text.
 */
const PHONE_FIRST_LAYOUT: Record<string, string> = {
  '--sjs2-color-utility-surface-survey': 'transparent',
  '--sjs2-layout-component-page-content-area-padding-horizontal': '0px',
  '--sjs2-spacing-large-horizontal': 'var(--sjs2-spacing-x250)',
};

export interface SurveyRunnerProps {
  definition: Record<string, unknown>;
  /** The language to show, one the questionnaire carries. */
  locale: AnswerLocale;
  initialData: AnswerData | null;
  /** null: continue on the furthest page with an answer. */
  initialPageNo: number | null;
  /** The server's objections to show next to the questions; a new array shows them again. */
  problems: AnswerProblem[];
  onChange: (data: AnswerData, pageNo: number, urgent: boolean) => void;
  /** Sends the complete response. Resolves true once the server stored it, false to stay on the survey. */
  onComplete: (data: AnswerData) => Promise<boolean>;
}

/**
 * The survey as respondents answer it. Loaded lazily: survey-core and
 * survey-react-ui stay out of the main bundle. Completion waits for the
 * server: SurveyJS shows its completion page only after the answer is stored.
 */
export default function SurveyRunner({
  definition,
  locale,
  initialData,
  initialPageNo,
  problems,
  onChange,
  onComplete,
}: SurveyRunnerProps) {
  const { t } = useTranslation();
  const [model, setModel] = useState<Model | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  // The latest callbacks, without re-creating the model when the parent re-renders.
  const callbacks = useRef({ onChange, onComplete });
  callbacks.current = { onChange, onComplete };

  useEffect(() => {
    let created: Model | undefined;
    let cancelled = false;
    // survey-core's own texts (buttons, messages) in this language come first, so that none shows in English.
    void loadSurveyTexts(locale).then(() => {
      if (cancelled) return;
      created = build();
      setModel(created);
    });
    return () => {
      cancelled = true;
      created?.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the definition and the starting point are fixed for one run; the language changes in place.
  }, [definition]);

  function build(): Model {
    const created = createSurveyModel(definition, locale);
    created.showTitle = false; // the page's own h1 shows it
    created.applyTheme({ cssVariables: PHONE_FIRST_LAYOUT }, { cssVariables: created.themeVariables });
    // The page shows its own progress, counted over the visible pages (SurveyProgress).
    created.showProgressBar = false;
    // Hidden answers are dropped at once: the server refuses answers to questions
    // that are not shown, and what a respondent took back should not be saved.
    created.clearInvisibleValues = 'onHidden';
    created.textUpdateMode = 'onTyping';
    created.autoFocusFirstQuestion = true;
    if (initialData) created.data = initialData;
    created.currentPageNo = Math.min(
      initialPageNo ?? furthestAnsweredPage(created),
      Math.max(created.visiblePageCount - 1, 0),
    );

    let confirmed = false;
    created.onValueChanged.add((survey) =>
      callbacks.current.onChange(survey.data as AnswerData, survey.currentPageNo, false),
    );
    created.onCurrentPageChanged.add((survey) =>
      callbacks.current.onChange(survey.data as AnswerData, survey.currentPageNo, true),
    );
    created.onCompleting.add((survey, options) => {
      if (confirmed) return;
      // SurveyJS completes only after the server said yes (see below).
      options.allow = false;
      survey.readOnly = true;
      void callbacks.current.onComplete(survey.data as AnswerData).then((stored) => {
        survey.readOnly = false;
        if (!stored) return;
        confirmed = true;
        survey.doComplete();
      });
    });
    created.onComplete.add(() => {
      requestAnimationFrame(() => {
        const page = containerRef.current?.querySelector<HTMLElement>('.sd-completedpage');
        if (!page) return;
        page.setAttribute('tabindex', '-1');
        page.focus();
      });
    });
    return created;
  }

  useEffect(() => {
    if (!model) return;
    let current = true;
    void loadSurveyTexts(locale).then(() => {
      if (!current) return;
      model.locale = locale;
      // survey-core keeps the definition's own language as '' and survey-react-ui then
      // marks the survey lang="en"; stored explicitly, the root carries the real language.
      if (model.locale !== locale) model.setPropertyValue('locale', locale);
    });
    return () => {
      current = false;
    };
  }, [model, locale]);

  useEffect(() => {
    if (!model || problems.length === 0) return;
    model.readOnly = false;
    for (const problem of problems) model.getQuestionByName(problem.question)?.addError(problem.message);
    const first = problems.map((p) => model.getQuestionByName(p.question)).find((q) => q?.isVisible);
    first?.focus(true);
  }, [model, problems]);

  if (!model) return null;
  return (
    <div ref={containerRef}>
      {problems.length > 0 && <ProblemList model={model} problems={problems} title={t('answer.problems.title')} />}
      {/* The page around it speaks the app's language (German or English); the survey speaks its own. */}
      <SurveyProgress model={model} />
      <div lang={locale}>
        <Survey model={model} />
      </div>
    </div>
  );
}

/** The server's messages as a list whose entries take the respondent to the question. */
function ProblemList({ model, problems, title }: { model: Model; problems: AnswerProblem[]; title: string }) {
  return (
    <div className="alert alert-error answer-problems" role="alert">
      <h2>{title}</h2>
      <ul>
        {problems.map((problem, index) => {
          const question = model.getQuestionByName(problem.question);
          return (
            <li key={`${problem.question}-${index}`}>
              {question?.isVisible ? (
                <button type="button" className="link-button" onClick={() => question.focus(true)}>
                  {question.processedTitle || question.name}
                </button>
              ) : (
                <strong>{question?.processedTitle || problem.question}</strong>
              )}
              : {problem.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Where a restored response continues: the last page with an answer on it. */
function furthestAnsweredPage(model: Model): number {
  let furthest = 0;
  model.visiblePages.forEach((page, index) => {
    if (page.questions.some((q: Question) => !q.isEmpty())) furthest = index;
  });
  return furthest;
}
