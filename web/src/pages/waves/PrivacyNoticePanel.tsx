import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateWave, type WaveDetail } from '../../api/waves';
import { languageNames } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert, SuccessStatus } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { TextAreaField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { paragraphs } from '../answer/texts';

type Field = 'de' | 'en';

/** The notice respondents read before the first question: preview, own text, or back to the default. */
export function PrivacyNoticePanel({ ws, wave, editable }: { ws: string; wave: WaveDetail; editable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateWave(ws, wave.id);
  const { formRef, errors, check } = useFieldErrors<Field>();
  const [result, setResult] = useState('');
  // A new key refills the text areas with what the server now holds.
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult('');
    const form = new FormData(event.currentTarget);
    const de = String(form.get('de') ?? '').trim();
    const en = String(form.get('en') ?? '').trim();
    if (
      !check({
        ...(de ? {} : { de: t('waves.validation.noticeBoth') }),
        ...(en ? {} : { en: t('waves.validation.noticeBoth') }),
      })
    )
      return;
    if (de === wave.privacyNotice.de.trim() && en === wave.privacyNotice.en.trim()) {
      setResult(t('common.nothingChanged'));
      return;
    }
    update.mutate(
      { privacyNotice: { de, en } },
      {
        onSuccess: () => {
          setResult(t('waves.notice.saved'));
          setFormKey((k) => k + 1);
        },
      },
    );
  }

  function restoreDefault() {
    setResult('');
    update.mutate(
      { privacyNotice: null },
      {
        onSuccess: () => {
          setResult(t('waves.notice.defaultRestored'));
          setFormKey((k) => k + 1);
        },
      },
    );
  }

  return (
    <section aria-labelledby="wave-notice-title" className="panel">
      <h2 id="wave-notice-title">{t('waves.notice.title')}</h2>
      <p>{t('waves.notice.intro')}</p>
      <p className="muted">{wave.privacyNoticeCustom ? t('waves.notice.isCustom') : t('waves.notice.isDefault')}</p>
      <h3>{t('waves.notice.preview')}</h3>
      <div className="notice-preview">
        {(['de', 'en'] as const).map((language) => (
          <div key={language} lang={language} className="answer-notice">
            <h4>{languageNames[language]}</h4>
            {paragraphs(wave.privacyNotice[language]).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ))}
      </div>
      {wave.privacyNoticeCustom && (
        <details className="notice-default">
          <summary>{t('waves.notice.defaultText')}</summary>
          {(['de', 'en'] as const).map((language) => (
            <div key={language} lang={language} className="answer-notice">
              <h4>{languageNames[language]}</h4>
              {paragraphs(wave.defaultPrivacyNotice[language]).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
          ))}
        </details>
      )}
      {editable && (
        <>
          <form key={formKey} ref={formRef} noValidate onSubmit={submit}>
            <div className="notice-fields">
              <TextAreaField
                label={t('waves.fields.noticeDe')}
                hint={t('waves.fields.noticeHint')}
                error={errors.de}
                name="de"
                lang="de"
                rows={10}
                defaultValue={wave.privacyNotice.de}
              />
              <TextAreaField
                label={t('waves.fields.noticeEn')}
                hint={t('waves.fields.noticeHint')}
                error={errors.en}
                name="en"
                lang="en"
                rows={10}
                defaultValue={wave.privacyNotice.en}
              />
            </div>
            <ErrorAlert error={update.error} />
            <div className="actions">
              <SubmitButton pending={update.isPending}>{t('waves.notice.save')}</SubmitButton>
              {wave.privacyNoticeCustom && (
                <ConfirmButton
                  label={t('waves.notice.useDefault')}
                  question={t('waves.notice.useDefaultQuestion')}
                  confirmLabel={t('waves.notice.useDefaultConfirm')}
                  pending={update.isPending}
                  onConfirm={restoreDefault}
                />
              )}
            </div>
          </form>
          <SuccessStatus>{result}</SuccessStatus>
        </>
      )}
    </section>
  );
}
