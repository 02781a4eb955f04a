import { useTranslation } from 'react-i18next';
import { useAnswers } from '../../api/answers';
import { SelectField } from '../../components/TextField';
import { Loading } from '../../components/Status';
import { useWaveOpenQuestions } from '../answers/openQuestions';

/** The wave's open questions to choose from, and the codes its answers carry: the session's options. */
export function CodedOptions({
  ws,
  wave,
  question,
  onQuestion,
}: {
  ws: string;
  wave: string;
  question: string;
  onQuestion: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { questions } = useWaveOpenQuestions(ws, wave);
  const answers = useAnswers(ws, wave, question, '', i18n.resolvedLanguage ?? 'en');
  const codes = (answers.data?.codes ?? []).filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  if (!questions) return <Loading />;
  return (
    <>
      <SelectField
        label={t('sessions.new.question')}
        value={question}
        onChange={(e) => onQuestion(e.target.value)}
        options={[
          { value: '', label: t('sessions.new.noQuestion') },
          ...questions.map((q) => ({ value: q.name, label: q.title })),
        ]}
      />
      {question && answers.data && (
        <div className="coded-options" aria-live="polite">
          <p>{t('sessions.new.coded', { count: codes.length })}</p>
          {codes.length > 0 && (
            <ul>
              {codes.map((c) => (
                <li key={c.id}>
                  {c.label} <span className="muted">({t('sessions.new.answers', { count: c.count })})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
