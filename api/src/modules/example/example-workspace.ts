/**
 * The example workspace `beispiel`: the Stuttgart neighbourhood connectors'
 * first two years (seed text in docs/example.md), so that a newcomer sees a
 * populated dashboard and impact staircase at once. Loaded once, on a new
 * embedded database, unless BILANZ_EXAMPLE=false; clearly marked as example
 * data (workspaces.is_example) and deletable in one step.
 *
 * The survey responses are synthetic but plausible: drawn with fixed
 * weights (most members from the nonprofit sector, as the network says of
 * itself) and checked by the same validator as real answers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/db-handle.js';
import type { ActivityType, IndicatorSource } from '../../db/tables.js';
import { methodHints } from '../indicators/indicator-method.js';
import { itemsOf, questionsOf, type Json, type JsonObject } from '../questionnaires/definition-walk.js';
import type { Template } from '../questionnaires/templates.js';
import { hashToken } from '../../lib/tokens.js';
import { compileValidator } from '../responses/answer-validator.js';
import { newWaveKey } from '../waves/waves.service.js';
import * as repo from './example.repo.js';

export const EXAMPLE_SLUG = 'beispiel';
const LOADED_KEY = 'example_workspace_loaded';
const RESPONSES = 70;

/** A small deterministic random source (mulberry32): the example is the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRENGTHS = [
  'Der Blick über den eigenen Stadtteil hinaus',
  'Die Stadtteilbesuche – man lernt die Leute vor Ort kennen',
  'Kurze Wege zu Menschen aus der Stadtverwaltung',
  'Der offene, kollegiale Austausch ohne Konkurrenz',
  'Die Transferprojekte: gute Ideen, die man übernehmen kann',
  'Der Blog mit den Berichten aus den Quartieren',
];
const WEAKNESSES = [
  'Zu wenig Zeit neben dem Ehrenamt',
  'Die Termine liegen oft in der Arbeitszeit',
  'Neue Mitglieder finden schwer hinein',
  'Es bleibt manchmal beim Reden, die Umsetzung fehlt',
  'Die Webseite ist unübersichtlich',
];
const WISHES = [
  'Bad Cannstatt und Zuffenhausen besuchen',
  'Thema Inklusion im Quartier',
  'Neue Wohnformen',
  'Repair Cafés weiter verbreiten',
];
const STORIES = [
  'Ein gemeinsamer Nachbarschaftstreff mit Förderung',
  'Ein Tauschring im Stadtteil ist in Planung',
  'Die Idee der Schokoladenseiten für unseren Bezirk',
];

/** One member's plausible answers to the member survey (questions addressed by name). */
function memberAnswers(definition: JsonObject, random: () => number): Record<string, unknown> {
  const chance = (p: number) => random() < p;
  const weighted = <T>(options: Array<[T, number]>): T => {
    let r = random() * options.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of options) if ((r -= w) < 0) return value;
    return options[0]![0];
  };
  const pickSome = (values: Json[], p: number) => {
    const chosen = values.filter(() => chance(p));
    return chosen.length > 0 ? chosen : [values[Math.floor(random() * values.length)]!];
  };
  const q = new Map(questionsOf(definition).map((r) => [String(r.element.name), r.element]));
  const values = (name: string) => itemsOf(q.get(name)?.choices).map((c) => c.value);
  const rows = (name: string) => itemsOf(q.get(name)?.rows).map((r) => String(r.value));
  const a: Record<string, unknown> = {};
  a.sector = weighted([
    ['nonprofit', 58],
    ['civic', 27],
    ['municipal', 15],
  ]);
  a.memberSince = weighted([
    [2013, 12],
    [2014, 48],
    [2015, 40],
  ]);
  a.districts = pickSome(values('districts'), 0.12).slice(0, 3);
  a.participation = weighted([
    ['every', 20],
    ['often', 35],
    ['sometimes', 30],
    ['rarely', 12],
    ['never', 3],
  ]);
  a.formatValue = Object.fromEntries(
    rows('formatValue')
      .filter(() => chance(0.92))
      .map((row) => [
        row,
        weighted([
          [5, 35],
          [4, 38],
          [3, 18],
          [2, 6],
          [1, 3],
        ]),
      ]),
  );
  if (chance(0.8)) a.strengths = STRENGTHS[Math.floor(random() * STRENGTHS.length)];
  if (chance(0.6)) a.weaknesses = WEAKNESSES[Math.floor(random() * WEAKNESSES.length)];
  a.developmentOptions = pickSome(values('developmentOptions'), 0.3).slice(0, 3);
  a.developmentFeasibility = Object.fromEntries(
    (a.developmentOptions as string[]).map((option) => [
      option,
      weighted([
        ['voluntary', 45],
        ['funding', 40],
        ['unsure', 15],
      ]),
    ]),
  );
  if (chance(0.4)) a.topicWishes = WISHES[Math.floor(random() * WISHES.length)];
  a.newContacts = chance(0.78);
  a.jointProject = chance(0.18);
  if (a.jointProject && chance(0.7)) a.jointProjectDetails = STORIES[Math.floor(random() * STORIES.length)];
  a.sharedResources = chance(0.3);
  a.knowledgeTransfer = chance(0.45);
  if (a.knowledgeTransfer && chance(0.6)) a.knowledgeTransferDetails = STORIES[Math.floor(random() * STORIES.length)];
  a.recommend = weighted([
    [10, 22],
    [9, 24],
    [8, 22],
    [7, 14],
    [6, 8],
    [5, 5],
    [4, 3],
    [3, 2],
  ]);
  a.strategyGroup = weighted([
    ['yes', 20],
    ['maybe', 35],
    ['no', 45],
  ]);
  // Only keys the questionnaire has, with the values it allows (checked below by the validator).
  for (const key of Object.keys(a)) if (!q.has(key)) delete a[key];
  if (q.get('strategyGroup') && !values('strategyGroup').includes(a.strategyGroup as Json))
    a.strategyGroup = values('strategyGroup')[0];
  return a;
}

