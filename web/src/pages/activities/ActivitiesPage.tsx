import { useEffect, useRef, useState, type RefObject } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_PAGE_SIZE, useActivities, useDeleteActivity, useUpdateActivity } from '../../api/activities';
import {
  activityTypes,
  type Activity,
  type ActivityBody,
  type ActivityFilter,
  type ActivityType,
} from '../../api/types';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/TextField';
import { ErrorAlert, Loading, SuccessStatus } from '../../components/Status';
import { useDateFormat } from '../../format';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { ActivityForm } from './ActivityForm';
import { ActivityRow } from './ActivityRow';
import { CreateActivity } from './CreateActivity';
import { ImportActivitiesForm } from './ImportActivitiesForm';
import { Pager } from './Pager';

/** The filter in the URL (`?type=&district=&year=`); values the API would refuse are ignored. */
function readFilter(params: URLSearchParams): ActivityFilter {
  const type = params.get('type') ?? '';
  const district = params.get('district') ?? '';
  const year = params.get('year') ?? '';
  return {
    ...((activityTypes as readonly string[]).includes(type) && { type: type as ActivityType }),
    ...(district && { district }),
    ...(/^\d{4}$/.test(year) && { year: Number(year) }),
  };
}

/** `/w/:ws/activities`: the network's activity log with filters; organisers add, edit, delete and import. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const isOrganiser = workspace.role === 'organiser';
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useActivities(workspace.slug, filter, page);
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / ACTIVITY_PAGE_SIZE));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const districts = list.data?.districts ?? [];

  function setFilter(name: keyof ActivityFilter | 'all', value = '') {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (name === 'all') for (const key of ['type', 'district', 'year']) next.delete(key);
        else if (value) next.set(name, value);
        else next.delete(name);
        // Another filter is another list: it starts on its first page.
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  function setPage(next: number) {
    setParams(
      (previous) => {
        const out = new URLSearchParams(previous);
        if (next > 1) out.set('page', String(next));
        else out.delete('page');
        return out;
      },
      // Paging changes the list, not the page: the focus stays on the pager's button.
      { replace: true, preventScrollReset: true },
    );
  }

  return (
    <>
      <PageHeading title={t('activities.title')} />
      <p className="muted">{t('activities.intro')}</p>
      {!isOrganiser && <p className="muted">{t('activities.readOnly')}</p>}
      {/* Entering comes first: with a long log, a form below the table is out of reach. */}
      {isOrganiser && <CreateActivity ws={workspace.slug} districts={districts} />}
      {isOrganiser && (
        <details className="panel activity-import">
          <summary>{t('activities.import.open')}</summary>
          <ImportActivitiesForm ws={workspace.slug} />
        </details>
      )}
      <section aria-labelledby="activities-list-title">
        <h2 id="activities-list-title" ref={headingRef} tabIndex={-1}>
          {t('activities.list.title')}
        </h2>
        <FilterBar filter={filter} districts={districts} years={list.data?.years ?? []} onChange={setFilter} />
        {list.isPending && <Loading />}
        <ErrorAlert error={list.error} />
        {list.data && (
          <ActivityLog
            ws={workspace.slug}
            isOrganiser={isOrganiser}
            activities={list.data.activities}
            total={list.data.total}
            districts={districts}
            filtered={Object.keys(filter).length > 0}
            busy={list.isPlaceholderData}
            headingRef={headingRef}
          />
        )}
        {list.data && pages > 1 && <Pager page={Math.min(page, pages)} pages={pages} onPage={setPage} />}
      </section>
    </>
  );
}

interface FilterBarProps {
  filter: ActivityFilter;
  districts: string[];
  years: number[];
  onChange: (name: keyof ActivityFilter | 'all', value?: string) => void;
}

