import type { FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../api/auth';
import { PageHeading } from '../components/PageHeading';
import type { LoginRedirectState } from '../components/RequireAuth';
import { ErrorAlert } from '../components/Status';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { useFieldErrors } from '../components/useFieldErrors';

/** Only paths inside the app count as "where the user came from". */
function returnPath(state: unknown): string {
  const from = (state as Partial<LoginRedirectState> | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/workspaces';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const { formRef, errors, check } = useFieldErrors<'email' | 'password'>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const valid = check({
      ...(email ? {} : { email: t('validation.required') }),
      ...(password ? {} : { password: t('validation.required') }),
    });
    if (!valid) return;
    login.mutate(
      { email, password },
      { onSuccess: () => void navigate(returnPath(location.state), { replace: true }) },
    );
  }

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')} />
      <form ref={formRef} noValidate onSubmit={submit}>
        <TextField
          label={t('fields.email')}
          error={errors.email}
          name="email"
          type="email"
          autoComplete="username"
          required
        />
        <TextField
          label={t('fields.password')}
          error={errors.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <ErrorAlert error={login.error} />
        <SubmitButton pending={login.isPending}>{t('login.submit')}</SubmitButton>
      </form>
    </div>
  );
}
