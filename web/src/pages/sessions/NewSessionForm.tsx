import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateSession } from '../../api/sessions';
import { useWaves } from '../../api/waves';
import { SelectField, TextAreaField, TextField } from '../../components/TextField';
import { ErrorAlert } from '../../components/Status';
import { CodedOptions } from './CodedOptions';

/** Opening a session: title, the wave and open question whose coded answers become options, options by hand, method. */
export function NewSessionForm({ ws }: { ws: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const waves = useWaves(ws);
  const create = useCreateSession(ws);
  const [title, setTitle] = useState('');
  const [wave, setWave] = useState('');
  const [question, setQuestion] = useState('');
  const [extra, setExtra] = useState('');
  const [method, setMethod] = useState<'dots' | 'rating'>('dots');
  const [points, setPoints] = useState(3);
  const options = extra
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

  return (
    <section aria-labelledby="new-session-title">
      <h2 id="new-session-title">{t('sessions.new.title')}</h2>
      <form
        className="session-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { title, method, points, options, ...(wave && question && { wave, question }) },
            { onSuccess: (s) => void navigate(`/w/${ws}/sessions/${s.id}/projector`) },
          );
        }}
      >
        <TextField
          label={t('sessions.new.name')}
          value={title}
          required
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <SelectField
          label={t('sessions.new.wave')}
          value={wave}
          onChange={(e) => {
            setWave(e.target.value);
            setQuestion('');
          }}
          options={[
            { value: '', label: t('sessions.new.noWave') },
            ...(waves.data?.waves ?? []).map((w) => ({ value: w.id, label: w.title })),
          ]}
        />
        {wave && <CodedOptions ws={ws} wave={wave} question={question} onQuestion={setQuestion} />}
        <TextAreaField
          label={t('sessions.new.extra')}
          hint={t('sessions.new.extraHint')}
          rows={4}
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
        />
        <SelectField
          label={t('sessions.new.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value === 'rating' ? 'rating' : 'dots')}
          options={[
            { value: 'dots', label: t('sessions.method.dots') },
            { value: 'rating', label: t('sessions.method.rating') },
          ]}
        />
        {method === 'dots' && (
          <TextField
            label={t('sessions.new.points')}
            type="number"
            min={1}
            max={20}
            required
            value={points}
            onChange={(e) => setPoints(Number(e.target.value))}
          />
        )}
        <ErrorAlert error={create.error} />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {t('sessions.new.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
