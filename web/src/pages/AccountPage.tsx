import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useChangePassword, useCreateApiToken, useMe, useRevokeApiToken } from '../api/auth';
import type { ApiToken, CreatedApiToken } from '../api/types';
import { useDateFormat } from '../format';
import { ConfirmButton } from '../components/ConfirmButton';
import { OneTimeSecret } from '../components/OneTimeSecret';
import { PageHeading } from '../components/PageHeading';
import { checkNewPassword, NewPasswordFields, type PasswordField } from '../components/PasswordFields';
import { ErrorAlert, Loading, SuccessStatus } from '../components/Status';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { useFieldErrors } from '../components/useFieldErrors';

export function AccountPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();

  return (
    <>
      <PageHeading title={t('account.title')} />
      {me && (
        <dl className="facts">
          <dt>{t('fields.name')}</dt>
          <dd>{me.user.name || '–'}</dd>
          <dt>{t('fields.email')}</dt>
          <dd>{me.user.email}</dd>
          {me.user.isAdmin && (
            <>
              <dt>{t('account.instanceRole')}</dt>
              <dd>{t('account.admin')}</dd>
            </>
          )}
        </dl>
      )}
      {me && <ChangePassword email={me.user.email} />}
      <ApiTokens />
    </>
  );
}

function ChangePassword({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { formRef, errors, check } = useFieldErrors<'currentPassword' | PasswordField>();
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('password') ?? '');
    const valid = check({
      ...(currentPassword ? {} : { currentPassword: t('validation.required') }),
      ...checkNewPassword(newPassword, String(data.get('confirmation') ?? ''), t),
    });
    if (!valid) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setSaved(true);
          form.reset();
        },
      },
    );
  }

  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <p className="muted" id="password-effects">
        {t('account.password.effects')}
      </p>
      <form ref={formRef} noValidate onSubmit={submit} aria-describedby="password-effects">
        {/* Tells password managers which account the new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={t('fields.currentPassword')}
          error={errors.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields errors={errors} label={t('fields.newPassword')} />
        <ErrorAlert error={change.error} />
        <SubmitButton pending={change.isPending}>{t('account.password.submit')}</SubmitButton>
      </form>
      <SuccessStatus>{saved && t('account.password.changed')}</SuccessStatus>
    </section>
  );
}

function ApiTokens() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const { formRef, errors, check } = useFieldErrors<'name'>();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!check(name ? {} : { name: t('validation.required') })) return;
    create.mutate(
      { name },
      {
        onSuccess: (token) => {
          setCreated(token);
          form.reset();
        },
      },
    );
  }

  return (
    <section aria-labelledby="tokens-title" className="panel">
      <h2 id="tokens-title">{t('account.tokens.title')}</h2>
      <p className="muted">{t('account.tokens.intro')}</p>
      <form ref={formRef} noValidate onSubmit={submit} className="form-inline">
        <TextField
          label={t('fields.tokenName')}
          hint={t('account.tokens.nameHint')}
          error={errors.name}
          name="name"
          autoComplete="off"
          required
        />
        <SubmitButton pending={create.isPending}>{t('account.tokens.create')}</SubmitButton>
      </form>
      <ErrorAlert error={create.error} />
      {created && (
        <OneTimeSecret
          title={t('account.tokens.createdTitle', { name: created.name })}
          label={t('account.tokens.tokenLabel')}
          value={created.token}
        >
          <p>{t('account.tokens.shownOnce')}</p>
          <p>
            {t('account.tokens.usage')} <code>Authorization: Bearer {created.token}</code>
          </p>
        </OneTimeSecret>
      )}
      {tokens.isPending && <Loading />}
      <ErrorAlert error={tokens.error} />
      {tokens.data && <TokenList tokens={tokens.data.tokens} />}
    </section>
  );
}

function TokenList({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const revoke = useRevokeApiToken();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState('');

  function revokeToken(token: ApiToken) {
    setNotice('');
    revoke.mutate(token.id, {
      onSuccess: () => {
        setNotice(t('account.tokens.revoked', { name: token.name }));
        // The card with the focused button is gone; continue from the list's heading.
        headingRef.current?.focus();
      },
    });
  }

  return (
    <>
      <h3 id="token-list-title" ref={headingRef} tabIndex={-1}>
        {t('account.tokens.listTitle')}
      </h3>
      <ErrorAlert error={revoke.error} />
      <SuccessStatus>{notice}</SuccessStatus>
      {tokens.length === 0 ? (
        <p className="empty">{t('account.tokens.empty')}</p>
      ) : (
        // Cards rather than a table: on a phone a table's last column, the revoke button, scrolls out of sight.
        <ul className="card-list" aria-labelledby="token-list-title">
          {tokens.map((token) => (
            <li key={token.id} className="card token-card">
              <div className="token-card-text">
                <span className="card-title">{token.name}</span>
                <dl className="token-dates">
                  <div>
                    <dt>{t('account.tokens.created')}</dt>
                    <dd>{format.dateTime(token.createdAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('account.tokens.lastUsed')}</dt>
                    {/* The server notes the first use of each day only: a time of day would mislead. */}
                    <dd>{token.lastUsedAt ? format.date(token.lastUsedAt) : t('account.tokens.neverUsed')}</dd>
                  </div>
                </dl>
              </div>
              <ConfirmButton
                label={t('account.tokens.revoke')}
                accessibleLabel={t('account.tokens.revokeNamed', { name: token.name })}
                question={t('account.tokens.revokeQuestion', { name: token.name })}
                confirmLabel={t('account.tokens.revokeConfirm')}
                pending={revoke.isPending}
                onConfirm={() => revokeToken(token)}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
