import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLiveSession } from '../../api/sessions';
import { useWorkspace } from '../../api/workspaces';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Status';
import { QrCode } from '../waves/QrCode';
import { AdoptList } from './AdoptList';
import { ProjectorBars } from './ProjectorBars';
import { ProjectorControls } from './ProjectorControls';
import './sessions.css';

/**
 * `/w/:ws/sessions/:id/projector`: what the room sees on the wall: the QR
 * code and link for phones, the live totals and how many took part. Totals
 * stay hidden until the workspace's minimum group size has voted.
 */
export function ProjectorPage() {
  const { t } = useTranslation();
  const { ws = '', id = '' } = useParams();
  const workspace = useWorkspace(ws);
  const live = useLiveSession(ws, id);
  const session = live.session;
  if (live.error && !session) return <PageError error={live.error} notFoundStatuses={[400, 404]} />;
  if (!session || workspace.isPending) return <Loading />;
  const isOrganiser = workspace.data?.workspace.role === 'organiser';
  const closed = session.status === 'closed';

  return (
    <div className="projector">
      <PageHeading title={session.title} />
      <div className="projector-grid">
        <section className="projector-join" aria-labelledby="projector-join-title">
          <h2 id="projector-join-title">{closed ? t('projector.closedTitle') : t('projector.join')}</h2>
          {closed ? (
            <p className="projector-closed">{t('projector.closedText')}</p>
          ) : (
            <>
              <div className="projector-qr">
                <QrCode url={session.url} fileName={`${session.title}.png`} />
              </div>
              <p className="projector-link">
                <a href={session.url}>{session.url}</a>
              </p>
            </>
          )}
        </section>
        <section className="projector-results" aria-labelledby="projector-results-title">
          <h2 id="projector-results-title">{t('projector.results')}</h2>
          <p className="projector-count" role="status" aria-live="polite" data-testid="participants">
            {t('projector.participants', { count: session.participants })}
          </p>
          {session.suppressed ? (
            <p className="projector-needed">
              {t('projector.needed', { count: session.needed, min: session.minGroupSize })}
            </p>
          ) : (
            <ProjectorBars session={session} />
          )}
          {!live.connected && !closed && <p className="muted">{t('projector.reconnecting')}</p>}
        </section>
      </div>
      {isOrganiser && <ProjectorControls ws={ws} session={session} onChange={live.replace} />}
      {isOrganiser && closed && <AdoptList ws={ws} session={session} />}
    </div>
  );
}
