import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../api/types';
import { useDeleteExampleWorkspace, useUpdateWorkspace } from '../../api/workspaces';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useCurrentWorkspace } from '../WorkspaceLayout';

/** The smallest group the privacy rules allow (DESIGN.md §3). */
const MIN_GROUP_SIZE_FLOOR = 3;

/**
 * `/w/:ws/settings`: the workspace's name and minimum group size (organisers
 * change them, analysts read them) and, in the example workspace, its deletion.
 */
export function WorkspaceSettingsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();

  return (
    <>
      <PageHeading title={t('workspace.settings.title')} />
      <dl className="facts">
        <dt>{t('fields.workspaceName')}</dt>
        <dd>{workspace.name}</dd>
        <dt>{t('workspace.yourRole')}</dt>
        <dd>{t(`roles.${workspace.role}`)}</dd>
        <dt>{t('fields.minGroupSize')}</dt>
        <dd>{workspace.minGroupSize}</dd>
      </dl>
      <p className="muted">{t('workspace.minGroupSizeExplained', { size: workspace.minGroupSize })}</p>
      <p>
        <Link to={`/w/${workspace.slug}/members`}>
          {workspace.role === 'organiser' ? t('workspace.manageMembers') : t('workspace.viewMembers')}
        </Link>
      </p>
      {workspace.role === 'organiser' ? (
        <WorkspaceSettings key={workspace.slug} workspace={workspace} />
      ) : (
        <p className="muted">{t('workspace.settings.readOnly')}</p>
      )}
      {workspace.role === 'organiser' && workspace.example && <DeleteExample workspace={workspace} />}
    </>
  );
}

/** The example workspace goes in one step, with everything in it; real workspaces cannot be deleted here. */
function DeleteExample({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteExampleWorkspace(workspace.slug);
  return (
    <section aria-labelledby="delete-example" className="panel">
      <h2 id="delete-example">{t('workspace.example.deleteTitle')}</h2>
      <p>{t('workspace.example.deleteText')}</p>
      <ErrorAlert error={remove.error} />
      <ConfirmButton
        label={t('workspace.example.delete')}
        question={t('workspace.example.deleteQuestion')}
        confirmLabel={t('workspace.example.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/workspaces', { replace: true }) })}
      />
    </section>
  );
}

function WorkspaceSettings({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const update = useUpdateWorkspace(workspace.slug);
  const { formRef, errors, check } = useFieldErrors<'name' | 'minGroupSize'>();
  const [result, setResult] = useState<'saved' | 'unchanged' | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const minGroupSizeText = String(form.get('minGroupSize') ?? '').trim();
    const minGroupSize = Number(minGroupSizeText);
    const valid = check({
      ...(name ? {} : { name: t('validation.required') }),
      ...(minGroupSizeText && Number.isInteger(minGroupSize) && minGroupSize >= MIN_GROUP_SIZE_FLOOR
        ? {}
        : { minGroupSize: t('validation.minGroupSize', { min: MIN_GROUP_SIZE_FLOOR }) }),
    });
    if (!valid) return;
    // Send only what changed, so that the audit log records real changes.
    const changes = {
      ...(name !== workspace.name ? { name } : {}),
      ...(minGroupSize !== workspace.minGroupSize ? { minGroupSize } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setResult('unchanged');
      return;
    }
    update.mutate(changes, { onSuccess: () => setResult('saved') });
  }

  return (
    <section aria-labelledby="workspace-settings" className="panel">
      <h2 id="workspace-settings">{t('workspace.settings.change')}</h2>
      <form ref={formRef} noValidate onSubmit={submit}>
        <TextField
          label={t('fields.workspaceName')}
          error={errors.name}
          name="name"
          required
          defaultValue={workspace.name}
        />
        <TextField
          label={t('fields.minGroupSize')}
          hint={t('workspace.settings.minGroupSizeRule', { min: MIN_GROUP_SIZE_FLOOR })}
          error={errors.minGroupSize}
          name="minGroupSize"
          type="number"
          inputMode="numeric"
          min={MIN_GROUP_SIZE_FLOOR}
          step={1}
          required
          defaultValue={workspace.minGroupSize}
          className="input-short"
        />
        <ErrorAlert error={update.error} />
        <SubmitButton pending={update.isPending}>{t('common.save')}</SubmitButton>
      </form>
      <SuccessStatus>
        {result === 'saved' && t('common.saved')}
        {result === 'unchanged' && t('common.nothingChanged')}
      </SuccessStatus>
    </section>
  );
}
