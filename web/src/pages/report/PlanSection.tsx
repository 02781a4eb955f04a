import { useTranslation } from 'react-i18next';
import type { Plan } from '../../api/types';
import { useDateFormat } from '../../format';
import { ActionFacts } from '../plan/ActionFacts';

/**
 * The report's plans chapter (Social Reporting Standard 4.1–4.2, "Plans and
 * goals"), built from the action plan; nothing when the plan is empty.
 * `level` 1 when the report is the page (h2), 2 inside a page (h3).
 */
export function PlanSection({ plan, level }: { plan: Plan; level: 1 | 2 }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  if (plan.actions.length === 0) return null;
  const Section = level === 1 ? 'h2' : 'h3';
  const Item = level === 1 ? 'h3' : 'h4';
  return (
    <section className="report-section report-section-plan" aria-labelledby="report-section-plan">
      <Section id="report-section-plan">{t('plan.report.title')}</Section>
      <p>{t('plan.report.intro')}</p>
      {plan.actions.map((a) => (
        <div key={a.id} className="report-figure report-action">
          <Item>{a.title}</Item>
          <ActionFacts action={a} day={format.day} />
        </div>
      ))}
    </section>
  );
}
