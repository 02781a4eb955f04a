import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWaves, type Wave } from '../../api/waves';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { CreateWaveForm } from './CreateWaveForm';
import { useWaveFormat } from './format';
import { StateBadge } from './StateBadge';

/** `/w/:ws/waves`: the workspace's collection waves with their response counts. */
export function WavesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const isOrganiser = workspace.role === 'organiser';
  const waves = useWaves(workspace.slug);

  return (
    <>
      <PageHeading title={t('waves.title')} />
      <p className="muted">{t('waves.intro')}</p>
      {!isOrganiser && <p className="muted">{t('waves.readOnly')}</p>}
      <section>
        <h2 id="waves-list-title">{t('waves.list.title')}</h2>
        {waves.isPending && <Loading />}
        <ErrorAlert error={waves.error} />
        {waves.data &&
          (waves.data.waves.length === 0 ? (
            <p className="empty">{isOrganiser ? t('waves.emptyOrganiser') : t('waves.empty')}</p>
          ) : (
            <WaveTable ws={workspace.slug} waves={waves.data.waves} />
          ))}
      </section>
      {isOrganiser && <CreateWaveForm ws={workspace.slug} />}
    </>
  );
}

function WaveTable({ ws, waves }: { ws: string; waves: Wave[] }) {
  const { t } = useTranslation();
  const format = useWaveFormat();
  return (
    <div className="table-wrap" role="region" aria-labelledby="waves-list-title" tabIndex={0}>
      <table className="wave-table">
        <thead>
          <tr>
            <th scope="col">{t('waves.list.wave')}</th>
            <th scope="col">{t('waves.list.state')}</th>
            <th scope="col" className="numeric">
              {t('waves.list.complete')}
            </th>
            <th scope="col" className="numeric">
              {t('waves.list.partial')}
            </th>
            <th scope="col" className="numeric">
              {t('waves.list.completionRate')}
            </th>
            <th scope="col">{t('waves.list.lastResponse')}</th>
          </tr>
        </thead>
        <tbody>
          {waves.map((wave) => (
            <tr key={wave.id}>
              <th scope="row">
                <Link to={`/w/${ws}/waves/${wave.id}`}>{wave.title}</Link>
                <span className="wave-meta">
                  {t('waves.list.questionnaireVersion', { questionnaire: wave.questionnaire, version: wave.version })} ·{' '}
                  {t(`waves.access.${wave.access}`)} ·{' '}
                  <Link
                    to={`/w/${ws}/waves/${wave.id}/settings`}
                    aria-label={t('waves.list.settingsOf', { title: wave.title })}
                  >
                    {t('waves.list.settings')}
                  </Link>
                </span>
              </th>
              <td>
                <StateBadge state={wave.state} />
              </td>
              <td className="numeric">
                {wave.responses.complete}
                {wave.responses.held > 0 && (
                  <span className="wave-meta">{t('waves.list.held', { count: wave.responses.held })}</span>
                )}
              </td>
              <td className="numeric">{wave.responses.partial}</td>
              <td className="numeric">
                {wave.completionRate === null ? t('waves.list.none') : format.percent(wave.completionRate)}
              </td>
              <td className="nowrap">{wave.lastResponseOn ? format.day(wave.lastResponseOn) : t('waves.list.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {waves.some((wave) => wave.responses.held > 0) && <p className="note">{t('waves.list.heldExplained')}</p>}
    </div>
  );
}
