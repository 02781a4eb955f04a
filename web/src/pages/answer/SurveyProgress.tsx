import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Model } from 'survey-core';

interface Position {
  /** 1-based number of the page shown, among the pages shown for the answers so far. */
  page: number;
  /** How many pages are shown for the answers so far (a condition may hide some). */
  pages: number;
}

const positionOf = (model: Model): Position => ({
  page: model.currentPageNo + 1,
  pages: model.visiblePageCount,
});

/**
 * "Page x of y" over the visible pages, and a bar that fills with the pages
 * left behind: on the first page it is empty, since nothing is answered yet.
 * Replaces survey-core's own progress display, whose page buttons look ticked
 * from the first page on. Follows page changes and conditions that hide or
 * show pages.
 */
export function SurveyProgress({ model }: { model: Model }) {
  const { t } = useTranslation();
  const [position, setPosition] = useState(() => positionOf(model));
  const [running, setRunning] = useState(model.state === 'running');

  useEffect(() => {
    const update = () => {
      setPosition(positionOf(model));
      setRunning(model.state === 'running');
    };
    update();
    model.onCurrentPageChanged.add(update);
    model.onValueChanged.add(update);
    model.onPageVisibleChanged.add(update);
    model.onComplete.add(update);
    return () => {
      model.onCurrentPageChanged.remove(update);
      model.onValueChanged.remove(update);
      model.onPageVisibleChanged.remove(update);
      model.onComplete.remove(update);
    };
  }, [model]);

  if (!running || position.pages < 2) return null;
  const text = t('answer.progress.page', { page: position.page, count: position.pages });
  return (
    <div className="survey-progress">
      <p className="survey-progress-text" id="survey-progress-text">
        {text}
      </p>
      <progress
        className="survey-progress-bar"
        aria-labelledby="survey-progress-text"
        value={position.page - 1}
        max={position.pages}
      />
    </div>
  );
}
