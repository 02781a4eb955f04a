import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUpdateWave, useWave, type UpdateWaveBody, type WaveDetail } from '../../api/waves';
import { useDateFormat } from '../../format';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { MISSING, PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { OpenAnswersLinks } from '../answers/OpenAnswersLinks';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { fromLocalInput, parseRetentionDays, toLocalInput, useWaveFormat } from './format';
import { InvitationsPanel } from './InvitationsPanel';
import { PrivacyNoticePanel } from './PrivacyNoticePanel';
import { QrCode } from './QrCode';
import { StateBadge } from './StateBadge';
import { WaveTimingFields } from './WaveTimingFields';

/**
 * `/w/:ws/waves/:id/settings`: one wave's details, link and QR code, dates,
 * privacy notice and invitations. (`/w/:ws/waves/:id` is the results dashboard.)
 */
export function WaveSettingsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const id = useParams().id ?? '';
  const query = useWave(workspace.slug, id);
  const isOrganiser = workspace.role === 'organiser';

  const back = (
    <p className="back-link">
      <Link to={`/w/${workspace.slug}/waves`}>{t('waves.settings.back')}</Link>
    </p>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        {/* 400: not even a wave id; both mean there is no such wave here. */}
        <PageError error={query.error} notFoundStatuses={MISSING} />
      </>
    );
  }
  const { wave } = query.data;
  return (
    <>
      {back}
      <PageHeading title={wave.title} />
      <p className="results-links">
        <Link to={`/w/${workspace.slug}/waves/${wave.id}`}>{t('waves.settings.resultsLink')}</Link>
      </p>
      <WaveFacts wave={wave} />
      {wave.responses.complete + wave.responses.partial + wave.responses.held === 0 && (
        <p className="empty" data-testid="nobody-yet">
          {t('results.empty.nobody')}
        </p>
      )}
      {isOrganiser && <StatusControl ws={workspace.slug} wave={wave} />}
      <LinkPanel wave={wave} />
      {isOrganiser && <EditForm key={wave.id} ws={workspace.slug} wave={wave} />}
      <OpenAnswersLinks ws={workspace.slug} waveId={wave.id} />
      <PrivacyNoticePanel ws={workspace.slug} wave={wave} editable={isOrganiser} />
      {isOrganiser && wave.access === 'invitation' && <InvitationsPanel ws={workspace.slug} wave={wave} />}
    </>
  );
}

function WaveFacts({ wave }: { wave: WaveDetail }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const waveFormat = useWaveFormat();
  const none = t('waves.list.none');
  return (
    <section aria-labelledby="wave-facts-title">
      <h2 id="wave-facts-title" className="visually-hidden">
        {t('waves.settings.facts')}
      </h2>
      <dl className="facts">
        <dt>{t('waves.settings.state')}</dt>
        <dd>
          <StateBadge state={wave.state} />
        </dd>
        <dt>{t('waves.settings.questionnaire')}</dt>
        <dd>{t('waves.list.questionnaireVersion', { questionnaire: wave.questionnaire, version: wave.version })}</dd>
        <dt>{t('waves.settings.access')}</dt>
        <dd>{t(`waves.access.${wave.access}`)}</dd>
        <dt>{t('waves.settings.anonymous')}</dt>
        <dd>{wave.anonymous ? t('waves.settings.yes') : t('waves.settings.no')}</dd>
        <dt>{t('waves.settings.opensAt')}</dt>
        <dd>{wave.opensAt ? format.dateTime(wave.opensAt) : t('waves.settings.notSet')}</dd>
        <dt>{t('waves.settings.closesAt')}</dt>
        <dd>{wave.closesAt ? format.dateTime(wave.closesAt) : t('waves.settings.notSet')}</dd>
        <dt>{t('waves.settings.responses')}</dt>
        <dd>{t('waves.settings.responsesValue', wave.responses)}</dd>
        <dt>{t('waves.settings.completionRate')}</dt>
        <dd>{wave.completionRate === null ? none : waveFormat.percent(wave.completionRate)}</dd>
        <dt>{t('waves.settings.lastResponse')}</dt>
        <dd>{wave.lastResponseOn ? waveFormat.day(wave.lastResponseOn) : none}</dd>
        {wave.access === 'invitation' && (
          <>
            <dt>{t('waves.settings.invitations')}</dt>
            <dd>{t('waves.settings.invitationsValue', wave.invitations)}</dd>
          </>
        )}
        <dt>{t('waves.settings.retention')}</dt>
        <dd>
          {wave.retentionDays
            ? t('waves.settings.retentionDays', { count: wave.retentionDays })
            : t('waves.settings.keptIndefinitely')}
        </dd>
        <dt>{t('waves.settings.created')}</dt>
        <dd>{format.date(wave.createdAt)}</dd>
      </dl>
    </section>
  );
}