/** Type, district and year; each choice applies at once and goes into the URL. */
function FilterBar({ filter, districts, years, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  // A filter from a link stays choosable even when the log no longer holds that value.
  const districtOptions =
    filter.district && !districts.includes(filter.district) ? [filter.district, ...districts] : districts;
  const yearOptions = filter.year !== undefined && !years.includes(filter.year) ? [filter.year, ...years] : years;
  const active = Object.keys(filter).length > 0;

  return (
    <div role="group" aria-label={t('activities.filter.label')} className="form-inline activity-filters">
      <SelectField
        label={t('activities.filter.type')}
        name="type"
        value={filter.type ?? ''}
        onChange={(event) => onChange('type', event.target.value)}
        options={[
          { value: '', label: t('activities.filter.allTypes') },
          ...activityTypes.map((type) => ({ value: type, label: t(`activities.types.${type}`) })),
        ]}
      />
      <SelectField
        label={t('activities.filter.district')}
        name="district"
        value={filter.district ?? ''}
        onChange={(event) => onChange('district', event.target.value)}
        options={[
          { value: '', label: t('activities.filter.allDistricts') },
          ...districtOptions.map((district) => ({ value: district, label: district })),
        ]}
      />
      <SelectField
        label={t('activities.filter.year')}
        name="year"
        value={filter.year === undefined ? '' : String(filter.year)}
        onChange={(event) => onChange('year', event.target.value)}
        options={[
          { value: '', label: t('activities.filter.allYears') },
          ...yearOptions.map((year) => ({ value: String(year), label: String(year) })),
        ]}
      />
      {active && (
        <button type="button" onClick={() => onChange('all')}>
          {t('activities.filter.reset')}
        </button>
      )}
    </div>
  );
}

interface ActivityLogProps {
  ws: string;
  isOrganiser: boolean;
  activities: Activity[];
  /** How many the filter matches over all pages. */
  total: number;
  districts: string[];
  /** A filter is set: an empty list then means "no match", not "nothing logged". */
  filtered: boolean;
  /** The list shown is the previous filter's while the new one loads. */
  busy: boolean;
  /** Where the focus goes when the row it was in disappears. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** The table of activities, newest first (as the API sends them), with editing in place for organisers. */
function ActivityLog(props: ActivityLogProps) {
  const { ws, isOrganiser, activities, total, districts, filtered, busy, headingRef } = props;
  const { t } = useTranslation();
  const format = useDateFormat();
  const update = useUpdateActivity(ws);
  const remove = useDeleteActivity(ws);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  // After editing, the focus goes back to the row's edit button.
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const columns = isOrganiser ? 6 : 5;

  useEffect(() => {
    if (returnFocusTo === null) return;
    (editButtons.current.get(returnFocusTo) ?? headingRef.current)?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo, headingRef]);

  function startEditing(activity: Activity) {
    setNotice('');
    update.reset();
    remove.reset();
    setEditing(activity.id);
  }

  function stopEditing(id: string, message = '') {
    setEditing(null);
    setNotice(message);
    setReturnFocusTo(id);
  }

  function save(activity: Activity, body: ActivityBody) {
    // Only what changed, so that the other fields keep whatever someone else saved meanwhile.
    const changes = Object.fromEntries(
      (Object.keys(body) as (keyof ActivityBody)[])
        .filter((key) => (body[key] ?? null) !== (activity[key] ?? null))
        .map((key) => [key, body[key]]),
    ) as Partial<ActivityBody>;
    if (Object.keys(changes).length === 0) {
      stopEditing(activity.id, t('common.nothingChanged'));
      return;
    }
    update.mutate(
      { id: activity.id, changes },
      { onSuccess: (saved) => stopEditing(activity.id, t('activities.list.saved', { title: saved.title })) },
    );
  }

  function deleteActivity(activity: Activity) {
    setNotice('');
    update.reset();
    remove.mutate(activity.id, {
      onSuccess: () => {
        setNotice(t('activities.list.deleted', { title: activity.title }));
        // The row with the focused button is gone; continue from the list's heading.
        headingRef.current?.focus();
      },
    });
  }

  return (
    <>
      <ErrorAlert error={remove.error} />
      <SuccessStatus>{notice}</SuccessStatus>
      <p role="status" className="muted activity-count">
        {activities.length > 0 ? t('activities.list.count', { count: total }) : ''}
      </p>
      {activities.length === 0 ? (
        <p className="empty">
          {filtered
            ? t('activities.list.noMatch')
            : isOrganiser
              ? t('activities.list.emptyOrganiser')
              : t('activities.list.empty')}
        </p>
      ) : (
        <div
          className="table-wrap"
          role="region"
          aria-labelledby="activities-list-title"
          aria-busy={busy || undefined}
          tabIndex={0}
        >
          <table className="activity-table">
            <thead>
              <tr>
                <th scope="col">{t('activities.list.date')}</th>
                <th scope="col">{t('activities.list.type')}</th>
                <th scope="col">{t('activities.list.activity')}</th>
                <th scope="col">{t('activities.list.district')}</th>
                <th scope="col">{t('activities.list.topic')}</th>
                {isOrganiser && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {activities.map((activity) =>
                editing === activity.id ? (
                  <tr key={activity.id} className="activity-editing">
                    <td colSpan={columns}>
                      <EditActivity
                        activity={activity}
                        districts={districts}
                        pending={update.isPending}
                        error={update.error}
                        onSave={(body) => save(activity, body)}
                        onCancel={() => stopEditing(activity.id)}
                      />
                    </td>
                  </tr>
                ) : (
                  <ActivityRow
                    key={activity.id}
                    activity={activity}
                    isOrganiser={isOrganiser}
                    formatDay={format.day}
                    editButtonRef={(button) => {
                      if (button) editButtons.current.set(activity.id, button);
                      else editButtons.current.delete(activity.id);
                    }}
                    deleting={remove.isPending}
                    onEdit={() => startEditing(activity)}
                    onDelete={() => deleteActivity(activity)}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

interface EditActivityProps {
  activity: Activity;
  districts: string[];
  pending: boolean;
  error: unknown;
  onSave: (body: ActivityBody) => void;
  onCancel: () => void;
}

/** The edit form in place of a row; takes the focus so that the keyboard continues there. */
function EditActivity({ activity, districts, pending, error, onSave, onCancel }: EditActivityProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = `edit-activity-${activity.id}`;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section aria-labelledby={headingId} className="activity-edit">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('activities.edit.title', { title: activity.title })}
      </h3>
      <ActivityForm
        activity={activity}
        districts={districts}
        submitLabel={t('activities.edit.submit')}
        pending={pending}
        error={error}
        onSubmit={(body) => onSave(body)}
        onCancel={onCancel}
      />
    </section>
  );
}
