import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAcceptInvitation, useInvitation } from '../api/auth';
import { ApiError } from '../api/client';
import type { InvitationPreview } from '../api/types';
import { useDateFormat } from '../format';
import { PageHeading } from '../components/PageHeading';
import { checkNewPassword, NewPasswordFields, type PasswordField } from '../components/PasswordFields';
import { ErrorAlert, Loading } from '../components/Status';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { useFieldErrors } from '../components/useFieldErrors';
import { useFragmentToken } from '../components/useFragmentToken';

/** Accepting a workspace invitation: creates the account and signs it in. */
export function InvitePage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const invitation = useInvitation(token);
  const unusable = !token || (invitation.error instanceof ApiError && invitation.error.status === 404);

  return (
    <div className="narrow">
      <PageHeading title={t('invite.title')} />
      {unusable ? (
        <>
          <p className="alert alert-error">{t('invite.unusable')}</p>
          <p>
            <Link to="/login">{t('invite.toLogin')}</Link>
          </p>
        </>
      ) : (
        <>
          {invitation.isPending && <Loading />}
          <ErrorAlert error={invitation.error} />
          {invitation.data && <AcceptForm token={token} invitation={invitation.data} />}
        </>
      )}
    </div>
  );
}

type AcceptField = 'name' | PasswordField;

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const { formRef, errors, check } = useFieldErrors<AcceptField>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const confirmation = String(form.get('confirmation') ?? '');
    const valid = check({
      ...(name ? {} : { name: t('validation.required') }),
      ...checkNewPassword(password, confirmation, t),
    });
    if (!valid) return;
    accept.mutate(
      { token, name, password },
      { onSuccess: () => void navigate(`/w/${invitation.workspace.slug}`, { replace: true }) },
    );
  }

  return (
    <>
      <p>{t('invite.summary', { workspace: invitation.workspace.name, role: t(`roles.${invitation.role}`) })}</p>
      <dl className="facts">
        <dt>{t('fields.email')}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t('invite.validUntil')}</dt>
        <dd>{format.dateTime(invitation.expiresAt)}</dd>
      </dl>
      <form ref={formRef} noValidate onSubmit={submit}>
        {/* Tells password managers which account the new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <TextField label={t('fields.name')} error={errors.name} name="name" autoComplete="name" required />
        <NewPasswordFields errors={errors} />
        <ErrorAlert error={accept.error} />
        <SubmitButton pending={accept.isPending}>{t('invite.submit')}</SubmitButton>
      </form>
    </>
  );
}
