import type { Db } from '../../db/db-handle.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { QuestionnaireRow, UserRow, WorkspaceRow } from '../../db/tables.js';
import { ConflictError, NotFoundError, text, ValidationError, type Locale } from '../../http/errors.js';
import { iso } from '../../lib/response-fields.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkDefinition, type DefinitionProblem, type DefinitionWarning } from './definition-rules.js';
import { patternProblems } from './pattern-rules.js';
import { definitionTitle, questionsOf, type JsonObject } from './definition-walk.js';
import { diffDefinitions, isEmptyDiff, type DefinitionDiff } from './diff.js';
import { questionCatalogue } from './question-catalogue.js';
import { draftView, questionnaireSummaryView, versionSummaryView } from './questionnaires.presenters.js';
import * as repo from './questionnaires.repo.js';
import type {
  CreateQuestionnaireReq,
  Draft,
  PublishReq,
  Questionnaire,
  QuestionnaireSummary,
  VersionRefValue,
} from './questionnaires.schemas.js';
import type { Template } from './templates.js';

const invalidDefinition = (problems: DefinitionProblem[]) =>
  new ValidationError(
    'invalid_definition',
    text(
      `The questionnaire breaks ${problems.length} rule(s).`,
      `Der Fragebogen verletzt ${problems.length} Regel(n).`,
    ),
    problems,
  );

type CheckedDefinition = { definition: JsonObject; warnings: DefinitionWarning[]; removed: string[] };

/**
 * The definition as survey-core reads it, with sanitised HTML, plus warnings
 * and the paths of removed remote properties; or 422 invalid_definition
 * listing every problem by question.
 */
async function checkedDefinition(input: unknown, dropRemoteProperties = false): Promise<CheckedDefinition> {
  const checked = checkDefinition(input, { dropRemoteProperties });
  if (!checked.ok) throw invalidDefinition(checked.problems);
  // Regex validators that could stall the server on a crafted answer are refused (pattern-rules.ts).
  const unsafe = await patternProblems(checked.definition);
  if (unsafe.length > 0) throw invalidDefinition(unsafe);
  return { definition: checked.definition, warnings: checked.warnings, removed: checked.removed };
}

const validDefinition = async (input: unknown): Promise<JsonObject> => (await checkedDefinition(input)).definition;

/** What a save tells the organiser besides the draft: survey-core's warnings, removed properties. */
const saveNotes = (c: CheckedDefinition, locale: Locale) => ({
  warnings: c.warnings.map((w) => ({ question: w.question, path: w.path, message: w.message[locale] })),
  removed: c.removed,
});

const notFound = () => new NotFoundError(text('Questionnaire not found.', 'Fragebogen nicht gefunden.'));

/** The questionnaire of this workspace with this slug, or 404. */
export async function getQuestionnaire(db: Db, ws: WorkspaceRow, slug: string): Promise<QuestionnaireRow> {
  const q = await repo.findQuestionnaire(db, ws.id, slug);
  if (!q) throw notFound();
  return q;
}

// --- For other modules (modules meet through services, not through each other's repos) ---

/** The questionnaire of this workspace with this slug, if any (no 404: the caller decides). */
export const findQuestionnaire = (db: Db, workspaceId: string, slug: string) =>
  repo.findQuestionnaire(db, workspaceId, slug);

/** One published version of a questionnaire, if it exists. */
export const findVersion = (db: Db, questionnaireId: string, version: number) =>
  repo.findVersion(db, questionnaireId, version);

/** The newest published version of a questionnaire, if any. */
export const findLatestVersion = (db: Db, questionnaireId: string) => repo.findLatestVersion(db, questionnaireId);

/** Every published version of a questionnaire, with its definition. */
export const listVersions = (db: Db, questionnaireId: string) => repo.listVersions(db, questionnaireId);

/** The slug of each questionnaire of a workspace, by id. */
export const questionnaireSlugs = async (db: Db, workspaceId: string): Promise<Map<string, string>> =>
  new Map((await repo.listQuestionnaires(db, workspaceId)).map((q) => [q.id, q.slug]));

/** Localised title of a definition: the locale's text, else the definition's default language. */
const titleIn = (definition: JsonObject, locale: Locale) =>
  definitionTitle(definition, locale) || definitionTitle(definition);

