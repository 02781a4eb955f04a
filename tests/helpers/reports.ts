import request from 'supertest';
import type { TestContext } from './test-app.js';
import { workspaceWithWave } from './waves.js';

/** A member survey with choice, rating and two open questions (strengths, weaknesses). */
export const reportDefinition = {
  // Written in German (its default texts), with English.
  locale: 'de',
  title: { default: 'Mitgliederumfrage', en: 'Member survey' },
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'sector', isRequired: true, choices: ['civic', 'nonprofit', 'municipal'] },
        { type: 'rating', name: 'recommend', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'comment', name: 'strengths' },
        { type: 'comment', name: 'weaknesses' },
      ],
    },
  ],
};

const sectors2015 = [
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'civic',
  'civic',
  'civic',
  'civic',
  'municipal',
];
const sectors2014 = [
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'nonprofit',
  'civic',
  'civic',
  'civic',
  'civic',
  'civic',
];

export const ACTIVITIES = [
  { type: 'district_visit', title: 'Besuch Degerloch', date: '2015-03-12', district: 'Degerloch' },
  { type: 'district_visit', title: 'Besuch Neckarvorstadt', date: '2015-05-19', district: 'Neckarvorstadt' },
  { type: 'article', title: 'Blog: Repair-Café', date: '2015-02-01' },
  { type: 'district_visit', title: 'Besuch Mitte', date: '2013-09-10', district: 'Mitte' },
  { type: 'thematic_exchange', title: 'Austausch Tauschringe', date: '2016-04-02' },
] as const;

export const PERIOD = { from: '2015-01-01', to: '2015-12-31' };

/**
 * A workspace with two waves of one questionnaire (2014: 10 responses, 2015:
 * 12), coded open answers in 2015, activities inside and outside 2015, and
 * input, output and outcome indicators.
 */
export async function reportWorkspace(ctx: TestContext, slug: string) {
  const setup = await workspaceWithWave(ctx, { slug, definition: reportDefinition });
  const { agent, base, wave } = setup;
  const submit = async (key: string, data: object) => {
    const id = crypto.randomUUID();
    const res = await request(ctx.app)
      .post(`/api/v1/public/waves/${key}/responses`)
      .send({ id, status: 'complete', data });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return id;
  };
  const strengths: Array<{ id: string; text: string }> = [];
  const weaknesses: Array<{ id: string; text: string }> = [];
  for (const [i, sector] of sectors2015.entries()) {
    const s = `Stärke ${i + 1}: Austausch über Stadtteilgrenzen hinweg (${sector})`;
    const w = `Schwäche ${i + 1}: zu wenig Zeit`;
    const id = await submit(wave.key, {
      sector,
      recommend: (i % 5) + 1,
      strengths: s,
      ...(i < 6 && { weaknesses: w }),
    });
    strengths.push({ id, text: s });
    if (i < 6) weaknesses.push({ id, text: w });
  }
  const older = await agent
    .post(`${base}/waves`)
    .send({ questionnaire: 'kurz', version: 1, title: 'Welle 2014', access: 'link' });
  if (older.status !== 201) throw new Error(JSON.stringify(older.body));
  const olderTexts: string[] = [];
  for (const [i, sector] of sectors2014.entries()) {
    const text = `Alte Stärke ${i + 1} aus 2014`;
    olderTexts.push(text);
    await submit(older.body.key, { sector, recommend: 3, strengths: text });
  }

  const code = async (label: string) =>
    (await agent.post(`${base}/questionnaires/kurz/codes`).send({ label })).body.id as string;
  const contacts = await code('Kontakte');
  const exchange = await code('Austausch');
  const blog = await code('Blog');
  const unused = await code('Ungenutzt');
  for (const [i, s] of strengths.entries()) {
    const codes = [...(i < 6 ? [contacts] : []), ...(i >= 4 && i < 9 ? [exchange] : []), ...(i >= 10 ? [blog] : [])];
    if (codes.length > 0) await agent.put(`${base}/waves/${wave.id}/answers/strengths/${s.id}/codes`).send({ codes });
  }

  for (const a of ACTIVITIES) {
    const res = await agent.post(`${base}/activities`).send(a);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  const indicator = async (body: object) => {
    const res = await agent.post(`${base}/indicators`).send(body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  await indicator({
    key: 'budget',
    name: 'Budget',
    unit: 'EUR',
    level: 'input',
    direction: 'up',
    source: { kind: 'manual' },
  });
  for (const [date, value] of [
    ['2014-01-01', 1000],
    ['2015-06-01', 1500],
    ['2016-03-01', 2000],
  ] as const) {
    await agent.post(`${base}/indicators/budget/measurements`).send({ date, value, note: 'Haushaltsplan intern' });
  }
  await indicator({
    key: 'visits',
    name: 'Stadtteilbesuche',
    level: 'output',
    step: 1,
    direction: 'up',
    source: { kind: 'activities', activityType: 'district_visit', measure: 'count' },
  });
  await indicator({
    key: 'contacts',
    name: 'Neue Kontakte',
    unit: '%',
    level: 'outcome',
    step: 4,
    direction: 'up',
    baseline: { date: '2014-01-01', value: 20 },
    target: { date: '2016-01-01', value: 60 },
    source: { kind: 'manual' },
  });
  for (const [date, value] of [
    ['2014-06-01', 30],
    ['2015-06-01', 55],
  ] as const) {
    await agent.post(`${base}/indicators/contacts/measurements`).send({ date, value, note: 'Notiz nur für uns' });
  }
  return {
    ...setup,
    olderWave: older.body as { id: string; key: string },
    strengths,
    weaknesses,
    olderTexts,
    codes: { contacts, exchange, blog, unused },
  };
}

/** Every string inside a JSON value, for scanning a body for texts that must not be there. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
