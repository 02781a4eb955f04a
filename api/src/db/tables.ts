/**
 * Row types, one per table (house rule 5). Only repos read and write these.
 * knex-tables.ts registers them with knex, so that `db(tables.users)` returns UserRow.
 */

export type Role = 'organiser' | 'analyst';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: boolean;
  created_at: Date;
  password_changed_at: Date;
};

export type WorkspaceRow = {
  id: string;
  slug: string;
  name: string;
  min_group_size: number;
  /** The example workspace: labelled as example data, deletable in one step. */
  is_example: boolean;
  created_at: Date;
};

export type MembershipRow = {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Date;
};

export type MemberInvitationRow = {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  created_at: Date;
};

export type ApiTokenRow = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Date;
  last_used_at: Date | null;
};

export type AuditLogRow = {
  id: number;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  target: string | null;
  details: unknown;
  created_at: Date;
};

export type InstanceStateRow = { key: string; value: string; updated_at: Date };

export type QuestionnaireRow = {
  id: string;
  workspace_id: string;
  slug: string;
  draft: Record<string, unknown> | null;
  draft_updated_at: Date | null;
  draft_updated_by: string | null;
  created_at: Date;
};

export type QuestionnaireVersionRow = {
  questionnaire_id: string;
  version: number;
  definition: Record<string, unknown>;
  change_note: string | null;
  diff: unknown;
  breaks: unknown;
  published_by: string | null;
  published_at: Date;
};

export type WaveRow = {
  id: string;
  workspace_id: string;
  questionnaire_id: string;
  version: number;
  title: string;
  key: string;
  access: 'link' | 'invitation';
  anonymous: boolean;
  status: 'open' | 'closed';
  opens_at: Date | null;
  closes_at: Date | null;
  privacy_notice: { de: string; en: string } | null;
  retention_days: number | null;
  /** Raised whenever responses of the wave are deleted (see the results engine). */
  results_epoch: number;
  created_by: string | null;
  created_at: Date;
};

export type ResponseRow = {
  id: string;
  wave_id: string;
  status: 'partial' | 'complete';
  data: Record<string, unknown>;
  locale: string | null;
  started_on: string;
  updated_on: string;
  completed_on: string | null;
  /** The transaction that last wrote the row (xid8, set by the database): the results engine's change feed. */
  change_xid?: string;
};

export type WaveInvitationRow = {
  id: string;
  wave_id: string;
  token_hash: string;
  label: string | null;
  used_on: string | null;
  response_id: string | null;
  created_at: Date;
};

export type AnswerCodeRow = { id: string; questionnaire_id: string; label: string; created_at: Date };
export type AnswerCodeAssignmentRow = { response_id: string; question: string; code_id: string };

/** A prioritisation session of a strategy meeting (docs/session.md). */
export type PrioritisationSessionRow = {
  id: string;
  workspace_id: string;
  key: string;
  title: string;
  method: 'dots' | 'rating';
  points: number;
  wave_id: string | null;
  question: string | null;
  status: 'open' | 'closed';
  closed_at: Date | null;
  created_by: string | null;
  created_at: Date;
};
export type SessionOptionRow = {
  id: string;
  session_id: string;
  label: string;
  code_id: string | null;
  position: number;
};
/** One phone's votes: option id → points (dots) or importance (rating). No time, no person, no device. */
export type SessionBallotRow = { session_id: string; id: string; votes: Record<string, number> };

/** One action of a workspace's action plan (Maßnahmenplan). */
export type PlanActionRow = {
  id: string;
  workspace_id: string;
  title: string;
  decision: string | null;
  carrier: 'volunteers' | 'funding';
  cost: number | null;
  funding_source: string | null;
  owner: string | null;
  due_on: string | null;
  targets: Array<{ indicator: string; target: number }>;
  session_id: string | null;
  option_id: string | null;
  votes: number | null;
  created_at: Date;
  updated_at: Date;
};

export const tables = {
  users: 'users',
  sessions: 'sessions',
  workspaces: 'workspaces',
  memberships: 'memberships',
  memberInvitations: 'member_invitations',
  apiTokens: 'api_tokens',
  auditLog: 'audit_log',
  rateLimits: 'rate_limits',
  instanceState: 'instance_state',
  questionnaires: 'questionnaires',
  questionnaireVersions: 'questionnaire_versions',
  waves: 'waves',
  responses: 'responses',
  heldResponses: 'held_responses',
  waveInvitations: 'wave_invitations',
  answerCodes: 'answer_codes',
  answerCodeAssignments: 'answer_code_assignments',
  activities: 'activities',
  indicators: 'indicators',
  indicatorMeasurements: 'indicator_measurements',
  resultSnapshots: 'result_snapshots',
  reports: 'reports',
  reportShares: 'report_shares',
  prioritisationSessions: 'prioritisation_sessions',
  sessionOptions: 'session_options',
  sessionBallots: 'session_ballots',
  planActions: 'plan_actions',
} as const;

export const ACTIVITY_TYPES = [
  'district_visit',
  'thematic_exchange',
  'transfer_project_qualified',
  'transfer_project_adopted',
  'article',
  'joint_project',
  'grant',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type ActivityRow = {
  id: string;
  workspace_id: string;
  type: ActivityType;
  title: string;
  date: string;
  district: string | null;
  topic: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export type IndicatorLevel = 'input' | 'output' | 'outcome' | 'impact';
export type DatedValue = { date: string; value: number };
export type IndicatorSource =
  | { kind: 'manual' }
  | {
      kind: 'survey';
      questionnaire: string;
      question: string;
      measure: 'share' | 'mean' | 'count';
      values?: Array<string | number | boolean>;
    }
  | { kind: 'activities'; activityType: ActivityType; measure: 'count' | 'distinct'; field?: 'district' | 'topic' };

export type IndicatorRow = {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  description: string | null;
  unit: string | null;
  level: IndicatorLevel;
  step: number | null;
  direction: 'up' | 'down';
  baseline: DatedValue | null;
  target: DatedValue | null;
  source: IndicatorSource;
  srs_chapter: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export type MeasurementRow = {
  id: string;
  indicator_id: string;
  date: string;
  value: number;
  note: string | null;
  entered_by: string | null;
  created_at: Date;
};

/** A saved report: its configuration (see modules/reports/reports.schemas.ts) as jsonb. */
export type ReportRow = {
  id: string;
  workspace_id: string;
  title: string;
  config: unknown;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export type ReportShareRow = {
  id: string;
  workspace_id: string;
  report_id: string;
  token_hash: string;
  expires_at: Date;
  revoked_at: Date | null;
  /** The last day the link was opened (a day only: no time, no address). */
  last_access_on: string | null;
  created_by: string | null;
  created_at: Date;
};