const ACTIVITIES: Array<{
  type: ActivityType;
  title: string;
  date: string;
  district?: string;
  topic?: string;
  note?: string;
}> = [
  { type: 'district_visit', title: 'Stadtteilbesuch Möhringen', date: '2013-10-15', district: 'Möhringen' },
  { type: 'district_visit', title: 'Stadtteilbesuch Degerloch', date: '2014-01-21', district: 'Degerloch' },
  { type: 'district_visit', title: 'Stadtteilbesuch Heslach', date: '2014-05-13', district: 'Heslach' },
  { type: 'district_visit', title: 'Stadtteilbesuch Feuerbach', date: '2014-09-23', district: 'Feuerbach' },
  { type: 'district_visit', title: 'Stadtteilbesuch Stammheim', date: '2014-12-02', district: 'Stammheim' },
  {
    type: 'district_visit',
    title: 'Stadtteilbesuch Hasenberg im Westen',
    date: '2015-03-17',
    district: 'West (Hasenberg)',
  },
  {
    type: 'district_visit',
    title: 'Stadtteilbesuch Neckarvorstadt',
    date: '2015-05-19',
    district: 'Neckarvorstadt',
    note: 'Geplant',
  },
  { type: 'thematic_exchange', title: 'Bürgerengagement fördern', date: '2014-03-11', topic: 'Bürgerengagement' },
  { type: 'thematic_exchange', title: 'Tauschringe aufbauen', date: '2014-07-08', topic: 'Tauschringe' },
  { type: 'thematic_exchange', title: 'Seniorennetzwerke bilden', date: '2014-11-04', topic: 'Seniorennetzwerke' },
  { type: 'thematic_exchange', title: 'Quartiersvernetzung starten', date: '2015-02-10', topic: 'Quartiersvernetzung' },
  {
    type: 'thematic_exchange',
    title: 'Repair Café im Bezirk',
    date: '2015-05-12',
    topic: 'Repair Café',
    note: 'Geplant',
  },
  {
    type: 'transfer_project_qualified',
    title: 'Degerlochs Schokoladenseiten',
    date: '2014-02-18',
    district: 'Degerloch',
  },
  { type: 'transfer_project_qualified', title: 'Nachbarschaftstisch Heslach', date: '2014-06-17', district: 'Heslach' },
  {
    type: 'transfer_project_qualified',
    title: 'Generationenbrücke Feuerbach',
    date: '2014-10-14',
    district: 'Feuerbach',
  },
  {
    type: 'transfer_project_qualified',
    title: 'Quartiersspaziergang Stammheim',
    date: '2015-01-13',
    district: 'Stammheim',
  },
  {
    type: 'transfer_project_qualified',
    title: 'Offener Bücherschrank Möhringen',
    date: '2015-03-10',
    district: 'Möhringen',
  },
  {
    type: 'transfer_project_adopted',
    title: 'Degerlochs Schokoladenseiten im Stuttgarter Süden',
    date: '2014-11-20',
    district: 'Süd',
    note: 'Erstes übertragenes Transferprojekt',
  },
  {
    type: 'joint_project',
    title: 'Gemeinsames Nachbarschaftsprojekt zweier Quartiere',
    date: '2014-09-01',
    note: 'Aus einem Kontakt im Netzwerk entstanden',
  },
  {
    type: 'grant',
    title: 'Förderung für das gemeinsame Nachbarschaftsprojekt',
    date: '2015-01-15',
    note: 'Erfolgreich eingeworben',
  },
  {
    type: 'other',
    title: 'Raum für eine Veranstaltung mitgenutzt',
    date: '2014-10-02',
    note: 'Verfügbarkeit war vorher nicht allgemein bekannt',
  },
];

