/**
 * The row types of tables.ts registered with knex (module augmentation), so
 * that `db(tables.users)` reads UserRow and an insert is checked against it.
 * Part of the api program through api/tsconfig.json (nothing imports it).
 * The tests' program (tests/tsconfig.json) leaves it out: tests read rows
 * straight from the tables and check them with expect(), and typed reads
 * (`Row | undefined`) would make every such test assert presence first.
 */
import type { Knex } from 'knex';
import type {
  ActivityRow,
  AnswerCodeAssignmentRow,
  AnswerCodeRow,
  ApiTokenRow,
  AuditLogRow,
  IndicatorRow,
  InstanceStateRow,
  MeasurementRow,
  MemberInvitationRow,
  MembershipRow,
  PlanActionRow,
  PrioritisationSessionRow,
  QuestionnaireRow,
  QuestionnaireVersionRow,
  ReportRow,
  ReportShareRow,
  ResponseRow,
  SessionBallotRow,
  SessionOptionRow,
  UserRow,
  WaveInvitationRow,
  WaveRow,
  WorkspaceRow,
} from './tables.js';

/** What an insert or update may give a column: its value, or SQL such as `db.fn.now()`. */
type Writable<Row> = { [K in keyof Row]?: Row[K] | Knex.Raw };

/**
 * JSON columns may be written as JSON text (`JSON.stringify`) or as an object;
 * never as an array, which the pg driver sends as a PostgreSQL array, not as JSON.
 * They read back as values.
 */
type WrittenAsJsonText<Row, JsonColumn extends keyof Row> = Omit<Row, JsonColumn> & {
  [K in JsonColumn]: string | Exclude<Row[K], readonly unknown[]>;
};

/** A table with JSON columns: read as Row, written with those columns as JSON text (or objects). */
type WithJsonColumns<Row, JsonColumn extends keyof Row> = Knex.CompositeTableType<
  Row,
  Writable<WrittenAsJsonText<Row, JsonColumn>>,
  Writable<WrittenAsJsonText<Row, JsonColumn>>
>;

declare module 'knex/types/tables.js' {
  interface Tables {
    users: UserRow;
    workspaces: WorkspaceRow;
    memberships: MembershipRow;
    member_invitations: MemberInvitationRow;
    api_tokens: ApiTokenRow;
    audit_log: AuditLogRow;
    instance_state: InstanceStateRow;
    questionnaires: WithJsonColumns<QuestionnaireRow, 'draft'>;
    questionnaire_versions: WithJsonColumns<QuestionnaireVersionRow, 'definition'>;
    waves: WithJsonColumns<WaveRow, 'privacy_notice'>;
    responses: WithJsonColumns<ResponseRow, 'data'>;
    wave_invitations: WaveInvitationRow;
    answer_codes: AnswerCodeRow;
    answer_code_assignments: AnswerCodeAssignmentRow;
    activities: ActivityRow;
    indicators: WithJsonColumns<IndicatorRow, 'baseline' | 'target' | 'source'>;
    indicator_measurements: MeasurementRow;
    reports: ReportRow;
    report_shares: ReportShareRow;
    prioritisation_sessions: PrioritisationSessionRow;
    session_options: SessionOptionRow;
    session_ballots: WithJsonColumns<SessionBallotRow, 'votes'>;
    plan_actions: WithJsonColumns<PlanActionRow, 'targets'>;
  }
}
