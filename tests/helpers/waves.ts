import type { TestContext } from './test-app.js';
import { adminWithWorkspace } from './test-app.js';

/** A small questionnaire covering the common question types. */
export const smallDefinition = {
  // Written in German (its default texts), with English.
  locale: 'de',
  title: { default: 'Kurzumfrage', en: 'Short survey' },
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'sector',
          isRequired: true,
          choices: ['civic', 'nonprofit', 'municipal'],
          showOtherItem: true,
        },
        { type: 'checkbox', name: 'districts', choices: ['mitte', 'sued', 'west'] },
        { type: 'boolean', name: 'joint' },
        { type: 'comment', name: 'jointDetails', visibleIf: '{joint} = true' },
        { type: 'rating', name: 'recommend', rateMin: 0, rateMax: 10, isRequired: true },
        { type: 'matrix', name: 'formats', rows: ['visits', 'blog'], columns: [1, 2, 3, 4, 5] },
      ],
    },
  ],
};

export const validAnswers = {
  sector: 'nonprofit',
  districts: ['mitte', 'west'],
  joint: true,
  jointDetails: 'Repair-Café',
  recommend: 9,
  formats: { visits: 5, blog: 3 },
};

/** A workspace with a published questionnaire and an open wave on it. */
export async function workspaceWithWave(
  ctx: TestContext,
  opts: { slug?: string; access?: 'link' | 'invitation'; anonymous?: boolean; definition?: object } = {},
) {
  const slug = opts.slug ?? 'netz';
  const { agent, admin } = await adminWithWorkspace(ctx, slug);
  const base = `/api/v1/workspaces/${slug}`;
  const q = await agent
    .post(`${base}/questionnaires`)
    .send({ slug: 'kurz', definition: opts.definition ?? smallDefinition });
  if (q.status !== 201) throw new Error(JSON.stringify(q.body));
  const p = await agent.post(`${base}/questionnaires/kurz/publish`).send({});
  if (p.status !== 201) throw new Error(JSON.stringify(p.body));
  const w = await agent.post(`${base}/waves`).send({
    questionnaire: 'kurz',
    version: 1,
    title: 'Welle 2015',
    access: opts.access ?? 'link',
    ...(opts.anonymous !== undefined && { anonymous: opts.anonymous }),
  });
  if (w.status !== 201) throw new Error(JSON.stringify(w.body));
  const ws = await ctx.knex('workspaces').where({ slug }).first<{ id: string; slug: string }>('id', 'slug');
  return { agent, admin, base, ws, wave: w.body as { id: string; key: string; url: string } };
}
