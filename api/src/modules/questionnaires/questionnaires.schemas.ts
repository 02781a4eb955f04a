import { z } from 'zod';
import { JsonObject, NullableTimestamp, Timestamp } from '../../lib/response-fields.js';
import { LabelLocale } from './locales.js';
import { Slug } from '../workspaces/workspaces.schemas.js';

/** The definition itself is checked by the definition rules (422), not by zod. */
const Definition = z.record(z.string(), z.unknown());

/** The organiser confirmed that properties loading other addresses (logo, imageLink, choicesByUrl, …) are removed. */
const DropRemote = z.boolean().optional();

export const CreateQuestionnaireSchema = z
  .strictObject({
    slug: Slug,
    definition: Definition.optional(),
    template: z.string().max(100).optional(),
    dropRemoteProperties: DropRemote,
  })
  .refine((v) => (v.definition === undefined) !== (v.template === undefined), 'give either definition or template');
export type CreateQuestionnaireReq = z.infer<typeof CreateQuestionnaireSchema>;

export const SaveDraftSchema = z.strictObject({ definition: Definition, dropRemoteProperties: DropRemote });
export type SaveDraftReq = z.infer<typeof SaveDraftSchema>;

export const PublishSchema = z.strictObject({
  changeNote: z.string().trim().max(2000).optional(),
  allowBreaking: z.boolean().optional(),
});
export type PublishReq = z.infer<typeof PublishSchema>;

export const SlugParams = z.object({ slug: Slug });
/** `?locale=`: the language of titles and labels (any language tag; the questionnaire's default language when it does not carry it). */
export const CatalogueQuery = z.object({ locale: LabelLocale.optional() });
export const VersionParams = z.object({ slug: Slug, version: z.coerce.number().int().min(1).max(1_000_000) });

const VersionRef = z.union([z.literal('draft'), z.coerce.number().int().min(1).max(1_000_000)]);
export const DiffQuery = z.object({ from: VersionRef, to: VersionRef });
export type VersionRefValue = z.infer<typeof VersionRef>;

export const TemplateParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,100}$/) });

// ── Responses ───────────────────────────────────────────────────────────────────────────
/** A choice, row or column value as written in a definition: text, number, true/false or null. */
const Value = z.json();

export const QuestionnaireSummaryResponse = z.object({
  slug: z.string(),
  title: z.string().describe("In the caller's language, falling back to the definition's default (German)."),
  latestVersion: z.number().int().nullable(),
  publishedAt: NullableTimestamp,
  hasDraft: z.boolean(),
  draftUpdatedAt: NullableTimestamp,
});
export type QuestionnaireSummary = z.infer<typeof QuestionnaireSummaryResponse>;
export const QuestionnaireListResponse = z.object({ questionnaires: z.array(QuestionnaireSummaryResponse) });

export const VersionSummaryResponse = z.object({
  version: z.number().int(),
  publishedAt: Timestamp,
  changeNote: z.string().nullable(),
  breaking: z.boolean(),
});
export type VersionSummary = z.infer<typeof VersionSummaryResponse>;

export const DraftResponse = z.object({ definition: JsonObject, updatedAt: Timestamp });
export type Draft = z.infer<typeof DraftResponse>;

export const QuestionnaireResponse = z.object({
  slug: z.string(),
  title: z.string(),
  versions: z.array(VersionSummaryResponse).describe('Oldest first.'),
  draft: DraftResponse.nullable(),
});
export type Questionnaire = z.infer<typeof QuestionnaireResponse>;

/** What a save says besides the draft: survey-core's warnings (in the caller's language) and the properties it removed. */
const SaveNotes = {
  warnings: z.array(z.object({ question: z.string().nullable(), path: z.string(), message: z.string() })),
  removed: z.array(z.string()),
};
export const CreatedQuestionnaireResponse = QuestionnaireResponse.extend(SaveNotes);
export const SavedDraftResponse = z.object({ draft: DraftResponse, ...SaveNotes });