/** 62 blog articles between July 2013 and May 2015, about one every eleven days. */
function articles(): typeof ACTIVITIES {
  const topics = [
    'Stadtteilbesuch',
    'Neue Wohnformen',
    'Inklusion',
    'Bürgerengagement',
    'Tauschringe',
    'Transferprojekte',
    'Nachbarschaft',
  ];
  const start = Date.parse('2013-07-01T00:00:00Z');
  return Array.from({ length: 62 }, (_, i) => ({
    type: 'article' as const,
    title: `Blogartikel ${i + 1}: ${topics[i % topics.length]}`,
    date: new Date(start + i * 11 * 86_400_000).toISOString().slice(0, 10),
    topic: topics[i % topics.length],
  }));
}

/** Districts with lasting cooperation of residents, organisations and the city (step 7), counted by the speakers. */
const COOPERATIONS: Array<[string, number, string]> = [
  ['2013-12-01', 1, 'Stuttgart-Ost: Runder Tisch mit Bezirksamt'],
  ['2014-12-01', 2, 'dazu Bad Cannstatt'],
  ['2015-05-01', 4, 'Stand vor der Strategiesitzung'],
];

const MEMBERS: Array<[string, number, string]> = [
  ['2013-06-01', 8, 'Gründung der Initiative'],
  ['2013-12-01', 21, 'Mitgliederliste'],
  ['2014-06-01', 38, 'Mitgliederliste'],
  ['2014-12-01', 61, 'Mitgliederliste'],
  ['2015-05-01', 79, 'Mitgliederliste vor der Strategiesitzung'],
];

/**
 * Loads the example once per database: on a new one (no workspace yet) when
 * enabled, never again afterwards (also not after it was deleted).
 */
export async function loadExampleOnce(knex: Db, templates: Map<string, Template>, enabled: boolean): Promise<boolean> {
  return knex.transaction(async (trx) => {
    if (await repo.hasInstanceState(trx, LOADED_KEY)) return false;
    const load = enabled && !(await repo.anyWorkspaceExists(trx));
    await repo.insertInstanceState(trx, LOADED_KEY, load ? 'loaded' : 'skipped');
    if (load) await createExample(trx, templates);
    return load;
  });
}

