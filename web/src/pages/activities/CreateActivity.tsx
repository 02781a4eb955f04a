import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateActivity } from '../../api/activities';
import type { ActivityBody } from '../../api/types';
import { SuccessStatus } from '../../components/Status';
import { ActivityForm } from './ActivityForm';

/** The form for a new activity; it empties itself once the activity is saved. */
export function CreateActivity({ ws, districts }: { ws: string; districts: string[] }) {
  const { t } = useTranslation();
  const create = useCreateActivity(ws);
  const [added, setAdded] = useState('');

  function submit(body: ActivityBody, form: HTMLFormElement) {
    setAdded('');
    create.mutate(body, {
      onSuccess: (activity) => {
        setAdded(t('activities.create.added', { title: activity.title }));
        form.reset();
      },
    });
  }

  return (
    <section aria-labelledby="create-activity-title" className="panel">
      <h2 id="create-activity-title">{t('activities.create.title')}</h2>
      <ActivityForm
        districts={districts}
        submitLabel={t('activities.create.submit')}
        pending={create.isPending}
        error={create.error}
        onSubmit={submit}
      />
      <SuccessStatus>{added}</SuccessStatus>
    </section>
  );
}
