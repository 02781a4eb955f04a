import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';

/** One activity in the table; organisers get its edit and delete buttons. */
export function ActivityRow(props: {
  activity: Activity;
  isOrganiser: boolean;
  /** The table's date format, made once for all rows. */
  formatDay: (day: string) => string;
  /** Kept by the table, so that the focus can return to the button after editing. */
  editButtonRef: Ref<HTMLButtonElement>;
  deleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { activity, isOrganiser, formatDay, editButtonRef, deleting, onEdit, onDelete } = props;
  const { t } = useTranslation();
  const none = t('activities.list.none');
  return (
    // data-label: on a phone the rows are drawn as cards (styles.css), each value named by its column.
    <tr>
      <td className="nowrap" data-label={t('activities.list.date')}>
        {formatDay(activity.date)}
      </td>
      <td data-label={t('activities.list.type')}>{t(`activities.types.${activity.type}`)}</td>
      <th scope="row">
        {activity.title}
        {activity.note && <span className="activity-note">{activity.note}</span>}
      </th>
      <td data-label={t('activities.list.district')}>{activity.district ?? none}</td>
      <td data-label={t('activities.list.topic')}>{activity.topic ?? none}</td>
      {isOrganiser && (
        <td className="activity-actions">
          <div className="actions">
            <button
              ref={editButtonRef}
              type="button"
              aria-label={t('activities.list.editNamed', { title: activity.title })}
              onClick={onEdit}
            >
              {t('activities.list.edit')}
            </button>
            <ConfirmButton
              label={t('activities.list.delete')}
              accessibleLabel={t('activities.list.deleteNamed', { title: activity.title })}
              question={t('activities.list.deleteQuestion', { title: activity.title })}
              confirmLabel={t('activities.list.deleteConfirm')}
              pending={deleting}
              onConfirm={onDelete}
            />
          </div>
        </td>
      )}
    </tr>
  );
}
