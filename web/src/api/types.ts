// The API's request and response types, as the API's zod schemas define them
// (api/src/modules/<m>/<m>.schemas.ts). The web declares none of its own: it
// imports them here, type-only (house rule 5), so a change of a response
// shape in the API shows up as a type error in the web.

export type {
  Me,
  ApiToken,
  ApiTokenList,
  CreatedApiToken,
  SetupStatus,
  SessionUser,
  UserView as User,
} from '../../../api/src/modules/auth/auth.schemas.js';
export type {
  Role,
  WorkspaceRef,
  WorkspaceSummary,
  WorkspaceView as Workspace,
  Member,
  PendingInvitation,
  InviteResult,
  InvitationPreview,
  AuditEntry,
  AuditList,
  WorkspaceList,
  WorkspaceEnvelope,
  MemberList,
  MemberEnvelope,
} from '../../../api/src/modules/workspaces/workspaces.schemas.js';

// Questionnaires (DESIGN.md §2, §4). Definitions are SurveyJS JSON, edited as plain data.
export type {
  QuestionnaireSummary,
  VersionSummary,
  Draft,
  Questionnaire,
  BreakingQuestion,
  VersionDetail,
  ChoiceValue,
  QuestionChange,
  ChangedQuestion,
  DefinitionDiff,
  Published,
  SavedDraft,
  VersionRef,
  DefinitionProblem,
  TemplateSummary,
  TemplateList,
  QuestionnaireList,
  CatalogueQuestion,
  VersionQuestions,
} from '../../../api/src/modules/questionnaires/questionnaires.schemas.js';

// Results and trends (DESIGN.md §3, §4).
export type {
  Count,
  Cell as ChoiceCell,
  QuestionFigures as QuestionResult,
  MatrixRow,
  ItemFigures as ItemResult,
  CellFigures as CellResult,
  Filter,
  FigureKind,
  QuestionTypeInfo,
  QuestionTypes,
  WaveResults,
  TrendEntry,
  Trend,
} from '../../../api/src/modules/results/results.schemas.js';

// The activity log (DESIGN.md §2, §4): organisers keep it, analysts read it.
export type {
  ActivityTypeValue as ActivityType,
  Activity,
  ActivityList,
  ActivityFilter,
  ActivityBody,
  CsvProblem,
  ActivityImport,
} from '../../../api/src/modules/activities/activities.schemas.js';

// Open answers and their codes.
export type {
  OpenAnswer,
  OpenAnswers as AnswersList,
  CodeCount,
  Code,
  AnswerCodes,
} from '../../../api/src/modules/answers/answers.schemas.js';

// Indicators on the impact model.
export type {
  IndicatorLevel,
  IndicatorSource,
  Provenance,
  Point,
  DatedValue,
  Direction,
  Indicator,
  IndicatorList,
  IndicatorFields,
  CreateIndicatorBody,
  MeasurementBody,
  Measurement,
} from '../../../api/src/modules/indicators/indicators.schemas.js';

// Waves and their invitations.
export type {
  Wave,
  WaveDetail,
  WaveAccess,
  WaveState,
  PrivacyNotice,
  CreateWaveBody,
  UpdateWaveBody,
  WaveInvitation as Invitation,
  IssuedInvitation as CreatedInvitation,
  CreateInvitationsBody,
  CreatedWave,
  WaveList,
  WaveDetailEnvelope,
  WaveInvitationList,
  IssuedInvitationList,
} from '../../../api/src/modules/waves/waves.schemas.js';

// Answering (public).
export type {
  PublicWave,
  SubmitResponseBody,
  Submitted,
  PartialResponse,
  AnswerProblem,
} from '../../../api/src/modules/responses/responses.schemas.js';

// Reports and share links.
export type {
  SectionKind,
  OpenRole,
  Section,
  ReportReq as ReportConfig,
  Report,
  ReportSummary,
  ReportProvenance,
  ReportSource,
  ReportIndicator,
  TrendDirection,
  ContentSection,
  ReportContent,
  Share,
  ShareState,
  CreatedShare,
  ReportList,
  ShareList,
} from '../../../api/src/modules/reports/reports.schemas.js';

// The option lists forms and filters offer (values, checked against the API's types).
export { roles, activityTypes } from './choices.js';

// The workspace home at a glance.
export type { Overview, OverviewWave, OverviewIndicator } from '../../../api/src/modules/overview/overview.schemas.js';
// Prioritisation sessions and the action plan (docs/session.md).
export type {
  Session,
  SessionOption,
  SessionList,
  PublicSession,
  Ballot,
  CreateSessionBody,
} from '../../../api/src/modules/sessions/sessions.schemas.js';
export type { Action, Plan, ActionBody, ActionChanges } from '../../../api/src/modules/plans/plans.schemas.js';
