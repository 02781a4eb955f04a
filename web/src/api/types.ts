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
}

export interface Workspace extends WorkspaceRef {
  minGroupSize: number;
  role: Role;
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
  | { member: Member }
  | { invitation: PendingInvitation; inviteToken: string; inviteUrl: string };

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

/** One change to a question; `locale` `default` is the definition's own language (German). */
export type QuestionChange =
  | { kind: 'title' | 'description'; locale: string }
  | { kind: 'type'; from: string; to: string }
  | { kind: 'input_type'; from: string; to: string }
  | { kind: 'required'; from: boolean; to: boolean }
  | { kind: 'visible_if'; from: string | null; to: string | null }
  | { kind: 'choice_added'; value: ChoiceValue }
  | { kind: 'choice_removed'; value: ChoiceValue }
  | { kind: 'choice_relabelled'; value: ChoiceValue; locales: string[] }
  | { kind: 'choice_reused'; value: ChoiceValue; from: string; to: string }
  | { kind: 'other_changed'; from: boolean; to: boolean }
  | { kind: 'rating_scale'; from: ChoiceValue[]; to: ChoiceValue[] }
  | { kind: 'matrix_rows' | 'matrix_columns'; added: ChoiceValue[]; removed: ChoiceValue[]; relabelled: ChoiceValue[] };

export interface ChangedQuestion {
  name: string;
  changes: QuestionChange[];
  breaking: boolean;
  reasons: string[];
}

export interface DefinitionDiff {
  added: string[];
  removed: string[];
  moved: string[];
  changed: ChangedQuestion[];
  breaking: boolean;
}

/** A `draft` or a version number, as the diff endpoint takes them. */
export type VersionRef = number | 'draft';

/** One broken rule of an invalid definition (422 `invalid_definition`). */
export interface DefinitionProblem {
  question: string | null;
  path: string;
  message: string;
}

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
  questionCount: number;
}
