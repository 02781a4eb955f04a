import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QuestionTypes } from '../../api/results';
import { figureKindOf, isOpenText } from '../../components/charts/datasets';
import type { FigureProps } from './figure-props';
import { CellFigures } from './CellFigures';
import { ChoiceFigures } from './ChoiceFigures';
import { headingTag, useCountText, useNumbers } from './format';
import { ItemFigures } from './ItemFigures';
import { MatrixFigures } from './MatrixFigures';
import { SliderFigures } from './SliderFigures';

export interface QuestionCardProps extends FigureProps {
  /** The server's question type registry (wave results); absent in the report, whose views are read off the figures. */
  questionTypes?: QuestionTypes;
  className: string;
  /** Makes the heading's id unique on the page. */
  idPrefix: string;
  /** What an open question says: a link to its answers (dashboard), the report's sentence, or only that its answers are counted. */
  openText: 'link' | 'report' | 'plain';
}

/**
 * One question with its heading, how many answered and the view its figure
 * kind calls for. A dynamic panel draws each inner question with this same
 * card, one heading level lower.
 */
export function QuestionCard(props: QuestionCardProps) {
  const { q, min, compare, level, className, idPrefix } = props;
  const { t } = useTranslation();
  const countText = useCountText(min);
  const Heading = headingTag(level);
  const headingId = `${idPrefix}${q.name}`;
  return (
    <section className={className} aria-labelledby={headingId}>
      <Heading id={headingId}>{q.title}</Heading>
      <p className="muted">
        {t('results.questionN', { n: countText(q.n) })}
        {compare && ` · ${compare.title}: ${compare.q ? countText(compare.q.n) : t('results.compare.notAsked')}`}
      </p>
      {q.suppressed ? (
        <p className="alert alert-warning">{t('results.suppressedQuestion', { min })}</p>
      ) : (
        <QuestionFigures {...props} />
      )}
    </section>
  );
}

function QuestionFigures(props: QuestionCardProps) {
  const { q, questionTypes, openText } = props;
  const { t } = useTranslation();
  const kind = figureKindOf(q, questionTypes);
  const noChart = <p className="muted">{t('results.noChart')}</p>;
  switch (kind) {
    case 'choices':
    case 'scale':
      return q.choices ? <ChoiceFigures {...props} scale={kind === 'scale'} /> : noChart;
    case 'matrix':
      return q.rows ? <MatrixFigures {...props} /> : noChart;
    case 'items':
    case 'ranks':
      return q.items ? <ItemFigures {...props} ranks={kind === 'ranks'} /> : noChart;
    case 'numbers':
      return <SliderFigures {...props} />;
    case 'cells':
      return q.cells ? <CellFigures {...props} /> : noChart;
    case 'panels':
      return <PanelFigures {...props} />;
    case 'count':
      // Without the registry (the report) a question with codebook counts is open text; of others only n is known.
      if (!questionTypes && !isOpenText(q)) return <p className="muted">{t('results.countOnly')}</p>;
      if (!isOpenText(q, questionTypes)) return noChart;
      if (openText === 'report') return <p className="muted">{t('report.survey.textOnly')}</p>;
      return (
        <p className="muted">
          {t('results.textOnly')}{' '}
          {openText === 'link' && <Link to={`answers/${encodeURIComponent(q.name)}`}>{t('results.openAnswers')}</Link>}
        </p>
      );
  }
}

/** A dynamic panel: how many entered how many panels, then each inner question as its own card. */
function PanelFigures(props: QuestionCardProps) {
  const { q, min, compare, level, idPrefix } = props;
  const { t } = useTranslation();
  const numbers = useNumbers();
  const panels = q.panels;
  return (
    <>
      {panels && (
        <p>
          {panels.n === null || panels.total === null
            ? t('results.panels.hidden', { min })
            : t('results.panels.line', {
                count: panels.n,
                entries: t('results.panels.entries', { count: panels.total }),
                mean: panels.mean === null ? '–' : numbers.decimal(panels.mean),
              })}{' '}
          {t('results.panels.perRespondent')}
        </p>
      )}
      <div className="result-inner-list">
        {(q.inner ?? []).map((inner) => (
          <QuestionCard
            key={inner.name}
            {...props}
            q={inner}
            compare={
              compare ? { title: compare.title, q: compare.q?.inner?.find((c) => c.name === inner.name) } : undefined
            }
            level={level + 1}
            className="result-inner"
            idPrefix={`${idPrefix}${q.name}-`}
            openText="plain"
          />
        ))}
      </div>
    </>
  );
}