export const QuestionChangeResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['title', 'description']), locale: z.string() }),
  z.object({ kind: z.enum(['type', 'input_type']), from: z.string(), to: z.string() }),
  z.object({ kind: z.enum(['required', 'other_changed']), from: z.boolean(), to: z.boolean() }),
  z.object({ kind: z.literal('visible_if'), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ kind: z.enum(['choice_added', 'choice_removed']), value: Value }),
  z.object({ kind: z.literal('choice_relabelled'), value: Value, locales: z.array(z.string()) }),
  z.object({ kind: z.literal('choice_reused'), value: Value, from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('rating_scale'), from: z.array(Value), to: z.array(Value) }),
  z.object({
    kind: z.enum(['matrix_rows', 'matrix_columns']),
    added: z.array(Value),
    removed: z.array(Value),
    relabelled: z.array(Value),
  }),
]);
export type QuestionChange = z.infer<typeof QuestionChangeResponse>;

export const ChangedQuestionResponse = z.object({
  name: z.string(),
  changes: z.array(QuestionChangeResponse),
  breaking: z.boolean(),
  reasons: z.array(z.string()).describe("Why the change breaks comparisons, in the caller's language."),
});
export type ChangedQuestion = z.infer<typeof ChangedQuestionResponse>;

export const DefinitionDiffResponse = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  moved: z.array(z.string()),
  changed: z.array(ChangedQuestionResponse),
  breaking: z.boolean().describe('True when any changed question is breaking.'),
});
export type DefinitionDiff = z.infer<typeof DefinitionDiffResponse>;

export const PublishedResponse = z.object({ version: z.number().int(), diff: DefinitionDiffResponse });
export type Published = z.infer<typeof PublishedResponse>;

export const BreakingQuestionResponse = z.object({ question: z.string(), reasons: z.array(z.string()) });
export type BreakingQuestion = z.infer<typeof BreakingQuestionResponse>;

export const VersionResponse = z.object({
  version: z.number().int(),
  definition: JsonObject,
  publishedAt: Timestamp,
  changeNote: z.string().nullable(),
  breaking: z
    .object({ from: z.number().int(), questions: z.array(BreakingQuestionResponse) })
    .nullable()
    .describe('The questions whose comparison with version `from` this version broke.'),
});
export type VersionDetail = z.infer<typeof VersionResponse>;

export const CatalogueQuestionResponse = z.object({
  name: z.string().describe('The question’s name as written.'),
  key: z.string().describe('The key its answers are stored under (its valueName, else the name).'),
  type: z.string(),
  title: z.string(),
  openText: z.boolean().describe('Free text to read and code.'),
  measures: z.array(z.enum(['share', 'mean', 'count'])).describe('The indicator measures that apply.'),
  filter: z.enum(['value', 'cells', 'none']).describe('What a results filter may name in it.'),
  choices: z.array(z.object({ value: Value, label: z.string() })),
});
export type CatalogueQuestion = z.infer<typeof CatalogueQuestionResponse>;

export const VersionQuestionsResponse = z.object({
  version: z.number().int(),
  locale: z.string(),
  locales: z.array(z.string()),
  questions: z.array(CatalogueQuestionResponse),
});
export type VersionQuestions = z.infer<typeof VersionQuestionsResponse>;

export const TemplateSummaryResponse = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  questionCount: z.number().int(),
});
export type TemplateSummary = z.infer<typeof TemplateSummaryResponse>;
export const TemplateListResponse = z.object({ templates: z.array(TemplateSummaryResponse) });
export const TemplateResponse = z.object({ id: z.string(), definition: JsonObject });

/** A choice, row or column value: text, number, true/false or null. */
export type ChoiceValue = string | number | boolean | null;
export type VersionRef = VersionRefValue;

/** One broken rule of an invalid definition: the details of 422 invalid_definition (message in the caller's language). */
export const DefinitionProblemDetail = z.object({
  question: z.string().nullable(),
  path: z.string(),
  message: z.string(),
  code: z
    .string()
    .optional()
    .describe(
      'remote_property: a property that loads another address, removed when the save confirms it; unknown_type.',
    ),
});
export type DefinitionProblem = z.infer<typeof DefinitionProblemDetail>;
export type SavedDraft = z.infer<typeof SavedDraftResponse>;
export type QuestionnaireList = z.infer<typeof QuestionnaireListResponse>;
export type TemplateList = z.infer<typeof TemplateListResponse>;
