import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Wave } from '../../api/waves';
import { CopyField } from '../../components/CopyField';
import { QrCode } from './QrCode';

/**
 * A wave without complete answers: says so plainly (not "fewer than N", which
 * reads like a filter problem) and offers what gets answers in: the link and
 * its QR code, or for an invitation wave the way to the invitations.
 */
export function EmptyWave({ ws, wave, partial }: { ws: string; wave: Wave | undefined; partial: number }) {
  const { t } = useTranslation();
  return (
    <section className="panel empty-wave" aria-labelledby="empty-wave-title">
      <h2 id="empty-wave-title">{partial === 0 ? t('results.empty.nobody') : t('results.noResponses')}</h2>
      {wave?.access === 'link' && (
        <>
          <p>{t('results.empty.shareLink')}</p>
          <div className="wave-link">
            <CopyField label={t('waves.link.label')} value={wave.url} />
            <QrCode url={wave.url} fileName={`bilanz-qr-${wave.key.slice(0, 8)}.png`} />
          </div>
        </>
      )}
      {wave?.access === 'invitation' && (
        <p>
          {t('results.empty.invitations')}{' '}
          <Link to={`/w/${ws}/waves/${wave.id}/settings`}>{t('results.empty.invitationsLink')}</Link>
        </p>
      )}
    </section>
  );
}
