import { useTranslation } from 'react-i18next';
import { useUpdateSession } from '../../api/sessions';
import type { Session } from '../../api/types';
import { ErrorAlert } from '../../components/Status';

/** The organiser's buttons under the projector view: close or reopen voting, full screen. */
export function ProjectorControls({
  ws,
  session,
  onChange,
}: {
  ws: string;
  session: Session;
  onChange: (s: Session) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateSession(ws, session.id);
  const closed = session.status === 'closed';
  return (
    <div className="projector-controls">
      <button
        type="button"
        className={closed ? '' : 'button-primary'}
        disabled={update.isPending}
        onClick={() => update.mutate({ status: closed ? 'open' : 'closed' }, { onSuccess: onChange })}
      >
        {closed ? t('projector.reopen') : t('projector.close')}
      </button>
      {document.fullscreenEnabled && (
        <button type="button" onClick={() => void document.documentElement.requestFullscreen()}>
          {t('projector.fullscreen')}
        </button>
      )}
      <ErrorAlert error={update.error} />
    </div>
  );
}
