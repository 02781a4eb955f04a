// Shapes of the API's answers and requests, as in DESIGN.md §4.

export type Role = 'organiser' | 'analyst';
export const roles: readonly Role[] = ['organiser', 'analyst'];

export interface User {
  id: string;
  email: string;
  /** Empty when the account was created from configuration. */
  name: string;
  isAdmin: boolean;
}

export interface WorkspaceRef {
  slug: string;
  name: string;
}

export interface Me {
  user: User;
  memberships: { workspace: WorkspaceRef; role: Role }[];
}

export interface WorkspaceSummary extends WorkspaceRef {
  role: Role;
  /** The example workspace with illustrative data; the only kind that can be deleted. */
  example: boolean;
}

export interface Workspace extends WorkspaceRef {
  minGroupSize: number;
  role: Role;
  example: boolean;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

/** An account that already existed is added directly; otherwise a one-time link is issued. */
export type InviteResult =
  { member: Member } | { invitation: PendingInvitation; inviteToken: string; inviteUrl: string };

export interface InvitationPreview {
  email: string;
  role: Role;
  workspace: WorkspaceRef;
  expiresAt: string;
}

/** Newest first, as the API sends them. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string; email: string; name: string } | null;
  action: string;
  target: string | null;
  details: unknown;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
}

// Questionnaires (DESIGN.md §2, §4). Definitions are SurveyJS JSON, edited as plain data.

export interface QuestionnaireSummary {
  slug: string;
  /** In the caller's language, falling back to the definition's default (German). */
  title: string;
  latestVersion: number | null;
  publishedAt: string | null;
  hasDraft: boolean;
  draftUpdatedAt: string | null;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  changeNote: string | null;
  breaking: boolean;
}

export interface Draft {
  definition: Record<string, unknown>;
  updatedAt: string;
}

export interface Questionnaire {
  slug: string;
  title: string;
  /** Oldest first. */
  versions: VersionSummary[];
  draft: Draft | null;
}

export interface BreakingQuestion {
  question: string;
  /** In English only: the API records them so. */
  reasons: string[];
}

export interface VersionDetail {
  version: number;
  definition: Record<string, unknown>;
  publishedAt: string;
  changeNote: string | null;
  breaking: { from: number; questions: BreakingQuestion[] } | null;
}

/** A choice, row or column value: text, number or true/false. */
export type ChoiceValue = string | number | boolean | null;

/**
 * The version diff, as the API computes it (house rule 5: web imports API types
 * with `import type` only). Reasons arrive in the request's language.
 */
import type {
  ChangedQuestion as ApiChangedQuestion,
  DefinitionDiff as ApiDefinitionDiff,
  QuestionChange,
} from '../../../api/src/modules/questionnaires/diff.js';
export type { QuestionChange };
export type ChangedQuestion = Omit<ApiChangedQuestion, 'reasons'> & { reasons: string[] };
export type DefinitionDiff = Omit<ApiDefinitionDiff, 'changed'> & { changed: ChangedQuestion[] };

/** A `draft` or a version number, as the diff endpoint takes them. */
export type VersionRef = number | 'draft';

/** One broken rule of an invalid definition (422 `invalid_definition`). */
export interface DefinitionProblem {
  question: string | null;
  path: string;
  message: string;
  /** `remote_property`: a property that loads another address, removed when the save confirms it; `unknown_type`. */
  code?: string;
}

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
  questionCount: number;
}

// Results and trends (DESIGN.md §3, §4).

/** A figure hidden by small-group suppression is `null`, never 0. */
export type Count = number | null;

/** Result figures as the API computes them (house rule 5: types come from the API with `import type`). */
import type { Cell, QuestionFigures } from '../../../api/src/modules/results/aggregate.js';
import type { Filter as ApiFilter } from '../../../api/src/modules/results/filters.js';
import type { CatalogueQuestion as ApiCatalogueQuestion } from '../../../api/src/modules/questionnaires/question-catalogue.js';
import type { CellFigures, ItemFigures } from '../../../api/src/modules/results/figures.js';
import type {
  FigureKind as ApiFigureKind,
  QuestionType,
} from '../../../api/src/modules/questionnaires/question-types.js';
export type ChoiceCell = Cell;
export type QuestionResult = QuestionFigures;
export type MatrixRow = NonNullable<QuestionFigures['rows']>[number];
/** One item of a multiple text, ranking or range slider. */
export type ItemResult = ItemFigures;
/** One cell of a dropdown matrix (row × column) or one column of a dynamic matrix (row null). */
export type CellResult = CellFigures;
export type Filter = ApiFilter;
/** Which view draws a question's figures (the server's question type registry). */
export type FigureKind = ApiFigureKind;
/** One question of a published version as the server's question type registry reads it (…/versions/:version/questions). */
export type CatalogueQuestion = ApiCatalogueQuestion;
export interface VersionQuestions {
  version: number;
  locale: string;
  locales: string[];
  questions: CatalogueQuestion[];
}
/** What the server's registry says of one question type: the web keeps no list of its own. */
export type QuestionTypeInfo = Pick<QuestionType, 'filterable' | 'filter' | 'export'> & {
  openText: boolean;
  figures: FigureKind;
};
/** The registry's entries for the types of a wave's questionnaire, by type name. */
export type QuestionTypes = Record<string, QuestionTypeInfo>;

export interface WaveResults {
  wave: { id: string; title: string };
  responses: { complete: number; partial: number };
  /** Complete responses per day of completion (YYYY-MM-DD), oldest first: the whole wave, never filtered. */
  perDay: Array<{ date: string; count: number }>;
  n: Count;
  minGroupSize: number;
  suppressed: boolean;
  filters: Filter[];
  questions: QuestionResult[];
  questionTypes: QuestionTypes;
}

export interface TrendEntry {
  wave: { id: string; title: string; createdAt: string };
  version: number;
  n: Count;
  breakBefore: boolean;
  question?: QuestionResult;
  missing?: true;
}

export interface Trend {
  questionnaire: string;
  question: string;
  minGroupSize: number;
  waves: TrendEntry[];
}

// The activity log (DESIGN.md §2, §4): organisers keep it, analysts read it.

import type { ActivityType as ApiActivityType } from '../../../api/src/db/tables.js';
export type ActivityType = ApiActivityType;
/** In the order the forms and filters offer them; the API's list, repeated because web imports API types only. */
export const activityTypes = [
  'district_visit',
  'thematic_exchange',
  'transfer_project_qualified',
  'transfer_project_adopted',
  'article',
  'joint_project',
  'grant',
  'other',
] as const satisfies readonly ActivityType[];

export interface Activity {
  id: string;
  type: ActivityType;
  title: string;
  /** A calendar day, YYYY-MM-DD. */
  date: string;
  district: string | null;
  topic: string | null;
  note: string | null;
  updatedAt: string;
}

/** Newest first; `districts` and `years` (newest first) span the whole log, whatever the filter. */
export interface ActivityList {
  activities: Activity[];
  districts: string[];
  years: number[];
}

export interface ActivityFilter {
  type?: ActivityType;
  district?: string;
  year?: number;
}

export interface ActivityBody {
  type: ActivityType;
  title: string;
  date: string;
  /** null or '' clears the field. */
  district?: string | null;
  topic?: string | null;
  note?: string | null;
}

/** One refused row of a CSV import (422 `invalid_csv`); line 1 is the header. */
export interface CsvProblem {
  line: number;
  message: string;
}