async function createExample(trx: Db, templates: Map<string, Template>): Promise<void> {
  const template = templates.get('mitgliederumfrage');
  if (!template) throw new Error('the member survey template (surveys/mitgliederumfrage.json) is missing');
  const definition = template.definition;
  const wsId = randomUUID();
  await repo.insertWorkspace(trx, {
    id: wsId,
    slug: EXAMPLE_SLUG,
    name: 'Beispiel: Stuttgarter Stadtteilvernetzer',
    is_example: true,
  });

  const questionnaireId = randomUUID();
  await repo.insertQuestionnaire(trx, { id: questionnaireId, workspace_id: wsId, slug: 'mitglieder', draft: null });
  await repo.insertQuestionnaireVersion(trx, {
    questionnaire_id: questionnaireId,
    version: 1,
    definition: JSON.stringify(definition),
    change_note: 'Beispiel: Mitgliederumfrage nach zwei Jahren',
  });

  const waveId = randomUUID();
  await repo.insertWave(trx, {
    id: waveId,
    workspace_id: wsId,
    questionnaire_id: questionnaireId,
    version: 1,
    title: 'Mitgliederumfrage 2015',
    key: newWaveKey(),
    access: 'link',
    anonymous: true,
    status: 'closed',
    opens_at: new Date('2015-04-20T06:00:00Z'),
    closes_at: new Date('2015-05-10T22:00:00Z'),
  });
  const validator = compileValidator(definition);
  const random = seeded(2015);
  const responses = Array.from({ length: RESPONSES }, (_, i) => {
    const data = memberAnswers(definition, random);
    const problems = validator.validate(data, true);
    if (problems.length > 0)
      throw new Error(`example response ${i} breaks the member survey: ${JSON.stringify(problems)}`);
    const day = new Date(Date.parse('2015-04-20T00:00:00Z') + Math.floor(random() * 20) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      id: randomUUID(),
      wave_id: waveId,
      status: 'complete',
      data: JSON.stringify(data),
      locale: 'de',
      started_on: day,
      updated_on: day,
      completed_on: day,
    };
  });
  await repo.insertResponses(trx, responses);

  await repo.insertActivities(
    trx,
    [...ACTIVITIES, ...articles()].map((a) => ({
      id: randomUUID(),
      workspace_id: wsId,
      district: null,
      topic: null,
      note: null,
      ...a,
    })),
  );

  const indicator = (row: Record<string, unknown> & { step: number | null; source: IndicatorSource }) => {
    // The example teaches the method: none of its indicators may earn the advice the form gives.
    if (methodHints(row).length > 0)
      throw new Error(`example indicator ${String(row.key)}: ${methodHints(row).join()}`);
    return {
      id: randomUUID(),
      workspace_id: wsId,
      description: null,
      unit: null,
      baseline: null,
      target: null,
      srs_chapter: null,
      ...row,
      source: JSON.stringify(row.source),
    };
  };
  const membersId = randomUUID();
  const cooperationsId = randomUUID();
  await repo.insertIndicators(trx, [
    indicator({
      key: 'ehrenamtsstunden',
      name: 'Ehrenamtliche Stunden pro Monat (geschätzt)',
      unit: 'Stunden',
      level: 'input',
      step: null,
      direction: 'up',
      source: { kind: 'manual' },
      description:
        'Was die Mitglieder an Zeit einbringen. Im Beispiel noch ohne Messwert: trag hier eine Schätzung ein.',
    }),
    indicator({
      key: 'stadtteilbesuche',
      name: 'Besuchte Bezirke und Stadtteile',
      unit: 'Stadtteile',
      level: 'output',
      step: 1,
      direction: 'up',
      target: JSON.stringify({ date: '2015-12-31', value: 8 }),
      source: { kind: 'activities', activityType: 'district_visit', measure: 'distinct', field: 'district' },
    }),
    indicator({
      key: 'blogartikel',
      name: 'Blogartikel',
      unit: 'Artikel',
      level: 'output',
      step: 1,
      direction: 'up',
      source: { kind: 'activities', activityType: 'article', measure: 'count' },
    }),
    {
      ...indicator({
        key: 'mitglieder',
        name: 'Mitglieder des Netzwerks',
        unit: 'Personen',
        level: 'output',
        step: 2,
        direction: 'up',
        baseline: JSON.stringify({ date: '2013-06-01', value: 8 }),
        target: JSON.stringify({ date: '2016-06-01', value: 100 }),
        source: { kind: 'manual' },
      }),
      id: membersId,
    },
    indicator({
      key: 'teilnahme',
      name: 'Anteil der Mitglieder, die oft oder fast immer dabei sind',
      unit: '%',
      level: 'output',
      step: 3,
      direction: 'up',
      source: {
        kind: 'survey',
        questionnaire: 'mitglieder',
        question: 'participation',
        measure: 'share',
        values: ['every', 'often'],
      },
    }),
    indicator({
      key: 'neue-kontakte',
      name: 'Anteil der Mitglieder mit neuen hilfreichen Kontakten',
      unit: '%',
      level: 'outcome',
      step: 4,
      direction: 'up',
      source: { kind: 'survey', questionnaire: 'mitglieder', question: 'newContacts', measure: 'share' },
    }),
    indicator({
      key: 'wissenstransfer',
      name: 'Anteil der Mitglieder, die Wissen in ihren Stadtteil getragen haben',
      unit: '%',
      level: 'outcome',
      step: 5,
      direction: 'up',
      source: { kind: 'survey', questionnaire: 'mitglieder', question: 'knowledgeTransfer', measure: 'share' },
    }),
    indicator({
      key: 'transfer-uebernommen',
      name: 'Anderswo übernommene Transferprojekte',
      unit: 'Projekte',
      level: 'outcome',
      step: 6,
      direction: 'up',
      source: { kind: 'activities', activityType: 'transfer_project_adopted', measure: 'count' },
    }),
    // A won grant for a joint project shows members acting together in a new way (PHINEO step 5);
    // step 7 is for change in the city, to which the network can only contribute.
    indicator({
      key: 'foerderung',
      name: 'Eingeworbene Förderungen für gemeinsame Projekte',
      unit: 'Förderungen',
      level: 'outcome',
      step: 5,
      direction: 'up',
      source: { kind: 'activities', activityType: 'grant', measure: 'count' },
    }),
    {
      ...indicator({
        key: 'stadtteil-kooperationen',
        name: 'Stadtteile mit dauerhaften Kooperationen von Bürgerschaft, Trägern und Stadt',
        unit: 'Stadtteile',
        level: 'impact',
        step: 7,
        direction: 'up',
        source: { kind: 'manual' },
        description:
          'Eine Veränderung in der Stadt, zu der das Netzwerk beiträgt – neben vielen anderen Einflüssen; der Wert zeigt einen Beitrag, keine allein bewirkte Veränderung.',
      }),
      id: cooperationsId,
    },
  ]);
  await repo.insertMeasurements(trx, [
    ...MEMBERS.map(([date, value, note]) => ({ id: randomUUID(), indicator_id: membersId, date, value, note })),
    ...COOPERATIONS.map(([date, value, note]) => ({
      id: randomUUID(),
      indicator_id: cooperationsId,
      date,
      value,
      note,
    })),
  ]);
  await createStrategySession(trx, wsId, waveId);
  await createExampleReport(trx, wsId, waveId);
}

