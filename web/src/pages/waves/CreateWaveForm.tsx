import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuestionnaire, useQuestionnaires } from '../../api/questionnaires';
import { useCreateWave, type CreateWaveBody, type WaveAccess } from '../../api/waves';
import { useDateFormat } from '../../format';
import { ErrorAlert, Loading } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { fromLocalInput, parseRetentionDays } from './format';
import { RadioGroup } from './RadioGroup';
import { WaveTimingFields } from './WaveTimingFields';

type Field = 'title' | 'opensAt' | 'closesAt' | 'retentionDays' | 'noticeDe' | 'noticeEn';

/** Opens a wave on a published version of a questionnaire. */
export function CreateWaveForm({ ws }: { ws: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const questionnaires = useQuestionnaires(ws);
  const create = useCreateWave(ws);
  const { formRef, errors, check } = useFieldErrors<Field>();
  const [slug, setSlug] = useState('');
  const [version, setVersion] = useState<number | null>(null);
  const [access, setAccess] = useState<WaveAccess>('link');
  const [customNotice, setCustomNotice] = useState(false);

  const published = (questionnaires.data?.questionnaires ?? []).filter((q) => q.latestVersion !== null);
  const chosenSlug = slug || published[0]?.slug || '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const title = text('title');
    const opensAt = fromLocalInput(text('opensAt'));
    const closesAt = fromLocalInput(text('closesAt'));
    const retentionDays = parseRetentionDays(text('retentionDays'));
    const noticeDe = text('noticeDe');
    const noticeEn = text('noticeEn');
    const valid = check({
      ...(title ? {} : { title: t('validation.required') }),
      ...(opensAt === undefined ? { opensAt: t('waves.validation.date') } : {}),
      ...(closesAt === undefined
        ? { closesAt: t('waves.validation.date') }
        : opensAt && closesAt && closesAt <= opensAt
          ? { closesAt: t('waves.validation.closesAfterOpens') }
          : {}),
      ...(retentionDays === undefined ? { retentionDays: t('waves.validation.retentionDays') } : {}),
      ...(customNotice && !noticeDe ? { noticeDe: t('waves.validation.noticeBoth') } : {}),
      ...(customNotice && !noticeEn ? { noticeEn: t('waves.validation.noticeBoth') } : {}),
    });
    if (!valid || !chosenSlug || version === null) return;
    const body: CreateWaveBody = {
      questionnaire: chosenSlug,
      version,
      title,
      access,
      anonymous: form.get('anonymous') === 'on',
      ...(opensAt && { opensAt }),
      ...(closesAt && { closesAt }),
      ...(retentionDays && { retentionDays }),
      ...(customNotice && { privacyNotice: { de: noticeDe, en: noticeEn } }),
    };
    create.mutate(body, { onSuccess: ({ id }) => void navigate(`/w/${ws}/waves/${id}/settings`) });
  }

  return (
    <section aria-labelledby="create-wave-title" className="panel">
      <h2 id="create-wave-title">{t('waves.create.title')}</h2>
      {questionnaires.isPending && <Loading />}
      <ErrorAlert error={questionnaires.error} />
      {questionnaires.data && published.length === 0 && (
        <>
          <p>{t('waves.create.noPublished')}</p>
          <p>
            <Link to={`/w/${ws}/questionnaires`}>{t('waves.create.toQuestionnaires')}</Link>
          </p>
        </>
      )}
      {published.length > 0 && (
        <form ref={formRef} noValidate onSubmit={submit}>
          <TextField
            label={t('waves.fields.title')}
            hint={t('waves.fields.titleHint')}
            error={errors.title}
            name="title"
            required
            maxLength={200}
          />
          <div className="form-row">
            <SelectField
              label={t('waves.fields.questionnaire')}
              name="questionnaire"
              value={chosenSlug}
              onChange={(event) => {
                setSlug(event.target.value);
                setVersion(null);
              }}
              options={published.map((q) => ({ value: q.slug, label: `${q.title} (${q.slug})` }))}
            />
            <VersionSelect key={chosenSlug} ws={ws} slug={chosenSlug} value={version} onChange={setVersion} />
          </div>
          <RadioGroup
            legend={t('waves.fields.access')}
            name="access"
            value={access}
            onChange={setAccess}
            options={[
              { value: 'link', label: t('waves.access.link'), hint: t('waves.fields.accessLinkHint') },
              {
                value: 'invitation',
                label: t('waves.access.invitation'),
                hint: t('waves.fields.accessInvitationHint'),
              },
            ]}
          />
          <CheckboxField
            label={t('waves.fields.anonymous')}
            hint={t('waves.fields.anonymousHint')}
            name="anonymous"
            defaultChecked
          />
          <WaveTimingFields errors={errors} />
          <CheckboxField
            label={t('waves.fields.customNotice')}
            hint={t('waves.fields.customNoticeHint')}
            checked={customNotice}
            onChange={(event) => setCustomNotice(event.target.checked)}
          />
          {customNotice && (
            <div className="notice-fields">
              <TextAreaField
                label={t('waves.fields.noticeDe')}
                hint={t('waves.fields.noticeHint')}
                error={errors.noticeDe}
                name="noticeDe"
                lang="de"
                rows={8}
              />
              <TextAreaField
                label={t('waves.fields.noticeEn')}
                hint={t('waves.fields.noticeHint')}
                error={errors.noticeEn}
                name="noticeEn"
                lang="en"
                rows={8}
              />
            </div>
          )}
          <ErrorAlert error={create.error} />
          <SubmitButton pending={create.isPending}>{t('waves.create.submit')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

/** The published versions of one questionnaire, newest first; picks the newest by default. */
function VersionSelect({
  ws,
  slug,
  value,
  onChange,
}: {
  ws: string;
  slug: string;
  value: number | null;
  onChange: (version: number) => void;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const questionnaire = useQuestionnaire(ws, slug);
  const versions = [...(questionnaire.data?.versions ?? [])].sort((a, b) => b.version - a.version);
  const chosen = value ?? versions[0]?.version ?? null;

  // Report the default upwards, so that the form sends what the select shows.
  useEffect(() => {
    if (value === null && chosen !== null) onChange(chosen);
  }, [value, chosen, onChange]);

  if (questionnaire.isPending) return <p className="muted">{t('waves.create.loadingVersions')}</p>;
  if (questionnaire.isError) return <ErrorAlert error={questionnaire.error} />;
  return (
    <SelectField
      label={t('waves.fields.version')}
      name="version"
      value={chosen === null ? '' : String(chosen)}
      onChange={(event) => onChange(Number(event.target.value))}
      options={versions.map((v) => ({
        value: String(v.version),
        label: t('waves.fields.versionOption', { version: v.version, date: format.date(v.publishedAt) }),
      }))}
    />
  );
}
