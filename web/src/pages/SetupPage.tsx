import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCompleteSetup, useSetupStatus } from '../api/auth';
import { PageHeading } from '../components/PageHeading';
import { checkNewPassword, NewPasswordFields, type PasswordField } from '../components/PasswordFields';
import { ErrorAlert, Loading } from '../components/Status';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useFragmentToken } from '../components/useFragmentToken';

/** First start: the one-time link printed by the server creates the first admin. */
export function SetupPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const status = useSetupStatus();

  return (
    <div className="narrow">
      <PageHeading title={t('setup.title')} />
      {status.isPending && <Loading />}
      <ErrorAlert error={status.error} />
      {status.data && !status.data.needed && (
        <p>
          {t('setup.alreadyDone')} <Link to="/login">{t('setup.toLogin')}</Link>
        </p>
      )}
      {status.data?.needed && !token && <p className="alert alert-error">{t('setup.linkMissing')}</p>}
      {status.data?.needed && token && <SetupForm token={token} />}
    </div>
  );
}

type SetupField = 'name' | 'email' | PasswordField;

function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const { formRef, errors, check } = useFieldErrors<SetupField>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const confirmation = String(form.get('confirmation') ?? '');
    const valid = check({
      ...(name ? {} : { name: t('validation.required') }),
      ...(email.includes('@') ? {} : { email: t('validation.email') }),
      ...checkNewPassword(password, confirmation, t),
    });
    if (!valid) return;
    setup.mutate(
      { token, name, email, password },
      { onSuccess: () => void navigate('/workspaces', { replace: true }) },
    );
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-describedby="setup-intro">
      <p id="setup-intro">{t('setup.intro')}</p>
      <TextField label={t('fields.name')} error={errors.name} name="name" autoComplete="name" required />
      <TextField
        label={t('fields.email')}
        error={errors.email}
        name="email"
        type="email"
        autoComplete="username"
        required
      />
      <NewPasswordFields errors={errors} />
      <ErrorAlert error={setup.error} />
      <SubmitButton pending={setup.isPending}>{t('setup.submit')}</SubmitButton>
    </form>
  );
}