// ── The finished strategy report and its share link ─────────────────────────────────────

/**
 * The share link of the example report, fixed so that the docs and the
 * browser tests can open it: it shows synthetic example data only
 * (aggregates, as every share link), and goes with the example workspace.
 */
export const EXAMPLE_SHARE_TOKEN = 'beispiel-strategiesitzung-mai-2015';

/**
 * The report the strategy group read in May 2015: key figures first, then
 * the Social Reporting Standard chapters (input, output, outcome and
 * impact), the survey's key results and the decisions. A newcomer sees the
 * product's main result at once, on screen, on paper and by link.
 */
async function createExampleReport(trx: Db, wsId: string, waveId: string): Promise<void> {
  const reportId = randomUUID();
  const config = {
    period: { from: '2013-06-01', to: '2015-05-31' },
    wave: waveId,
    compareWave: null,
    sections: [
      { kind: 'key_figures', members: 'mitglieder', reach: 'stadtteilbesuche' },
      { kind: 'input' },
      { kind: 'output' },
      { kind: 'outcome_impact', provenance: false },
      { kind: 'survey', measure: 'percent' },
      { kind: 'decisions' },
    ],
    keyQuestions: [
      'sector',
      'participation',
      'formatValue',
      'newContacts',
      'knowledgeTransfer',
      'developmentOptions',
      'developmentFeasibility',
      'recommend',
    ],
    openQuestions: {},
    quotes: [],
    decisions: [
      'Die Stadtteilbesuche gehen weiter: 2016 besuchen wir Bad Cannstatt und Zuffenhausen.',
      'Gemeinsame Projekte, die Geld brauchen, bereitet die Strategiegruppe mit einem Förderantrag vor; was Ehrenamtliche tragen können, beginnt sofort.',
      'Die Strategiegruppe trifft sich vierteljährlich und legt im Mai 2016 den nächsten Bericht vor.',
    ].join('\n\n'),
  };
  await repo.insertReport(trx, {
    id: reportId,
    workspace_id: wsId,
    title: 'Strategiesitzung Mai 2015',
    config: JSON.stringify(config),
    created_by: null,
  });
  await repo.insertReportShare(trx, {
    id: randomUUID(),
    workspace_id: wsId,
    report_id: reportId,
    token_hash: hashToken(EXAMPLE_SHARE_TOKEN),
    expires_at: new Date(Date.now() + 365 * 86_400_000),
    created_by: null,
  });
}

