import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateIndicator, useIndicator, useUpdateIndicator, type Indicator } from '../../api/indicators';
import { MISSING, PageError } from '../../components/PageError';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Status';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { initialState } from './indicator-form-state';
import { IndicatorForm } from './IndicatorForm';

/** `/w/:ws/indicators/new`: a new indicator (organisers). */
export function NewIndicatorPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const create = useCreateIndicator(workspace.slug);
  const ws = workspace.slug;
  return (
    <>
      <p className="back-link">
        <Link to={`/w/${ws}/indicators`}>{t('indicators.detail.back')}</Link>
      </p>
      <PageHeading title={t('indicators.form.createTitle')} />
      {workspace.role !== 'organiser' ? (
        <p className="muted">{t('indicators.readOnly')}</p>
      ) : (
        <IndicatorForm
          initial={initialState()}
          creating
          pending={create.isPending}
          error={create.error}
          submitLabel={t('indicators.form.submitCreate')}
          onSubmit={(key, fields) =>
            create.mutate({ key, ...fields }, { onSuccess: (ind) => void navigate(`/w/${ws}/indicators/${ind.key}`) })
          }
        />
      )}
    </>
  );
}

/** `/w/:ws/indicators/:key/edit`: changes everything but the key (organisers). */
export function EditIndicatorPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const ws = workspace.slug;
  const key = useParams().key ?? '';
  const query = useIndicator(ws, key);
  const back = (
    <p className="back-link">
      <Link to={`/w/${ws}/indicators/${key}`}>{t('indicators.form.back')}</Link>
    </p>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        {back}
        <PageError error={query.error} notFoundStatuses={MISSING} />
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeading title={t('indicators.form.editTitle', { name: query.data.name })} />
      {workspace.role !== 'organiser' ? (
        <p className="muted">{t('indicators.readOnly')}</p>
      ) : (
        <EditForm indicator={query.data} />
      )}
    </>
  );
}

function EditForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const ws = useCurrentWorkspace().slug;
  const navigate = useNavigate();
  const update = useUpdateIndicator(ws, indicator.key);
  return (
    <IndicatorForm
      initial={initialState(indicator)}
      creating={false}
      pending={update.isPending}
      error={update.error}
      submitLabel={t('indicators.form.submitSave')}
      onSubmit={(_key, fields) =>
        update.mutate(fields, { onSuccess: () => void navigate(`/w/${ws}/indicators/${indicator.key}`) })
      }
    />
  );
}
