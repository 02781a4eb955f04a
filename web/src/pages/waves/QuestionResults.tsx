import { useTranslation } from 'react-i18next';
import type { WaveResults } from '../../api/results';
import type { Wave } from '../../api/waves';
import type { Measure } from '../../components/charts/datasets';
import { QuestionCard } from './QuestionCard';

/** A card per question, each next to the compared wave's figures when there are any to show. */
export function QuestionResults(props: {
  data: WaveResults;
  measure: Measure;
  compareData: WaveResults | undefined;
  compareWave: Wave | undefined;
}) {
  const { data, measure, compareData, compareWave } = props;
  const { t } = useTranslation();
  return (
    <>
      {data.responses.complete === 0 ? null : data.suppressed ? (
        <p className="alert alert-warning" role="status">
          {/* Advice to remove a filter only where one is set: otherwise the wave itself has too few answers. */}
          {data.filters.length > 0
            ? t('results.suppressedAll', { min: data.minGroupSize })
            : t('results.suppressedFew', { min: data.minGroupSize })}
        </p>
      ) : data.questions.length === 0 ? (
        <p className="empty">{t('results.noQuestions')}</p>
      ) : (
        data.questions.map((q) => (
          <QuestionCard
            key={q.name}
            q={q}
            min={data.minGroupSize}
            measure={measure}
            title={data.wave.title}
            questionTypes={data.questionTypes}
            level={2}
            className="panel result-card"
            idPrefix="q-"
            openText="link"
            compare={
              compareData && !compareData.suppressed
                ? {
                    title: compareWave?.title ?? compareData.wave.title,
                    q: compareData.questions.find((c) => c.name === q.name),
                  }
                : undefined
            }
          />
        ))
      )}
    </>
  );
}
