import type { Knex } from 'knex';

/**
 * Data backfill: until now Bilanz read every definition's `default` texts as
 * German (the web app set survey-core's default language to German). A
 * definition's own `locale` now names that language, SurveyJS's English when
 * it is absent. So that stored questionnaires keep meaning what they meant,
 * every draft and version without a `locale` gets `"locale": "de"`, which is
 * what the old convention said. Answers are not touched.
 *
 * `down` leaves the definitions as they are: a `locale` added here cannot be
 * told from one an organiser wrote, and it says what the old code assumed.
 */
export async function up(knex: Knex): Promise<void> {
  const withLocale = (text: string): string | null => {
    const definition = JSON.parse(text) as Record<string, unknown> | null;
    if (!definition || typeof definition !== 'object' || Array.isArray(definition) || 'locale' in definition) return null;
    return JSON.stringify({ locale: 'de', ...definition });
  };
  const versions = (await knex('questionnaire_versions').select('questionnaire_id', 'version', knex.raw('definition::text as text'))) as Array<{ questionnaire_id: string; version: number; text: string }>;
  for (const v of versions) {
    const next = withLocale(v.text);
    if (next) await knex('questionnaire_versions').where({ questionnaire_id: v.questionnaire_id, version: v.version }).update({ definition: knex.raw('?::json', [next]) });
  }
  const drafts = (await knex('questionnaires').whereNotNull('draft').select('id', knex.raw('draft::text as text'))) as Array<{ id: string; text: string }>;
  for (const d of drafts) {
    const next = withLocale(d.text);
    if (next) await knex('questionnaires').where({ id: d.id }).update({ draft: knex.raw('?::json', [next]) });
  }
}

export async function down(): Promise<void> {
  // Nothing to undo: see above.
}
