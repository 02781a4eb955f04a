import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateInvitations,
  useInvitations,
  type CreateInvitationsBody,
  type CreatedInvitation,
  type WaveDetail,
} from '../../api/waves';
import { useDateFormat } from '../../format';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { TextAreaField, TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useWaveFormat } from './format';
import { RadioGroup } from './RadioGroup';

type Mode = 'count' | 'recipients';
type Format = 'json' | 'csv';

const MAX_INVITATIONS = 5000;

/** Offers a file the browser already holds (a Blob) as a download. */
function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Personal invitation links of an invitation wave: create (shown once, or as CSV), and list. */
export function InvitationsPanel({ ws, wave }: { ws: string; wave: WaveDetail }) {
  const { t } = useTranslation();
  const create = useCreateInvitations(ws, wave.id);
  const { formRef, errors, check } = useFieldErrors<'count' | 'recipients'>();
  const [mode, setMode] = useState<Mode>('count');
  const [created, setCreated] = useState<CreatedInvitation[] | null>(null);
  const [notice, setNotice] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    setNotice('');
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const format: Format = submitter instanceof HTMLButtonElement && submitter.value === 'csv' ? 'csv' : 'json';
    const form = new FormData(event.currentTarget);
    let body: CreateInvitationsBody;
    if (mode === 'count') {
      const count = Number(String(form.get('count') ?? '').trim());
      if (
        !check(
          Number.isInteger(count) && count >= 1 && count <= MAX_INVITATIONS
            ? {}
            : { count: t('waves.invitations.countInvalid') },
        )
      )
        return;
      body = { count };
    } else {
      const labels = String(form.get('recipients') ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      if (
        !check(
          labels.length > 0 && labels.length <= MAX_INVITATIONS
            ? {}
            : { recipients: t('waves.invitations.recipientsEmpty') },
        )
      )
        return;
      body = { recipients: labels.map((label) => ({ label })) };
    }
    const count = 'count' in body ? body.count : body.recipients.length;
    create.mutate(
      { body, format },
      {
        onSuccess: (answer) => {
          if (answer.format === 'csv') {
            const fileName = `invitations-${new Date().toISOString().slice(0, 10)}.csv`;
            saveFile(answer.file, fileName);
            setNotice(t('waves.invitations.downloaded', { count, file: fileName }));
          } else {
            setCreated(answer.invitations);
          }
        },
      },
    );
  }

  return (
    <section aria-labelledby="wave-invitations-title" className="panel">
      <h2 id="wave-invitations-title">{t('waves.invitations.title')}</h2>
      <p className="muted">{t('waves.invitations.intro')}</p>
      <form ref={formRef} noValidate onSubmit={submit}>
        <RadioGroup
          legend={t('waves.invitations.mode')}
          name="mode"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'count', label: t('waves.invitations.modeCount') },
            { value: 'recipients', label: t('waves.invitations.modeRecipients') },
          ]}
        />
        {mode === 'count' ? (
          <TextField
            label={t('waves.invitations.count')}
            hint={t('waves.invitations.countRule')}
            error={errors.count}
            name="count"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_INVITATIONS}
            step={1}
            defaultValue={10}
            className="input-short"
          />
        ) : (
          <TextAreaField
            label={t('waves.invitations.recipients')}
            hint={t('waves.invitations.recipientsHint')}
            error={errors.recipients}
            name="recipients"
            rows={8}
          />
        )}
        <p className="field-hint">{t('waves.invitations.csvHint')}</p>
        <ErrorAlert error={create.error} />
        <div className="actions">
          <button type="submit" name="format" value="json" className="button-primary" disabled={create.isPending}>
            {create.isPending ? t('common.pleaseWait') : t('waves.invitations.showLinks')}
          </button>
          <button type="submit" name="format" value="csv" disabled={create.isPending}>
            {t('waves.invitations.downloadCsv')}
          </button>
        </div>
      </form>
      <SuccessStatus>{notice}</SuccessStatus>
      {created && <CreatedLinks invitations={created} />}
      <InvitationList ws={ws} wave={wave} />
    </section>
  );
}

/** The links just created: shown this once. */
function CreatedLinks({ invitations }: { invitations: CreatedInvitation[] }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState('');

  useEffect(() => headingRef.current?.focus(), [invitations]);

  async function copyAll() {
    const lines = invitations.map((i) => (i.label ? `${i.label}\t${i.url}` : i.url)).join('\n');
    try {
      await navigator.clipboard.writeText(lines);
      setCopyState(t('common.copied'));
    } catch {
      setCopyState(t('common.copyFailed'));
    }
  }

  return (
    <section className="secret" aria-labelledby="created-invitations-title">
      <h3 id="created-invitations-title" ref={headingRef} tabIndex={-1}>
        {t('waves.invitations.createdTitle')}
      </h3>
      <p>{t('waves.invitations.createdNote')}</p>
      <p>
        <button type="button" onClick={() => void copyAll()}>
          {t('waves.invitations.copyAll')}
        </button>
      </p>
      <p role="status" className="secret-copy-state">
        {copyState}
      </p>
      <ol className="created-links">
        {invitations.map((invitation, index) => {
          const name = invitation.label
            ? t('waves.invitations.linkFor', { label: invitation.label })
            : t('waves.invitations.linkNumber', { number: index + 1 });
          return (
            <li key={invitation.token}>
              {invitation.label && <span className="created-link-label">{invitation.label}</span>}
              <input
                className="secret-value"
                readOnly
                value={invitation.url}
                aria-label={name}
                onFocus={(event) => event.currentTarget.select()}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function InvitationList({ ws, wave }: { ws: string; wave: WaveDetail }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const waveFormat = useWaveFormat();
  const invitations = useInvitations(ws, wave.id, true);
  const list = invitations.data?.invitations;

  return (
    <>
      <h3 id="invitation-list-title">{t('waves.invitations.listTitle')}</h3>
      <p className="muted">{t('waves.settings.invitationsValue', wave.invitations)}</p>
      {invitations.isPending && <Loading />}
      <ErrorAlert error={invitations.error} />
      {list && list.length === 0 && <p className="empty">{t('waves.invitations.empty')}</p>}
      {list && list.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="invitation-list-title" tabIndex={0}>
          <table className="table-compact">
            <thead>
              <tr>
                <th scope="col">{t('waves.invitations.label')}</th>
                <th scope="col">{t('waves.invitations.createdOn')}</th>
                <th scope="col">{t('waves.invitations.usedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.label ?? <span className="muted">{t('waves.invitations.noLabel')}</span>}</td>
                  <td className="nowrap">{format.date(invitation.createdAt)}</td>
                  <td className="nowrap">
                    {invitation.usedOn ? waveFormat.day(invitation.usedOn) : t('waves.invitations.unused')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