function StatusControl({ ws, wave }: { ws: string; wave: WaveDetail }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const update = useUpdateWave(ws, wave.id);
  const [notice, setNotice] = useState('');

  function setStatus(status: 'open' | 'closed') {
    setNotice('');
    update.mutate(
      { status },
      { onSuccess: () => setNotice(status === 'closed' ? t('waves.settings.closed') : t('waves.settings.reopened')) },
    );
  }

  return (
    <div className="wave-status">
      {wave.status === 'open' ? (
        <ConfirmButton
          label={t('waves.settings.close')}
          question={t('waves.settings.closeQuestion')}
          confirmLabel={t('waves.settings.closeConfirm')}
          pending={update.isPending}
          onConfirm={() => setStatus('closed')}
        />
      ) : (
        <button type="button" disabled={update.isPending} onClick={() => setStatus('open')}>
          {t('waves.settings.reopen')}
        </button>
      )}
      {wave.status === 'open' && wave.state === 'closed' && (
        <p className="muted">{t('waves.settings.reopenBlockedByDate')}</p>
      )}
      {wave.state === 'not_open' && wave.opensAt && (
        <p className="muted">{t('waves.settings.notOpenYet', { date: format.dateTime(wave.opensAt) })}</p>
      )}
      <ErrorAlert error={update.error} />
      <SuccessStatus>{notice}</SuccessStatus>
    </div>
  );
}

function LinkPanel({ wave }: { wave: WaveDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="wave-link-title" className="panel">
      <h2 id="wave-link-title">{t('waves.link.title')}</h2>
      {wave.access === 'invitation' ? (
        <p>{t('waves.link.invitationNote')}</p>
      ) : (
        <div className="wave-link">
          <CopyField label={t('waves.link.label')} value={wave.url} />
          <QrCode url={wave.url} fileName={`bilanz-qr-${wave.key.slice(0, 8)}.png`} />
        </div>
      )}
    </section>
  );
}

type EditField = 'title' | 'opensAt' | 'closesAt' | 'retentionDays';

function EditForm({ ws, wave }: { ws: string; wave: WaveDetail }) {
  const { t } = useTranslation();
  const update = useUpdateWave(ws, wave.id);
  const { formRef, errors, check } = useFieldErrors<EditField>();
  const [result, setResult] = useState<'saved' | 'unchanged' | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const title = text('title');
    const opensText = text('opensAt');
    const closesText = text('closesAt');
    const opensAt = fromLocalInput(opensText);
    const closesAt = fromLocalInput(closesText);
    const retentionDays = parseRetentionDays(text('retentionDays'));
    const valid = check({
      ...(title ? {} : { title: t('validation.required') }),
      ...(opensAt === undefined ? { opensAt: t('waves.validation.date') } : {}),
      ...(closesAt === undefined
        ? { closesAt: t('waves.validation.date') }
        : opensAt && closesAt && closesAt <= opensAt
          ? { closesAt: t('waves.validation.closesAfterOpens') }
          : {}),
      ...(retentionDays === undefined ? { retentionDays: t('waves.validation.retentionDays') } : {}),
    });
    if (!valid || opensAt === undefined || closesAt === undefined || retentionDays === undefined) return;
    // Send only what changed, so that the audit log records real changes.
    const changes: UpdateWaveBody = {
      ...(title !== wave.title && { title }),
      ...(opensText !== toLocalInput(wave.opensAt) && { opensAt }),
      ...(closesText !== toLocalInput(wave.closesAt) && { closesAt }),
      ...(retentionDays !== wave.retentionDays && { retentionDays }),
    };
    if (Object.keys(changes).length === 0) {
      setResult('unchanged');
      return;
    }
    update.mutate(changes, { onSuccess: () => setResult('saved') });
  }

  return (
    <section aria-labelledby="wave-edit-title" className="panel">
      <h2 id="wave-edit-title">{t('waves.settings.edit')}</h2>
      <form ref={formRef} noValidate onSubmit={submit}>
        <TextField
          label={t('waves.fields.title')}
          error={errors.title}
          name="title"
          required
          maxLength={200}
          defaultValue={wave.title}
        />
        <WaveTimingFields errors={errors} wave={wave} />
        <ErrorAlert error={update.error} />
        <SubmitButton pending={update.isPending}>{t('common.save')}</SubmitButton>
      </form>
      <SuccessStatus>
        {result === 'saved' && t('common.saved')}
        {result === 'unchanged' && t('common.nothingChanged')}
      </SuccessStatus>
    </section>
  );
}