export async function listQuestionnaires(db: Db, ws: WorkspaceRow, locale: Locale): Promise<QuestionnaireSummary[]> {
  const rows = await repo.listQuestionnaires(db, ws.id);
  const versions = await repo.listVersionSummaries(
    db,
    rows.map((r) => r.id),
  );
  const latest = new Map<string, repo.VersionSummary>();
  for (const v of versions) latest.set(v.questionnaire_id, v);
  // Titles come from the draft, or else the newest version.
  const published = await repo.latestDefinitions(
    db,
    rows.filter((r) => !r.draft).map((r) => r.id),
  );
  return rows.map((r) => {
    const definition = (r.draft ?? published.get(r.id) ?? {}) as JsonObject;
    return questionnaireSummaryView(r, titleIn(definition, locale), latest.get(r.id));
  });
}

/** Creates a questionnaire whose draft is the given definition or a copy of a template. */
export async function createQuestionnaire(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  req: CreateQuestionnaireReq,
  templates: Map<string, Template>,
  locale: Locale,
) {
  let checked: CheckedDefinition;
  if (req.template !== undefined) {
    const template = templates.get(req.template);
    if (!template)
      throw new NotFoundError(
        text(`There is no template "${req.template}".`, `Es gibt keine Vorlage „${req.template}“.`),
      );
    checked = await checkedDefinition(structuredClone(template.definition));
  } else {
    checked = await checkedDefinition(req.definition, req.dropRemoteProperties === true);
  }
  const { definition } = checked;
  try {
    await db.transaction(async (trx) => {
      await repo.insertQuestionnaire(trx, { workspaceId: ws.id, slug: req.slug, draft: definition, userId: actor.id });
      await recordAudit(trx, {
        workspaceId: ws.id,
        actorId: actor.id,
        action: 'questionnaire.create',
        target: req.slug,
        ...(req.template && { details: { template: req.template } }),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ConflictError(
        'conflict',
        text(`A questionnaire "${req.slug}" exists already.`, `Es gibt schon einen Fragebogen „${req.slug}“.`),
      );
    }
    throw err;
  }
  return { ...(await describeQuestionnaire(db, ws, req.slug, locale)), ...saveNotes(checked, locale) };
}

/** The contract's view of a questionnaire: versions (without definitions) and the draft. */
export async function describeQuestionnaire(
  db: Db,
  ws: WorkspaceRow,
  slug: string,
  locale: Locale,
): Promise<Questionnaire> {
  const q = await getQuestionnaire(db, ws, slug);
  const versions = await repo.listVersionSummaries(db, [q.id]);
  // The title comes from the draft, or else the newest version.
  const shown = (q.draft ?? (await repo.findLatestVersion(db, q.id))?.definition ?? {}) as JsonObject;
  return {
    slug: q.slug,
    title: titleIn(shown, locale),
    versions: versions.map(versionSummaryView),
    draft: draftView(q),
  };
}

/** Replaces the draft (or starts a new one after publishing) with a valid definition. */
export async function saveDraft(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  slug: string,
  input: unknown,
  dropRemoteProperties: boolean,
  locale: Locale,
) {
  const checked = await checkedDefinition(input, dropRemoteProperties);
  const q = await getQuestionnaire(db, ws, slug);
  const row = await repo.updateDraft(db, q.id, checked.definition, actor.id);
  return { draft: draftView(row) as Draft, ...saveNotes(checked, locale) };
}

export async function discardDraft(db: Db, actor: UserRow, ws: WorkspaceRow, slug: string): Promise<void> {
  const q = await getQuestionnaire(db, ws, slug);
  if (!q.draft) throw new NotFoundError(text('There is no draft.', 'Es gibt keinen Entwurf.'));
  if (!(await repo.findLatestVersion(db, q.id))) {
    throw new ConflictError(
      'conflict',
      text(
        'A questionnaire that was never published keeps its draft.',
        'Ein nie veröffentlichter Fragebogen behält seinen Entwurf.',
      ),
    );
  }
  await db.transaction(async (trx) => {
    await repo.updateDraft(trx, q.id, null, actor.id);
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'questionnaire.discard_draft',
      target: slug,
    });
  });
}

/**
 * Turns the draft into the next version. A breaking change (see diff.ts) is
 * refused unless allowBreaking; then it is recorded on the version.
 */
export async function publish(
  db: Db,
  actor: UserRow,
  ws: WorkspaceRow,
  slug: string,
  req: PublishReq,
): Promise<{ version: number; diff: DefinitionDiff }> {
  return db.transaction(async (trx) => {
    const q = await repo.lockQuestionnaire(trx, ws.id, slug);
    if (!q) throw notFound();
    if (!q.draft) {
      throw new ConflictError(
        'no_draft',
        text(
          'There is no draft to publish. Save changes first.',
          'Es gibt keinen Entwurf zum Veröffentlichen. Speichere zuerst Änderungen.',
        ),
      );
    }
    const definition = await validDefinition(q.draft);
    if (questionsOf(definition).length === 0) {
      throw invalidDefinition([
        {
          question: null,
          path: 'pages',
          message: text(
            'A published questionnaire needs at least one question.',
            'Ein veröffentlichter Fragebogen braucht mindestens eine Frage.',
          ),
        },
      ]);
    }
    const latest = await repo.findLatestVersion(trx, q.id);
    const diff = diffDefinitions((latest?.definition ?? {}) as JsonObject, definition);
    if (latest && isEmptyDiff(diff) && JSON.stringify(latest.definition) === JSON.stringify(definition)) {
      throw new ConflictError(
        'no_changes',
        text(`The draft is the same as version ${latest.version}.`, `Der Entwurf gleicht Version ${latest.version}.`),
      );
    }
    const breaking = diff.changed.filter((c) => c.breaking);
    if (latest && breaking.length > 0 && req.allowBreaking !== true) {
      throw new ValidationError(
        'breaking_change',
        text(
          `Publishing would break comparisons with version ${latest.version} for ${breaking.map((b) => b.name).join(', ')}. Publish with allowBreaking to accept this.`,
          `Die Veröffentlichung würde Vergleiche mit Version ${latest.version} brechen bei: ${breaking.map((b) => b.name).join(', ')}. Mit allowBreaking trotzdem veröffentlichen.`,
        ),
        breaking.map((b) => ({ question: b.name, reasons: b.reasons })),
      );
    }
    const version = (latest?.version ?? 0) + 1;
    await repo.insertVersion(trx, {
      questionnaireId: q.id,
      version,
      definition,
      changeNote: req.changeNote || null,
      diff: latest ? diff : null,
      breaks:
        latest && breaking.length > 0
          ? { from: latest.version, questions: breaking.map((b) => ({ question: b.name, reasons: b.reasons })) }
          : null,
      userId: actor.id,
    });
    await repo.updateDraft(trx, q.id, null, actor.id);
    await recordAudit(trx, {
      workspaceId: ws.id,
      actorId: actor.id,
      action: 'questionnaire.publish',
      target: slug,
      details: { version, ...(breaking.length > 0 && { breaking: breaking.map((b) => b.name) }) },
    });
    return { version, diff };
  });
}

export async function getVersion(db: Db, ws: WorkspaceRow, slug: string, version: number) {
  const q = await getQuestionnaire(db, ws, slug);
  const v = await repo.findVersion(db, q.id, version);
  if (!v) throw new NotFoundError(text(`Version ${version} does not exist.`, `Version ${version} gibt es nicht.`));
  return {
    version: v.version,
    definition: v.definition,
    publishedAt: iso(v.published_at),
    changeNote: v.change_note,
    breaking: v.breaks,
  };
}

/** A published version's questions as the question type registry reads them, titled in `language` (else its default language). */
export async function versionQuestions(
  db: Db,
  ws: WorkspaceRow,
  slug: string,
  version: number,
  language: string | undefined,
) {
  const v = await getVersion(db, ws, slug, version);
  return { version: v.version, ...questionCatalogue(v.definition as JsonObject, language) };
}

/** The diff between two versions; either side may be the draft. */
export async function diffVersions(
  db: Db,
  ws: WorkspaceRow,
  slug: string,
  from: VersionRefValue,
  to: VersionRefValue,
): Promise<DefinitionDiff> {
  const q = await getQuestionnaire(db, ws, slug);
  const load = async (ref: VersionRefValue): Promise<JsonObject> => {
    if (ref === 'draft') {
      if (!q.draft) throw new NotFoundError(text('There is no draft.', 'Es gibt keinen Entwurf.'));
      return q.draft as JsonObject;
    }
    const v = await repo.findVersion(db, q.id, ref);
    if (!v) throw new NotFoundError(text(`Version ${ref} does not exist.`, `Version ${ref} gibt es nicht.`));
    return v.definition as JsonObject;
  };
  return diffDefinitions(await load(from), await load(to));
}

export function listTemplates(templates: Map<string, Template>, locale: Locale) {
  return [...templates.values()].map((t) => ({
    id: t.id,
    title: titleIn(t.definition, locale),
    description: localText(t.definition.description, locale),
    questionCount: t.questionCount,
  }));
}

export async function getTemplate(templates: Map<string, Template>, id: string) {
  const t = templates.get(id);
  if (!t) throw new NotFoundError(text(`There is no template "${id}".`, `Es gibt keine Vorlage „${id}“.`));
  return { id: t.id, definition: await validDefinition(structuredClone(t.definition)) };
}

function localText(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const s = v[locale] ?? v.default;
    return typeof s === 'string' ? s : '';
  }
  return '';
}
