import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteAction, useUpdateAction } from '../../api/plans';
import type { Action } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/Status';
import { useDateFormat } from '../../format';
import { ActionForm } from './ActionForm';
import { stateOf } from './action-form-state';
import { ActionFacts } from './ActionFacts';

/** One action of the plan, with Edit and Delete for organisers. */
export function ActionCard({ ws, action, canEdit }: { ws: string; action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateAction(ws);
  const remove = useDeleteAction(ws);
  const format = useDateFormat();
  return (
    <li className="card action-card" aria-labelledby={`action-${action.id}`}>
      <h3 className="card-title" id={`action-${action.id}`}>
        {action.title}
      </h3>
      {editing ? (
        <ActionForm
          ws={ws}
          initial={stateOf(action)}
          submitLabel={t('common.save')}
          busy={update.isPending}
          error={update.error}
          onSubmit={(changes) => update.mutate({ id: action.id, changes }, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <ActionFacts action={action} day={format.day} />
          {canEdit && (
            <div className="actions">
              <button
                type="button"
                className="button-small"
                aria-label={t('plan.editNamed', { title: action.title })}
                onClick={() => setEditing(true)}
              >
                {t('plan.edit')}
              </button>
              <ConfirmButton
                label={t('plan.delete')}
                accessibleLabel={t('plan.deleteNamed', { title: action.title })}
                question={t('plan.deleteQuestion', { title: action.title })}
                confirmLabel={t('plan.deleteConfirm')}
                pending={remove.isPending}
                onConfirm={() => remove.mutate(action.id)}
              />
            </div>
          )}
          <ErrorAlert error={remove.error} />
        </>
      )}
    </li>
  );
}