// ── The strategy session of May 2015: a closed prioritisation session and its action plan ──
// (sessions and plans modules; kept in this one block so that other parts of the example stay apart)

/** The development options the strategy group voted on, with the dots each got (21 phones × 3 dots = 63). */
const SESSION_OPTIONS: Array<[label: string, dots: number]> = [
  ['Koordinationsstelle mit bezahlter Teilzeitkraft', 16],
  ['Webseite zur Drehscheibe für Nachbarschaftsgruppen ausbauen', 14],
  ['Regelmäßige Netzwerktreffen am Abend', 12],
  ['Stadtteilbesuche fortsetzen (Bad Cannstatt, Zuffenhausen)', 7],
  ['Fortbildungen für Vernetzerinnen und Vernetzer', 6],
  ['Öffentlichkeitsarbeit: Presse, Flyer, Newsletter', 5],
  ['Patenschaften für neue Mitglieder', 3],
];
const SESSION_PARTICIPANTS = 21;
const SESSION_DOTS = 3;

/** What the group adopted: option index, then the action's fields. */
const SESSION_ACTIONS: Array<{
  option: number;
  decision: string;
  carrier: 'volunteers' | 'funding';
  cost?: number;
  source?: string;
  owner: string;
  due: string;
  targets: Array<{ indicator: string; target: number }>;
}> = [
  {
    option: 0,
    decision:
      'Eine halbe Stelle für die Koordination beantragen: Termine, Mitgliederbetreuung und Kontakt zur Stadtverwaltung.',
    carrier: 'funding',
    cost: 24000,
    source: 'Antrag bei der Stadt (Förderung Bürgerengagement) und einer Stiftung',
    owner: 'Sprecherkreis',
    due: '2015-10-31',
    targets: [
      { indicator: 'mitglieder', target: 100 },
      { indicator: 'teilnahme', target: 60 },
    ],
  },
  {
    option: 1,
    decision: 'Die Webseite bekommt eine Übersicht der Nachbarschaftsgruppen je Stadtteil und einen Terminkalender.',
    carrier: 'funding',
    cost: 3500,
    source: 'Spenden und Kleinprojektförderung',
    owner: 'AG Webseite',
    due: '2015-09-30',
    targets: [{ indicator: 'blogartikel', target: 80 }],
  },
  {
    option: 2,
    decision: 'Vierteljährliche Netzwerktreffen ab Juli, abends und reihum in den Stadtteilen.',
    carrier: 'volunteers',
    owner: 'Orga-Team',
    due: '2015-07-15',
    targets: [
      { indicator: 'teilnahme', target: 60 },
      { indicator: 'neue-kontakte', target: 75 },
    ],
  },
  {
    option: 3,
    decision: 'Die Stadtteilbesuche gehen weiter, zuerst in Bad Cannstatt und Zuffenhausen.',
    carrier: 'volunteers',
    owner: 'Stadtteilvernetzer Nord',
    due: '2015-12-31',
    targets: [{ indicator: 'stadtteilbesuche', target: 10 }],
  },
  {
    option: 4,
    decision: 'Zwei Fortbildungen im Jahr, gemeinsam mit der Volkshochschule.',
    carrier: 'funding',
    cost: 1500,
    source: 'Kooperation mit der Volkshochschule',
    owner: 'AG Fortbildung',
    due: '2016-03-31',
    targets: [{ indicator: 'wissenstransfer', target: 70 }],
  },
];

