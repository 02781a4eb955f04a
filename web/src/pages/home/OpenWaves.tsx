import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OverviewWave } from '../../api/overview';
import { useNumbers } from '../waves/format';
import { PerDay } from '../waves/PerDay';

/** The open waves, each with its responses per day, completion rate and (invitation waves) response rate. */
export function OpenWaves({ ws, waves, min }: { ws: string; waves: OverviewWave[]; min: number }) {
  const { t } = useTranslation();
  return (
    <section className="home-section" aria-labelledby="home-waves-title">
      <h2 id="home-waves-title">{t('home.waves.title')}</h2>
      {waves.length === 0 ? (
        <p className="empty">
          {t('home.waves.none')} <Link to={`/w/${ws}/waves`}>{t('home.waves.all')}</Link>
        </p>
      ) : (
        <ul className="home-cards">
          {waves.map((w) => (
            <li key={w.id} className="panel home-card">
              <WaveCard ws={ws} wave={w} min={min} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WaveCard({ ws, wave, min }: { ws: string; wave: OverviewWave; min: number }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const started = wave.responses.complete + wave.responses.partial;
  return (
    <>
      <h3>
        <Link to={`/w/${ws}/waves/${wave.id}`}>{wave.title}</Link>
      </h3>
      <dl className="facts">
        <dt>{t('home.waves.complete')}</dt>
        <dd>{wave.responses.complete}</dd>
        <dt>{t('home.waves.completion')}</dt>
        <dd>
          {wave.completionRate === null
            ? t('waves.list.none')
            : t('home.waves.completionOf', {
                rate: numbers.percent(wave.completionRate * 100),
                complete: wave.responses.complete,
                count: started,
              })}
        </dd>
        {wave.invitations && (
          <>
            <dt>{t('home.waves.responseRate')}</dt>
            <dd>
              {wave.responseRate === null
                ? t('home.waves.noInvitations')
                : t('home.waves.responseRateOf', {
                    rate: numbers.percent(wave.responseRate * 100),
                    used: wave.invitations.used,
                    count: wave.invitations.total,
                  })}
            </dd>
          </>
        )}
      </dl>
      {wave.perDay.length > 0 ? (
        <PerDay perDay={wave.perDay} min={min} heading="h4" />
      ) : (
        <p className="muted">{started === 0 ? t('results.empty.nobody') : t('home.waves.perDayLater', { min })}</p>
      )}
    </>
  );
}
