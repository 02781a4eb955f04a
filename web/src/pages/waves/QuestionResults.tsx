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
      {data.suppressed ? (
        <p className="alert alert-warning" role="status">
          {t('results.suppressedAll', { min: data.minGroupSize })}
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
      {compareData?.suppressed && (
        <p className="alert alert-warning">
          {t('results.compare.suppressed', { title: compareData.wave.title, min: compareData.minGroupSize })}
        </p>
      )}
    </>
  );
}
