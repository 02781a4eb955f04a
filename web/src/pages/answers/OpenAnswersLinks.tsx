import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../components/Status';
import { useWaveOpenQuestions } from './openQuestions';

/** A wave's open questions, each linking to its answers board (for the wave settings page). */
export function OpenAnswersLinks({ ws, waveId }: { ws: string; waveId: string }) {
  const { t } = useTranslation();
  const { version, questions } = useWaveOpenQuestions(ws, waveId);
  return (
    <section aria-labelledby="open-answers-links-title" className="panel">
      <h2 id="open-answers-links-title">{t('answers.title')}</h2>
      {version.isError ? (
        <ErrorAlert error={version.error} />
      ) : !questions ? (
        <Loading />
      ) : questions.length === 0 ? (
        <p className="muted">{t('answers.links.none')}</p>
      ) : (
        <ul className="answers-links">
          {questions.map((q) => (
            <li key={q.name}>
              <Link to={`/w/${ws}/waves/${waveId}/answers/${encodeURIComponent(q.name)}`}>{q.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
