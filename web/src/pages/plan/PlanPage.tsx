import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateAction, usePlan } from '../../api/plans';
import { PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Status';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { ActionCard } from './ActionCard';
import { ActionForm } from './ActionForm';
import { emptyAction } from './action-form-state';
import { useEuro } from './money';
import '../sessions/sessions.css';

/** `/w/:ws/plan`: the action plan (Maßnahmenplan); organisers edit it, analysts read it. */
export function PlanPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const isOrganiser = workspace.role === 'organiser';
  const plan = usePlan(workspace.slug);
  const euro = useEuro();
  if (plan.isError) return <PageError error={plan.error} />;
  return (
    <>
      <PageHeading title={t('plan.title')} />
      <p className="muted">{t('plan.intro')}</p>
      <p>
        <Link to={`/w/${workspace.slug}/sessions`}>{t('plan.toSessions')}</Link>
      </p>
      {plan.isPending ? (
        <Loading />
      ) : (
        <section aria-labelledby="plan-list-title">
          <h2 id="plan-list-title">{t('plan.list')}</h2>
          {plan.data.actions.length === 0 ? (
            <p>{t('plan.empty')}</p>
          ) : (
            <>
              <p>
                {[
                  t('plan.totals.volunteers', { count: plan.data.totals.volunteers }),
                  t('plan.totals.funding', { count: plan.data.totals.funding, cost: euro(plan.data.totals.cost) }),
                ].join(' · ')}
              </p>
              <ul className="card-list">
                {plan.data.actions.map((a) => (
                  <ActionCard key={a.id} ws={workspace.slug} action={a} canEdit={isOrganiser} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {isOrganiser && <NewAction ws={workspace.slug} />}
    </>
  );
}

function NewAction({ ws }: { ws: string }) {
  const { t } = useTranslation();
  const create = useCreateAction(ws);
  const [generation, setGeneration] = useState(0);
  return (
    <section aria-labelledby="new-action-title">
      <h2 id="new-action-title">{t('plan.new')}</h2>
      <ActionForm
        key={generation}
        ws={ws}
        initial={emptyAction}
        submitLabel={t('plan.add')}
        busy={create.isPending}
        error={create.error}
        onSubmit={(body) => create.mutate(body, { onSuccess: () => setGeneration((g) => g + 1) })}
      />
    </section>
  );
}
