import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateAction, usePlan } from '../../api/plans';
import type { Session } from '../../api/types';
import { ErrorAlert } from '../../components/Status';

/** After voting: each option can be adopted into the action plan with one click, carrying its votes. */
export function AdoptList({ ws, session }: { ws: string; session: Session }) {
  const { t } = useTranslation();
  const plan = usePlan(ws);
  const adopt = useCreateAction(ws);
  const adopted = new Set((plan.data?.actions ?? []).flatMap((a) => (a.source ? [a.source.option] : [])));
  return (
    <section className="adopt-list" aria-labelledby="adopt-title">
      <h2 id="adopt-title">{t('projector.adoptTitle')}</h2>
      <p>
        {t('projector.adoptIntro')} <Link to={`/w/${ws}/plan`}>{t('projector.toPlan')}</Link>
      </p>
      <ul>
        {session.options.map((o) => (
          <li key={o.id}>
            <span>{o.label}</span>
            {adopted.has(o.id) ? (
              <span className="muted">{t('projector.adopted')}</span>
            ) : (
              <button
                type="button"
                className="button-small"
                disabled={adopt.isPending || plan.isPending}
                onClick={() => adopt.mutate({ session: session.id, option: o.id })}
              >
                {t('projector.adopt', { option: o.label })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert error={adopt.error ?? plan.error} />
    </section>
  );
}
