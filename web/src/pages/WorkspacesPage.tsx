import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import type { WorkspaceRef } from '../api/types';
import { useCreateWorkspace, useWorkspaces } from '../api/workspaces';
import { PageHeading } from '../components/PageHeading';
import { ErrorAlert, Loading, SuccessStatus } from '../components/Status';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { useFieldErrors } from '../components/useFieldErrors';

export function WorkspacesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const workspaces = useWorkspaces();
  const list = workspaces.data?.workspaces;

  return (
    <>
      <PageHeading title={t('workspaces.title')} />
      {workspaces.isPending && <Loading />}
      <ErrorAlert error={workspaces.error} />
      {list && list.length === 0 && (
        <p className="empty">{me?.user.isAdmin ? t('workspaces.emptyAdmin') : t('workspaces.empty')}</p>
      )}
      {list && list.length > 0 && (
        <ul className="card-list">
          {list.map((workspace) => (
            <li key={workspace.slug} className="card">
              <Link to={`/w/${workspace.slug}`} className="card-title">
                {workspace.name}
              </Link>
              <span className="badge">{t(`roles.${workspace.role}`)}</span>
              {workspace.example && <span className="badge badge-warning">{t('workspace.example.label')}</span>}
            </li>
          ))}
        </ul>
      )}
      {me?.user.isAdmin && <CreateWorkspace />}
    </>
  );
}

const SLUG_PATTERN = /^[a-z0-9-]{2,48}$/;

const transliterations: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A slug suggestion from a name: "Netzwerk Süd" → "netzwerk-sued". */
function slugFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => transliterations[letter] ?? letter)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

function CreateWorkspace() {
  const { t } = useTranslation();
  const create = useCreateWorkspace();
  const { formRef, errors, check } = useFieldErrors<'name' | 'slug'>();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  // Follow the name until the slug is edited by hand.
  const [slugEdited, setSlugEdited] = useState(false);
  const [created, setCreated] = useState<WorkspaceRef | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const trimmedName = name.trim();
    const valid = check({
      ...(trimmedName ? {} : { name: t('validation.required') }),
      ...(SLUG_PATTERN.test(slug) ? {} : { slug: t('validation.slug') }),
    });
    if (!valid) return;
    create.mutate(
      { name: trimmedName, slug },
      {
        onSuccess: ({ workspace }) => {
          setCreated(workspace);
          setName('');
          setSlug('');
          setSlugEdited(false);
        },
      },
    );
  }

  return (
    <section aria-labelledby="create-workspace" className="panel">
      <h2 id="create-workspace">{t('workspaces.create.title')}</h2>
      <form ref={formRef} noValidate onSubmit={submit}>
        <TextField
          label={t('fields.workspaceName')}
          error={errors.name}
          name="name"
          required
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(slugFromName(event.target.value));
          }}
        />
        <TextField
          label={t('fields.slug')}
          hint={t('workspaces.create.slugRule')}
          error={errors.slug}
          name="slug"
          required
          autoCapitalize="none"
          spellCheck={false}
          value={slug}
          onChange={(event) => {
            setSlug(event.target.value);
            setSlugEdited(true);
          }}
        />
        <ErrorAlert error={create.error} />
        <SubmitButton pending={create.isPending}>{t('workspaces.create.submit')}</SubmitButton>
      </form>
      <SuccessStatus>
        {created && (
          <>
            {t('workspaces.create.done', { name: created.name })}{' '}
            <Link to={`/w/${created.slug}`}>{t('workspaces.create.open', { name: created.name })}</Link>
          </>
        )}
      </SuccessStatus>
    </section>
  );
}
