import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateShare, useRevokeShare, useShares, type CreatedShare } from '../../api/reports';
import { ConfirmButton } from '../../components/ConfirmButton';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { TextField } from '../../components/TextField';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { useIndicatorFormat } from '../indicators/parts';

/**
 * Share links of a report (organisers): create one (expiry), see its address
 * once, list links with their last day of access, withdraw. A link never shows
 * free text, picked quotes included (DESIGN §3): the panel says so.
 */
export function SharePanel({ ws, reportId, dirty }: { ws: string; reportId: string; dirty: boolean }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const shares = useShares(ws, true);
  const create = useCreateShare(ws);
  const revoke = useRevokeShare(ws);
  const [days, setDays] = useState('30');
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const [revoked, setRevoked] = useState(false);
  const dayCount = Math.round(Number(days));
  const daysValid = Number.isFinite(dayCount) && dayCount >= 1 && dayCount <= 365;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!daysValid) return;
    setRevoked(false);
    create.mutate({ report: reportId, expiresInDays: dayCount }, { onSuccess: setCreated });
  }

  const mine = (shares.data?.shares ?? []).filter((s) => s.report.id === reportId);
  const day = (iso: string) => format.day(iso.slice(0, 10));

  return (
    <section className="panel report-share no-print" aria-labelledby="report-share-title">
      <h2 id="report-share-title">{t('report.share.title')}</h2>
      <p>{t('report.share.intro')}</p>
      {dirty && <p className="alert alert-warning">{t('report.share.saveFirst')}</p>}
      <form onSubmit={submit} noValidate className="report-share-form">
        <TextField
          label={t('report.share.expiry')}
          type="number"
          min={1}
          max={365}
          value={days}
          error={daysValid ? undefined : t('report.share.expiryInvalid')}
          onChange={(e) => setDays(e.target.value)}
        />
        <SubmitButton pending={create.isPending}>{t('report.share.create')}</SubmitButton>
      </form>
      <ErrorAlert error={create.error} />
      {created && (
        <OneTimeSecret
          title={t('report.share.createdTitle')}
          label={t('report.share.createdLabel')}
          value={created.url}
        >
          <p className="field-hint">{t('report.share.createdHint', { date: day(created.expiresAt) })}</p>
        </OneTimeSecret>
      )}

      <h3 id="report-share-list">{t('report.share.list')}</h3>
      {shares.isPending ? (
        <Loading />
      ) : mine.length === 0 ? (
        <p className="empty">{t('report.share.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="report-share-list" tabIndex={0}>
          <table className="table-compact">
            <thead>
              <tr>
                <th scope="col">{t('report.share.created')}</th>
                <th scope="col">{t('report.share.expires')}</th>
                <th scope="col">{t('report.share.lastAccess')}</th>
                <th scope="col">{t('report.share.stateTitle')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{day(s.createdAt)}</th>
                  <td>{day(s.expiresAt)}</td>
                  <td>{s.lastAccessOn ? format.day(s.lastAccessOn) : t('report.share.never')}</td>
                  <td>{t(`report.share.state.${s.state}`)}</td>
                  <td>
                    {s.state === 'active' && (
                      <ConfirmButton
                        label={t('report.share.revoke')}
                        accessibleLabel={t('report.share.revokeLabel', { date: day(s.createdAt) })}
                        question={t('report.share.revokeQuestion')}
                        confirmLabel={t('report.share.revoke')}
                        pending={revoke.isPending}
                        onConfirm={() => revoke.mutate(s.id, { onSuccess: () => setRevoked(true) })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorAlert error={shares.error ?? revoke.error} />
      <SuccessStatus>{revoked ? t('report.share.revoked') : ''}</SuccessStatus>
    </section>
  );
}
