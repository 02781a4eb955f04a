import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSessions } from '../../api/sessions';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Status';
import { useDateFormat } from '../../format';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { NewSessionForm } from './NewSessionForm';
import './sessions.css';

/** `/w/:ws/sessions`: the prioritisation sessions of the strategy meetings; organisers open new ones. */
export function SessionsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const sessions = useSessions(workspace.slug);
  const format = useDateFormat();
  if (sessions.isError) return <PageError error={sessions.error} />;
  return (
    <>
      <PageHeading title={t('sessions.title')} />
      <p className="muted">{t('sessions.intro')}</p>
      <p>
        <Link to={`/w/${workspace.slug}/plan`}>{t('sessions.toPlan')}</Link>
      </p>
      <section aria-labelledby="sessions-list-title">
        <h2 id="sessions-list-title">{t('sessions.list')}</h2>
        {sessions.isPending ? (
          <Loading />
        ) : sessions.data.sessions.length === 0 ? (
          <p>{t('sessions.empty')}</p>
        ) : (
          <ul className="card-list">
            {sessions.data.sessions.map((s) => (
              <li key={s.id} className="card">
                <h3 className="card-title">
                  <Link to={`/w/${workspace.slug}/sessions/${s.id}/projector`}>{s.title}</Link>
                </h3>
                <p className="muted">
                  {[
                    t(`sessions.status.${s.status}`),
                    t(`sessions.method.${s.method}`),
                    t('sessions.optionCount', { count: s.options }),
                    t('sessions.participants', { count: s.participants }),
                    format.date(s.createdAt),
                  ].join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {workspace.role === 'organiser' && <NewSessionForm ws={workspace.slug} />}
    </>
  );
}
