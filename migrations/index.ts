import type { Knex } from 'knex';
import * as createUsers from './20261126120000_create_users.js';
import * as createSessions from './20261126120100_create_sessions.js';
import * as createWorkspaces from './20261126120200_create_workspaces.js';
import * as createMemberships from './20261126120300_create_memberships.js';
import * as createMemberInvitations from './20261126120400_create_member_invitations.js';
import * as createApiTokens from './20261126120500_create_api_tokens.js';
import * as createAuditLog from './20261126120600_create_audit_log.js';
import * as createRateLimits from './20261126120700_create_rate_limits.js';
import * as createInstanceState from './20261126120800_create_instance_state.js';
import * as createQuestionnaires from './20261126130000_create_questionnaires.js';
import * as createQuestionnaireVersions from './20261126130100_create_questionnaire_versions.js';
import * as createWaves from './20261126140000_create_waves.js';
import * as createResponses from './20261126140100_create_responses.js';
import * as createWaveInvitations from './20261126140200_create_wave_invitations.js';
import * as createAnswerCodes from './20261126150000_create_answer_codes.js';
import * as createAnswerCodeAssignments from './20261126150100_create_answer_code_assignments.js';
import * as dropResponseContentHash from './20261126160000_drop_response_content_hash.js';
import * as resultsChangeFeed from './20261126160100_results_change_feed.js';
import * as createActivities from './20261126170000_create_activities.js';
import * as createIndicators from './20261126170100_create_indicators.js';
import * as workspaceExampleFlag from './20261126170200_workspace_example_flag.js';
import * as createReports from './20261126230000_create_reports.js';
import * as createReportShares from './20261126230100_create_report_shares.js';
import * as indexResponsesForExport from './20261126231000_index_responses_for_export.js';
import * as indexResultsChangeFeed from './20261127090000_index_results_change_feed.js';
import * as backfillDefinitionLocale from './20261203150000_backfill_definition_locale.js';
import * as dropReportShareIncludeQuotes from './20261203220000_drop_report_share_include_quotes.js';
import * as createHeldResponses from './20261203230000_create_held_responses.js';
import * as createPrioritisationSessions from './20261204160000_create_prioritisation_sessions.js';
import * as createPlanActions from './20261204160100_create_plan_actions.js';

type Migration = { up(knex: Knex): Promise<void>; down(knex: Knex): Promise<void> };

/**
 * Every migration, in order. Imported statically (not read from the folder) so
 * that tsx, Vitest and the compiled server all run the same code. Add new
 * migrations at the end.
 */
export const migrations: ReadonlyArray<readonly [string, Migration]> = [
  ['20261126120000_create_users', createUsers],
  ['20261126120100_create_sessions', createSessions],
  ['20261126120200_create_workspaces', createWorkspaces],
  ['20261126120300_create_memberships', createMemberships],
  ['20261126120400_create_member_invitations', createMemberInvitations],
  ['20261126120500_create_api_tokens', createApiTokens],
  ['20261126120600_create_audit_log', createAuditLog],
  ['20261126120700_create_rate_limits', createRateLimits],
  ['20261126120800_create_instance_state', createInstanceState],
  ['20261126130000_create_questionnaires', createQuestionnaires],
  ['20261126130100_create_questionnaire_versions', createQuestionnaireVersions],
  ['20261126140000_create_waves', createWaves],
  ['20261126140100_create_responses', createResponses],
  ['20261126140200_create_wave_invitations', createWaveInvitations],
  ['20261126150000_create_answer_codes', createAnswerCodes],
  ['20261126150100_create_answer_code_assignments', createAnswerCodeAssignments],
  ['20261126160000_drop_response_content_hash', dropResponseContentHash],
  ['20261126160100_results_change_feed', resultsChangeFeed],
  ['20261126170000_create_activities', createActivities],
  ['20261126170100_create_indicators', createIndicators],
  ['20261126170200_workspace_example_flag', workspaceExampleFlag],
  ['20261126230000_create_reports', createReports],
  ['20261126230100_create_report_shares', createReportShares],
  ['20261126231000_index_responses_for_export', indexResponsesForExport],
  ['20261127090000_index_results_change_feed', indexResultsChangeFeed],
  ['20261203150000_backfill_definition_locale', backfillDefinitionLocale],
  ['20261203220000_drop_report_share_include_quotes', dropReportShareIncludeQuotes],
  ['20261203230000_create_held_responses', createHeldResponses],
  ['20261204160000_create_prioritisation_sessions', createPrioritisationSessions],
  ['20261204160100_create_plan_actions', createPlanActions],
];