async function createStrategySession(trx: Db, wsId: string, waveId: string): Promise<void> {
  const sessionId = randomUUID();
  await repo.insertSession(trx, {
    id: sessionId,
    workspace_id: wsId,
    key: randomBytes(24).toString('base64url'),
    title: 'Strategiesitzung Mai 2015: Was gehen wir an?',
    method: 'dots',
    points: SESSION_DOTS,
    wave_id: waveId,
    question: null,
    status: 'closed',
    closed_at: new Date('2015-05-19T19:30:00Z'),
    created_at: new Date('2015-05-19T18:00:00Z'),
  });
  const options = SESSION_OPTIONS.map(([label], position) => ({
    id: randomUUID(),
    session_id: sessionId,
    label,
    code_id: null,
    position,
  }));
  await repo.insertSessionOptions(trx, options);
  // Deal the dots out to the phones in turn, three each: the totals above, plausible single ballots.
  const dots = SESSION_OPTIONS.flatMap(([, n], i) => Array.from({ length: n }, () => options[i]!.id));
  const ballots = Array.from({ length: SESSION_PARTICIPANTS }, (): Record<string, number> => ({}));
  dots.forEach((option, i) => {
    const ballot = ballots[i % SESSION_PARTICIPANTS]!;
    ballot[option] = (ballot[option] ?? 0) + 1;
  });
  await repo.insertBallots(
    trx,
    ballots.map((votes) => ({ session_id: sessionId, id: randomUUID(), votes: JSON.stringify(votes) })),
  );
  await repo.insertPlanActions(
    trx,
    SESSION_ACTIONS.map((a) => ({
      id: randomUUID(),
      workspace_id: wsId,
      title: SESSION_OPTIONS[a.option]![0],
      decision: a.decision,
      carrier: a.carrier,
      cost: a.cost ?? null,
      funding_source: a.source ?? null,
      owner: a.owner,
      due_on: a.due,
      targets: JSON.stringify(a.targets),
      session_id: sessionId,
      option_id: options[a.option]!.id,
      votes: SESSION_OPTIONS[a.option]![1],
    })),
  );
}

/**
 * Makes the first admin the organiser of an example workspace that has none
 * (after setup, or at start). It lives in the auth module, which runs it when
 * the first admin is created: auth cannot import this module (it builds on
 * waves and questionnaires, which build on workspaces and auth).
 */
export { adoptExampleWorkspaces } from '../auth/auth.service.js';
