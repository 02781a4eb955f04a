import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreateQuestionnaire, useQuestionnaires, useTemplates } from '../../api/questionnaires';
import type { QuestionnaireSummary, TemplateSummary } from '../../api/types';
import { useDateFormat } from '../../format';
import { PageHeading } from '../../components/PageHeading';
import { ErrorAlert, Loading } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useCurrentWorkspace } from '../WorkspaceLayout';
import { blankDefinition, freeSlug, QUESTIONNAIRE_SLUG } from './slugs';

export function QuestionnairesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const isOrganiser = workspace.role === 'organiser';
  const questionnaires = useQuestionnaires(workspace.slug);
  const list = questionnaires.data?.questionnaires;

  return (
    <>
      <PageHeading title={t('questionnaires.title')} />
      {questionnaires.isPending && <Loading />}
      <ErrorAlert error={questionnaires.error} />
      {list && list.length === 0 && (
        <p className="empty">{isOrganiser ? t('questionnaires.emptyOrganiser') : t('questionnaires.empty')}</p>
      )}
      {list && list.length > 0 && <QuestionnaireTable ws={workspace.slug} questionnaires={list} />}
      {isOrganiser && list && <CreateQuestionnaire ws={workspace.slug} taken={list.map((q) => q.slug)} />}
    </>
  );
}

function QuestionnaireTable({ ws, questionnaires }: { ws: string; questionnaires: QuestionnaireSummary[] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (
    <section aria-labelledby="questionnaire-list">
      <h2 id="questionnaire-list" className="visually-hidden">
        {t('questionnaires.listTitle')}
      </h2>
      <div className="table-wrap" role="region" aria-labelledby="questionnaire-list" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('designer.survey.titleField')}</th>
              <th scope="col">{t('questionnaires.slug')}</th>
              <th scope="col">{t('questionnaires.latestVersion')}</th>
              <th scope="col">{t('questionnaires.draft')}</th>
            </tr>
          </thead>
          <tbody>
            {questionnaires.map((q) => (
              <tr key={q.slug}>
                <th scope="row">
                  <Link to={`/w/${ws}/questionnaires/${q.slug}`}>{q.title || q.slug}</Link>
                </th>
                <td>
                  <code>{q.slug}</code>
                </td>
                <td>
                  {q.latestVersion === null ? (
                    <span className="muted">{t('questionnaires.notPublished')}</span>
                  ) : (
                    <>
                      {t('questionnaires.version', { version: q.latestVersion })}
                      {q.publishedAt && <span className="muted"> · {format.date(q.publishedAt)}</span>}
                    </>
                  )}
                </td>
                <td>
                  {q.hasDraft && q.draftUpdatedAt ? (
                    t('questionnaires.draftFrom', { date: format.dateTime(q.draftUpdatedAt) })
                  ) : (
                    <span className="muted">{t('questionnaires.noDraft')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CreateQuestionnaire({ ws, taken }: { ws: string; taken: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateQuestionnaire(ws);
  const templates = useTemplates();
  const { formRef, errors, check } = useFieldErrors<'slug'>();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [pendingTemplate, setPendingTemplate] = useState<string | null>(null);

  const open = (created: { slug: string }) => void navigate(`/w/${ws}/questionnaires/${created.slug}`);

  function createBlank(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = slug.trim();
    if (!check(QUESTIONNAIRE_SLUG.test(trimmed) ? {} : { slug: t('validation.questionnaireSlug') })) return;
    setPendingTemplate(null);
    create.mutate(
      { slug: trimmed, definition: blankDefinition(title.trim() || t('questionnaires.create.newTitle')) },
      { onSuccess: open },
    );
  }

  function createFromTemplate(template: TemplateSummary) {
    const trimmed = slug.trim();
    if (trimmed && !check(QUESTIONNAIRE_SLUG.test(trimmed) ? {} : { slug: t('validation.questionnaireSlug') })) return;
    setPendingTemplate(template.id);
    create.mutate({ slug: trimmed || freeSlug(template.id, taken), template: template.id }, { onSuccess: open });
  }

  return (
    <section aria-labelledby="create-questionnaire" className="panel">
      <h2 id="create-questionnaire">{t('questionnaires.create.title')}</h2>
      <form ref={formRef} noValidate onSubmit={createBlank}>
        <TextField
          label={t('questionnaires.slug')}
          hint={t('questionnaires.create.slugRule')}
          error={errors.slug}
          name="slug"
          required
          autoCapitalize="none"
          spellCheck={false}
          maxLength={48}
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
        />
        <TextField
          label={t('questionnaires.create.titleLabel')}
          hint={t('questionnaires.create.titleHint')}
          name="title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <ErrorAlert error={pendingTemplate === null ? create.error : null} />
        <SubmitButton pending={create.isPending && pendingTemplate === null}>
          {t('questionnaires.create.blank')}
        </SubmitButton>
      </form>

      <h3>{t('questionnaires.create.templatesTitle')}</h3>
      <p className="muted">{t('questionnaires.create.templatesIntro')}</p>
      {templates.isPending && <Loading />}
      <ErrorAlert error={templates.error} />
      <ErrorAlert error={pendingTemplate !== null ? create.error : null} />
      {templates.data && templates.data.templates.length === 0 && (
        <p className="empty">{t('questionnaires.create.noTemplates')}</p>
      )}
      {templates.data && templates.data.templates.length > 0 && (
        <ul className="card-list">
          {templates.data.templates.map((template) => (
            <li key={template.id} className="card template-card">
              <div>
                <p className="card-title">{template.title}</p>
                <p className="muted">{template.description}</p>
                <p className="muted">{t('questionnaires.create.questionCount', { count: template.questionCount })}</p>
              </div>
              <button
                type="button"
                aria-label={t('questionnaires.create.useTemplateNamed', { title: template.title })}
                disabled={create.isPending}
                onClick={() => createFromTemplate(template)}
              >
                {create.isPending && pendingTemplate === template.id
                  ? t('common.pleaseWait')
                  : t('questionnaires.create.useTemplate')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
