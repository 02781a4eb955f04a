import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';
import type { FieldErrors } from './useFieldErrors';

/** The server's rule for new passwords. */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordField = 'password' | 'confirmation';

/** Checks a new password and its repetition before they go to the server. */
export function checkNewPassword(password: string, confirmation: string, t: TFunction): FieldErrors<PasswordField> {
  const errors: FieldErrors<PasswordField> = {};
  if (password.length < MIN_PASSWORD_LENGTH)
    errors.password = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (confirmation !== password) errors.confirmation = t('validation.passwordsDiffer');
  return errors;
}

/** A new password with its rule, and its repetition. Field names: `password`, `confirmation`. */
export function NewPasswordFields({ errors, label }: { errors: FieldErrors<PasswordField>; label?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={label ?? t('fields.password')}
        hint={t('fields.passwordRule', { min: MIN_PASSWORD_LENGTH })}
        error={errors.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
      />
      <TextField
        label={t('fields.passwordConfirmation')}
        error={errors.confirmation}
        name="confirmation"
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
