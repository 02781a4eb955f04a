import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../api/overview';

type StepKey = 'questionnaire' | 'wave' | 'link' | 'results';

/**
 * A new workspace's way to its first results, as a checklist: questionnaire →
 * wave → link → results. Each step is done or not; the first one not done is
 * the next step, marked for screen readers as the current one.
 */
export function NextSteps({ ws, setup, waves }: { ws: string; setup: Overview['setup']; waves: Overview['waves'] }) {
  const { t } = useTranslation();
  const openWave = waves[0];
  const steps: Array<{ key: StepKey; done: boolean; to: string }> = [
    { key: 'questionnaire', done: setup.published > 0, to: `/w/${ws}/questionnaires` },
    { key: 'wave', done: setup.openWaves > 0, to: `/w/${ws}/waves` },
    {
      key: 'link',
      done: setup.responses > 0,
      to: openWave ? `/w/${ws}/waves/${openWave.id}/settings` : `/w/${ws}/waves`,
    },
    { key: 'results', done: false, to: openWave ? `/w/${ws}/waves/${openWave.id}` : `/w/${ws}/waves` },
  ];
  const next = steps.findIndex((s) => !s.done);
  return (
    <section className="panel next-steps" aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">{t('home.next.title')}</h2>
      <ol className="checklist">
        {steps.map((step, i) => {
          const state = step.done ? 'done' : i === next ? 'next' : 'later';
          return (
            <li
              key={step.key}
              className={`checklist-item checklist-${state}`}
              aria-current={state === 'next' ? 'step' : undefined}
            >
              <span className="checklist-mark" aria-hidden="true">
                {step.done ? '✓' : i + 1}
              </span>
              <span className="checklist-text">
                <span className="checklist-state">{t(`home.next.state.${state}`)}: </span>
                {state === 'later' ? (
                  t(`home.next.steps.${step.key}`)
                ) : (
                  <Link to={step.to}>{t(`home.next.steps.${step.key}`)}</Link>
                )}
                <span className="checklist-hint">{t(`home.next.hints.${step.key}`)}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
