import type { QuestionnaireRow } from '../../db/tables.js';
import { iso, isoOrNull } from '../../lib/response-fields.js';
import type { VersionSummary as VersionSummaryRow } from './questionnaires.repo.js';
import type { Draft, QuestionnaireSummary, VersionSummary } from './questionnaires.schemas.js';

/** One entry of the questionnaire list; `title` in the caller's language, `latest` its newest version. */
export const questionnaireSummaryView = (
  q: QuestionnaireRow,
  title: string,
  latest: VersionSummaryRow | undefined,
): QuestionnaireSummary => ({
  slug: q.slug,
  title,
  latestVersion: latest?.version ?? null,
  publishedAt: isoOrNull(latest?.published_at),
  hasDraft: q.draft !== null,
  draftUpdatedAt: isoOrNull(q.draft_updated_at),
});

/** A published version without its definition. */
export const versionSummaryView = (v: VersionSummaryRow): VersionSummary => ({
  version: v.version,
  publishedAt: iso(v.published_at),
  changeNote: v.change_note,
  breaking: v.breaks !== null,
});

/** The draft of a questionnaire, or null without one. */
export const draftView = (q: Pick<QuestionnaireRow, 'draft' | 'draft_updated_at'>): Draft | null =>
  q.draft ? { definition: q.draft, updatedAt: iso(q.draft_updated_at!) } : null;
