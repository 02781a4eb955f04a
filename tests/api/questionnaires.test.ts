import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as backfillLocale } from '../../migrations/20261203150000_backfill_definition_locale.js';
import {
  adminWithWorkspace,
  createTestContext,
  createUser,
  loginAgent,
  type TestContext,
} from '../helpers/test-app.js';
import { workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
let agent: Awaited<ReturnType<typeof loginAgent>>;
const base = '/api/v1/workspaces/netz/questionnaires';

beforeAll(async () => {
  ctx = await createTestContext();
  ({ agent } = await adminWithWorkspace(ctx, 'netz'));
});
afterAll(() => ctx.close());

const definition = (...elements: object[]) => ({
  title: { default: 'Mitgliederumfrage', en: 'Member survey' },
  pages: [{ name: 'p1', elements }],
});
const sector = (choices = ['civic', 'nonprofit', 'municipal']) => ({
  type: 'radiogroup',
  name: 'sector',
  title: { default: 'Bereich', en: 'Sector' },
  choices: choices.map((value) => ({ value, text: value })),
});
const count = async (table: string) =>
  ((await ctx.knex(table).select(ctx.knex.raw('count(*)::int as n')).first()) as { n: number }).n;

describe('questionnaire lifecycle', () => {
  it('creates, saves a draft, publishes versions, reads them and diffs them', async () => {
    const created = await agent
      .post(base)
      .set('Accept-Language', 'de')
      .send({ slug: 'mitglieder', definition: definition(sector()) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'mitglieder',
      title: 'Mitgliederumfrage',
      versions: [],
      draft: { definition: definition(sector()) },
    });

    const en = await agent.get(`${base}/mitglieder`).set('Accept-Language', 'en');
    expect(en.body.title).toBe('Member survey');

    const p1 = await agent.post(`${base}/mitglieder/publish`).send({ changeNote: 'Erste Fassung' });
    expect(p1.status).toBe(201);
    expect(p1.body.version).toBe(1);
    expect(p1.body.diff.added).toEqual(['sector']);

    const after1 = await agent.get(`${base}/mitglieder`);
    expect(after1.body.draft).toBeNull();
    expect(after1.body.versions).toEqual([
      { version: 1, publishedAt: expect.any(String), changeNote: 'Erste Fassung', breaking: false },
    ]);

    const noDraft = await agent.post(`${base}/mitglieder/publish`).send({});
    expect(noDraft.status).toBe(409);
    expect(noDraft.body.error.code).toBe('no_draft');

    const v2def = definition(sector(['civic', 'nonprofit', 'municipal', 'business']), {
      type: 'comment',
      name: 'strengths',
      title: 'Stärken',
    });
    const saved = await agent.put(`${base}/mitglieder/draft`).send({ definition: v2def });
    expect(saved.status).toBe(200);
    const toDraft = await agent.get(`${base}/mitglieder/diff?from=1&to=draft`);
    expect(toDraft.body.added).toEqual(['strengths']);
    const p2 = await agent.post(`${base}/mitglieder/publish`).send({});
    expect(p2.status).toBe(201);
    expect(p2.body.version).toBe(2);
    expect(p2.body.diff).toMatchObject({ added: ['strengths'], removed: [], breaking: false });
    expect(p2.body.diff.changed).toEqual([
      { name: 'sector', changes: [{ kind: 'choice_added', value: 'business' }], breaking: false, reasons: [] },
    ]);

    const v1 = await agent.get(`${base}/mitglieder/versions/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, definition: definition(sector()), changeNote: 'Erste Fassung' });
    expect((await agent.get(`${base}/mitglieder/versions/3`)).status).toBe(404);
    expect((await agent.get(`${base}/mitglieder/versions/zero`)).status).toBe(400);

    const diff = await agent.get(`${base}/mitglieder/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      added: ['strengths'],
      removed: [],
      changed: [{ name: 'sector', breaking: false }],
    });
    const reverse = await agent.get(`${base}/mitglieder/diff?from=2&to=1`);
    expect(reverse.body).toMatchObject({ added: [], removed: ['strengths'] });
    expect((await agent.get(`${base}/mitglieder/diff?from=1`)).status).toBe(400);
    expect((await agent.get(`${base}/mitglieder/diff?from=1&to=9`)).status).toBe(404);

    const list = await agent.get(base).set('Accept-Language', 'de');
    expect(list.body.questionnaires).toEqual([
      {
        slug: 'mitglieder',
        title: 'Mitgliederumfrage',
        latestVersion: 2,
        publishedAt: expect.any(String),
        hasDraft: false,
        draftUpdatedAt: null,
      },
    ]);
  });

  it('refuses a breaking change unless allowBreaking, then records the break on the version', async () => {
    await agent.post(base).send({
      slug: 'bruch',
      definition: definition(sector(), { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }),
    });
    await agent.post(`${base}/bruch/publish`).send({});
    await agent.put(`${base}/bruch/draft`).send({
      definition: definition(sector(['civic', 'nonprofit']), { type: 'rating', name: 'nps', rateMin: 1, rateMax: 5 }),
    });

    const refused = await agent.post(`${base}/bruch/publish`).set('Accept-Language', 'de').send({});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('breaking_change');
    expect(refused.body.error.message).toContain('sector, nps');
    // Reasons come in the caller's language, like the message.
    expect(refused.body.error.details).toEqual([
      { question: 'sector', reasons: ['Antwort "municipal" entfernt'] },
      { question: 'nps', reasons: ['Bewertungsskala von 0,1,2,3,4,5,6,7,8,9,10 zu 1,2,3,4,5 geändert'] },
    ]);
    expect((await agent.get(`${base}/bruch`)).body.versions).toHaveLength(1);

    const accepted = await agent
      .post(`${base}/bruch/publish`)
      .send({ allowBreaking: true, changeNote: 'Skala vereinfacht' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.diff.breaking).toBe(true);
    expect(accepted.body.diff.changed[0].reasons).toEqual(['choice "municipal" removed']);
    const q = await agent.get(`${base}/bruch`);
    expect(q.body.versions.map((v: { breaking: boolean }) => v.breaking)).toEqual([false, true]);
    const v2 = await agent.get(`${base}/bruch/versions/2`);
    expect(v2.body.breaking).toEqual({
      from: 1,
      questions: [
        { question: 'sector', reasons: ['choice "municipal" removed'] },
        { question: 'nps', reasons: expect.any(Array) },
      ],
    });
    const v2de = await agent.get(`${base}/bruch/versions/2`).set('Accept-Language', 'de');
    expect(v2de.body.breaking.questions[0].reasons).toEqual(['Antwort "municipal" entfernt']);
  });

  it('keeps the key order of a definition as written', async () => {
    const written = {
      title: { en: 'Order', default: 'Reihenfolge' },
      pages: [{ elements: [{ name: 'zeta', type: 'text', title: 'Z' }], name: 'p1' }],
    };
    await agent.post(base).send({ slug: 'ordnung', definition: written });
    const back = await agent.get(`${base}/ordnung`);
    expect(JSON.stringify(back.body.draft.definition)).toBe(JSON.stringify(written));
  });

  it('keeps published versions immutable: a new draft never touches them', async () => {
    await agent.post(base).send({ slug: 'fest', definition: definition(sector()) });
    await agent.post(`${base}/fest/publish`).send({});
    const before = (await agent.get(`${base}/fest/versions/1`)).body;
    await agent.put(`${base}/fest/draft`).send({ definition: definition({ type: 'text', name: 'other' }) });
    expect((await agent.get(`${base}/fest/versions/1`)).body).toEqual(before);
    expect((await agent.delete(`${base}/fest/draft`)).status).toBe(204);
    expect((await agent.get(`${base}/fest`)).body.draft).toBeNull();
    expect((await agent.delete(`${base}/fest/draft`)).status).toBe(404);
  });

  it('refuses to publish an unchanged draft or one without questions', async () => {
    await agent.post(base).send({
      slug: 'leer',
      definition: { pages: [{ name: 'p1', elements: [{ type: 'html', name: 'intro', html: '<p>Hallo</p>' }] }] },
    });
    const empty = await agent.post(`${base}/leer/publish`).send({});
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('invalid_definition');

    await agent.post(base).send({ slug: 'gleich', definition: definition(sector()) });
    await agent.post(`${base}/gleich/publish`).send({});
    await agent.put(`${base}/gleich/draft`).send({ definition: definition(sector()) });
    const same = await agent.post(`${base}/gleich/publish`).send({});
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('no_changes');
  });
});

describe('definition rules', () => {
  const expectInvalid = async (def: unknown, question: string | null, fragment: RegExp) => {
    const before = await count('questionnaires');
    const res = await agent.post(base).send({ slug: 'bad', definition: def });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('invalid_definition');
    const match = res.body.error.details.find(
      (d: { question: string | null; message: string }) => d.question === question && fragment.test(d.message),
    );
    expect(match, JSON.stringify(res.body.error.details)).toBeDefined();
    expect(await count('questionnaires')).toBe(before);
  };

  it('refuses question types survey-core does not know (third-party widgets) by name', () =>
    expectInvalid(
      definition({ type: 'nouislider', name: 'range' }),
      'range',
      /"nouislider" is not a SurveyJS built-in type/,
    ));

  it('reads definitions as survey-core does: any name kept as written, unnamed elements named, page-less and questions arrays', async () => {
    const res = await agent.post(base).send({
      slug: 'namen',
      definition: {
        questions: [
          { type: 'text' },
          { type: 'text', name: 'Email address' },
          { type: 'rating', name: 'phq-1' },
          { type: 'panel', elements: [{ type: 'comment', name: 'a.b' }] },
        ],
      },
    });
    expect(res.status).toBe(201);
    const stored = res.body.draft.definition;
    expect(stored.questions).toBeUndefined();
    const names = stored.pages[0].elements.map((e: { name: string }) => e.name);
    expect(names).toEqual(['question1', 'Email address', 'phq-1', 'panel1']);
    expect(stored.pages[0].elements[3].elements[0].name).toBe('a.b');
    const page = await agent
      .put(`${base}/namen/draft`)
      .send({ definition: { pages: [{ questions: [{ type: 'text', name: 'x' }] }] } });
    expect(page.status).toBe(200);
    expect(page.body.draft.definition.pages[0]).toEqual({ name: 'page1', elements: [{ type: 'text', name: 'x' }] });
    expect((await agent.post(`${base}/namen/publish`).send({})).status).toBe(201);
  });

  it('refuses names used twice in one scope', async () => {
    await expectInvalid(
      definition({ type: 'text', name: 'a' }, { type: 'panel', name: 'p', elements: [{ type: 'comment', name: 'a' }] }),
      'a',
      /used twice/,
    );
    // Inside a dynamic panel a name is its own: no clash with the same name outside.
    const nested = await agent.post(base).send({
      slug: 'verschachtelt',
      definition: definition(
        { type: 'text', name: 'a' },
        { type: 'paneldynamic', name: 'kids', templateElements: [{ type: 'text', name: 'a' }] },
      ),
    });
    expect(nested.status).toBe(201);
  });

  it('refuses properties that load other addresses, or removes them when the organiser confirms', async () => {
    const withLogo = {
      logo: 'https://example.org/logo.png',
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'dropdown', name: 'city', choices: ['a'], choicesByUrl: { url: 'https://example.org/cities' } },
          ],
        },
      ],
    };
    const refused = await agent.post(base).send({ slug: 'fern', definition: withLogo });
    expect(refused.status).toBe(422);
    const details = refused.body.error.details as Array<{
      question: string | null;
      path: string;
      code: string;
      message: string;
    }>;
    expect(details.map((d) => [d.path, d.code])).toEqual([
      ['logo', 'remote_property'],
      ['pages[0].elements[0].choicesByUrl', 'remote_property'],
    ]);
    expect(details[0]!.message).toMatch(/"logo" cannot be used yet/);
    expect(await ctx.knex('questionnaires').where({ slug: 'fern' }).first()).toBeUndefined();
    const confirmed = await agent.post(base).send({ slug: 'fern', definition: withLogo, dropRemoteProperties: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.removed).toEqual(['logo', 'pages[0].elements[0].choicesByUrl']);
    expect(JSON.stringify(confirmed.body.draft.definition)).not.toMatch(/example\.org/);
    await expectInvalid(
      { navigateToUrl: 'https://evil.example', pages: [{ name: 'p', elements: [{ type: 'text', name: 'x' }] }] },
      null,
      /"navigateToUrl" cannot be used yet/,
    );
  });

  it('refuses duplicate choice values and unreadable conditions; warns about conditions on unknown names', async () => {
    await expectInvalid(definition({ type: 'radiogroup', name: 'q', choices: ['a', 'a'] }), 'q', /occurs twice/);
    await expectInvalid(definition({ type: 'text', name: 'q', visibleIf: '{a} = ' }), 'q', /cannot be read/);
    const ghost = await agent
      .post(base)
      .send({ slug: 'geist', definition: definition({ type: 'text', name: 'q', visibleIf: '{ghost} = 1' }) });
    expect(ghost.status).toBe(201);
    expect(ghost.body.warnings).toEqual([
      { question: 'q', path: 'pages[0].elements[0].visibleIf', message: expect.stringMatching(/\{ghost\}/) },
    ]);
  });

  it('refuses regex validators that could stall the server and invalid ones; takes any pattern RE2 runs and safe lookarounds', async () => {
    const withPattern = (regex: string, name = 'plz') =>
      definition({ type: 'text', name, validators: [{ type: 'regex', regex }] });
    await expectInvalid(withPattern('^(?=(a+)+$)'), 'plz', /could take the server minutes/);
    await expectInvalid(withPattern('^(\\w+)\\1+$'), 'plz', /could take the server minutes/);
    await expectInvalid(withPattern('(['), 'plz', /not a valid regular expression/);
    // In a matrix column the column is named, as the problem sits there.
    await expectInvalid(
      definition({
        type: 'matrixdropdown',
        name: 'grid',
        rows: ['a'],
        columns: [{ name: 'code', cellType: 'text', validators: [{ type: 'regex', regex: '(?!(x+)+y)' }] }],
      }),
      'code',
      /could take the server minutes/,
    );
    // A nested repetition alone runs on RE2 (linear), and a simple lookahead is found safe.
    for (const [slug, regex] of [
      ['muster-a', '^(a+)+$'],
      ['muster-b', '(?=\\d{9})'],
      ['muster-c', '^[0-9]{5}$'],
    ] as const) {
      const res = await agent.post(base).send({ slug, definition: withPattern(regex) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // German too.
    const de = await agent
      .post(base)
      .set('Accept-Language', 'de')
      .send({ slug: 'bad', definition: withPattern('^(?=(a+)+$)') });
    expect(de.body.error.details[0].message).toMatch(/könnte den Server/);
  });

  it('keeps what survey-core accepts: any input type, its own rating scales, unknown properties as warnings', async () => {
    const res = await agent.post(base).send({
      slug: 'offen',
      definition: definition(
        { type: 'text', name: 'colour', inputType: 'color' },
        { type: 'rating', name: 'r', rateCount: 10 },
        { type: 'text', name: 'q', titel: 'Tippfehler' },
        { type: 'radiogroup', name: 's', choices: [{ value: 1, text: 'a', score: 3 }] },
      ),
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings.map((w: { message: string }) => w.message).join(' ')).toMatch(/titel/);
    expect(res.body.draft.definition.pages[0].elements[2].titel).toBe('Tippfehler');
    expect(res.body.draft.definition.pages[0].elements[3].choices[0].score).toBe(3);
  });

  it('refuses non-objects and oversized definitions', async () => {
    const big = definition({ type: 'html', name: 'h', html: 'x'.repeat(600 * 1024) });
    const res = await agent.put(`${base}/none/draft`).send({ definition: big });
    expect([404, 413, 422]).toContain(res.status);
    const created = await agent
      .post(base)
      .send({ slug: 'gross', definition: definition({ type: 'html', name: 'h', html: 'x'.repeat(520 * 1024) }) });
    expect(created.status).toBe(422);
    expect(created.body.error.details[0].message).toMatch(/too large/);
    expect((await agent.post(base).send({ slug: 'liste', definition: [1, 2] })).status).toBe(400);
    expect((await agent.post(base).send({ slug: 'both', definition: {}, template: 'mitgliederumfrage' })).status).toBe(
      400,
    );
    expect((await agent.post(base).send({ slug: 'Bad Slug', definition: {} })).status).toBe(400);
  });

  it('answers in German when asked', async () => {
    const res = await agent
      .post(base)
      .set('Accept-Language', 'de')
      .send({ slug: 'deutsch', definition: definition({ type: 'nouislider', name: 'range' }) });
    expect(res.body.error.message).toMatch(/verletzt 1 Regel/);
    expect(res.body.error.details[0].message).toMatch(/gehört nicht zu den eingebauten Typen/);
  });

  it('sanitises HTML on save: no script, no event handler, no javascript: URL survives', async () => {
    const evil = {
      completedHtml: { default: '<h3>Danke!</h3><script>alert(1)</script>', en: '<p onclick="alert(1)">Thanks</p>' },
      completedHtmlOnCondition: [{ expression: '{q} = 1', html: '<a href="javascript:alert(1)">x</a>' }],
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'html',
              name: 'intro',
              html: '<img src=x onerror=alert(1)><b>Hallo</b><iframe src="https://evil.example"></iframe>',
            },
            { type: 'text', name: 'q', inputType: 'number' },
          ],
        },
      ],
    };
    const res = await agent.post(base).send({ slug: 'sauber', definition: evil });
    expect(res.status).toBe(201);
    const stored = JSON.stringify((await agent.get(`${base}/sauber`)).body.draft.definition);
    for (const bad of ['<script', 'onerror', 'onclick', 'javascript:', '<iframe', '<img'])
      expect(stored).not.toContain(bad);
    expect(stored).toContain('<h3>Danke!</h3>');
    expect(stored).toContain('<b>Hallo</b>');
  });

  it('refuses prototype keys and NUL characters', async () => {
    const res = await agent
      .post(base)
      .set('Content-Type', 'application/json')
      .send('{"slug":"proto","definition":{"__proto__":{"x":1},"pages":[]}}');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('forbidden_key');
    expect(await ctx.knex('questionnaires').where({ slug: 'proto' }).first()).toBeUndefined();
    const nul = await agent
      .post(base)
      .send({ slug: 'nul', definition: definition({ type: 'text', name: 'q', title: 'a\u0000b' }) });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('invalid_characters');
    expect(await ctx.knex('questionnaires').where({ slug: 'nul' }).first()).toBeUndefined();
  });
});

describe('the question catalogue of a version', () => {
  it('says per question what it is by the registry, titled and labelled in the language asked for', async () => {
    const english = {
      locale: 'en',
      pages: [
        {
          name: 'p1',
          elements: [
            {
              type: 'radiogroup',
              name: 'sector',
              title: { default: 'Sector', de: 'Bereich' },
              choices: [{ value: 'civic', text: { default: 'Civil society', de: 'Zivilgesellschaft' } }],
              showOtherItem: true,
            },
            { type: 'rating', name: 'score', rateMin: 1, rateMax: 3 },
            { type: 'slider', name: 'mood', min: 0, max: 10 },
            { type: 'comment', name: 'wishes', title: { default: 'Wishes', de: 'Wünsche' } },
            { type: 'text', name: 'age', inputType: 'number' },
            { type: 'text', name: 'nick', valueName: 'nickname' },
            { type: 'matrix', name: 'grid', rows: ['r1'], columns: [1, 2] },
            { type: 'paneldynamic', name: 'kids', templateElements: [{ type: 'comment', name: 'note' }] },
            { type: 'html', name: 'intro', html: '<p>Hi</p>' },
          ],
        },
      ],
    };
    expect((await agent.post(base).send({ slug: 'katalog', definition: english })).status).toBe(201);
    expect((await agent.post(`${base}/katalog/publish`).send({})).status).toBe(201);
    const de = await agent.get(`${base}/katalog/versions/1/questions?locale=de`);
    expect(de.status).toBe(200);
    expect(de.body).toMatchObject({ version: 1, locale: 'de', locales: ['en', 'de'] });
    const byName = Object.fromEntries((de.body.questions as Array<{ name: string }>).map((q) => [q.name, q]));
    expect(Object.keys(byName)).toEqual(['sector', 'score', 'mood', 'wishes', 'age', 'nick', 'grid', 'kids']);
    expect(byName.sector).toEqual({
      name: 'sector',
      key: 'sector',
      type: 'radiogroup',
      title: 'Bereich',
      openText: false,
      measures: ['share', 'count'],
      filter: 'value',
      choices: [
        { value: 'civic', label: 'Zivilgesellschaft' },
        // survey-core's own German word for "other".
        { value: 'other', label: 'Sonstiges (Bitte angeben)' },
      ],
    });
    expect(byName.score).toMatchObject({
      measures: ['share', 'mean', 'count'],
      choices: [{ value: 1 }, { value: 2 }, { value: 3 }],
    });
    expect(byName.mood).toMatchObject({ measures: ['mean', 'count'], choices: [], filter: 'none' });
    expect(byName.wishes).toMatchObject({ title: 'Wünsche', openText: true, measures: ['count'] });
    // A number field holds no free text to read and code.
    expect(byName.age).toMatchObject({ openText: false, measures: ['mean', 'count'] });
    expect(byName.nick).toMatchObject({ key: 'nickname', openText: true });
    expect(byName.grid).toMatchObject({ filter: 'cells', measures: ['count'] });
    const en = await agent.get(`${base}/katalog/versions/1/questions?locale=fr`);
    expect(en.body.locale).toBe('en');
    expect(en.body.questions[0].title).toBe('Sector');
    expect((await agent.get(`${base}/katalog/versions/2/questions`)).status).toBe(404);
    expect((await agent.get(`${base}/katalog/versions/1/questions?locale=<script>`)).status).toBe(400);
  });
});

describe('templates', () => {
  it('lists the template library and starts a questionnaire from a template in one step', async () => {
    const list = await agent.get('/api/v1/templates');
    expect(list.status).toBe(200);
    const ids = list.body.templates.map((t: { id: string }) => t.id);
    expect(ids).toContain('mitgliederumfrage');
    const member = list.body.templates.find((t: { id: string }) => t.id === 'mitgliederumfrage');
    expect(member.questionCount).toBeGreaterThanOrEqual(15);

    const created = await agent.post(base).send({ slug: 'umfrage-2015', template: 'mitgliederumfrage' });
    expect(created.status).toBe(201);
    const template = await agent.get('/api/v1/templates/mitgliederumfrage');
    expect(created.body.draft.definition).toEqual(template.body.definition);
    const published = await agent.post(`${base}/umfrage-2015/publish`).send({});
    expect(published.status).toBe(201);

    expect((await agent.post(base).send({ slug: 'x', template: 'nope' })).status).toBe(404);
    expect((await agent.get('/api/v1/templates/nope')).status).toBe(404);
    expect((await request(ctx.app).get('/api/v1/templates')).status).toBe(401);
  });
});

describe('the locale backfill (migration 20261203150000)', () => {
  it('says "de" in stored drafts and versions without a locale, as the old convention read them, and leaves the rest', async () => {
    const german = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'q', title: 'Frage' }] }] };
    expect((await agent.post(base).send({ slug: 'alt', definition: german })).status).toBe(201);
    expect((await agent.post(`${base}/alt/publish`).send({})).status).toBe(201);
    expect((await agent.put(`${base}/alt/draft`).send({ definition: german })).status).toBe(200);
    expect((await agent.post(base).send({ slug: 'englisch', definition: { ...german, locale: 'en' } })).status).toBe(
      201,
    );
    const q = (await ctx.knex('questionnaires').where({ slug: 'alt' }).first()) as { id: string };
    // As an older Bilanz stored them: no locale at all.
    await ctx
      .knex('questionnaire_versions')
      .where({ questionnaire_id: q.id })
      .update({ definition: ctx.knex.raw('?::json', [JSON.stringify(german)]) });
    await ctx
      .knex('questionnaires')
      .where({ id: q.id })
      .update({ draft: ctx.knex.raw('?::json', [JSON.stringify(german)]) });
    await backfillLocale(ctx.knex);
    expect((await agent.get(`${base}/alt/versions/1`)).body.definition).toEqual({ locale: 'de', ...german });
    expect((await agent.get(`${base}/alt`)).body.draft.definition).toEqual({ locale: 'de', ...german });
    expect((await agent.get(`${base}/englisch`)).body.draft.definition.locale).toBe('en');
  });
});

describe('access', () => {
  it('lets analysts read but not write, and hides other workspaces', async () => {
    await agent.post(base).send({ slug: 'lesen', definition: definition(sector()) });
    const analyst = await createUser(ctx.knex);
    await agent.post('/api/v1/workspaces/netz/members').send({ email: analyst.email, role: 'analyst' });
    const a = await loginAgent(ctx.app, analyst.email);
    expect((await a.get(base)).status).toBe(200);
    expect((await a.get(`${base}/lesen`)).status).toBe(200);
    expect((await a.post(base).send({ slug: 'neu', definition: definition(sector()) })).status).toBe(403);
    expect((await a.put(`${base}/lesen/draft`).send({ definition: definition(sector()) })).status).toBe(403);
    expect((await a.post(`${base}/lesen/publish`).send({})).status).toBe(403);

    const outsider = await loginAgent(ctx.app, (await createUser(ctx.knex)).email);
    expect((await outsider.get(base)).status).toBe(404);
    expect((await outsider.get(`${base}/lesen`)).status).toBe(404);
    expect((await agent.get(`${base}/unbekannt`)).status).toBe(404);
  });
});

describe('names JavaScript objects already carry', () => {
  const one = (element: object) => ({ pages: [{ name: 'p', elements: [element] }] });

  it('refuses them as names of questions, rows, columns, items and values with 422 reserved_name (they broke survey-core: 500), on create and draft alike', async () => {
    for (const name of [
      'constructor',
      'Constructor',
      'toString',
      'valueOf',
      'hasOwnProperty',
      '__proto__',
      'isPrototypeOf',
    ]) {
      const res = await agent.post(base).send({ slug: 'reserviert', definition: one({ type: 'text', name }) });
      expect(res.status, name).toBe(422);
      expect(res.body.error.code).toBe('invalid_definition');
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ question: name, path: 'pages[0].elements[0].name', code: 'reserved_name' }),
      ]);
    }
    const everywhere = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'matrix', name: 'm', rows: ['visits', 'toString'], columns: [1, 2] },
            { type: 'matrixdropdown', name: 'md', rows: ['a'], columns: [{ name: 'toString', cellType: 'text' }] },
            { type: 'multipletext', name: 'mt', items: [{ name: 'hasOwnProperty' }] },
            { type: 'text', name: 'v', valueName: 'valueOf' },
          ],
        },
      ],
      calculatedValues: [{ name: 'constructor', expression: '1' }],
    };
    const res = await agent
      .post(base)
      .set('Accept-Language', 'de')
      .send({ slug: 'reserviert', definition: everywhere });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string; code: string }) => `${d.code} ${d.path}`)).toEqual([
      'reserved_name pages[0].elements[0].rows[1]',
      'reserved_name pages[0].elements[1].columns[0].name',
      'reserved_name pages[0].elements[2].items[0].name',
      'reserved_name pages[0].elements[3].valueName',
      'reserved_name calculatedValues[0].name',
    ]);
    expect(res.body.error.details[0].message).toBe(
      'Der Name „toString“ ist nicht möglich: JavaScript-Objekte haben schon eine Eigenschaft dieses Namens (in beliebiger Schreibung), an der SurveyJS scheitert. Wähle einen anderen Namen.',
    );
    // A draft is checked the same way; nothing was stored.
    expect(
      (await agent.post(base).send({ slug: 'reserviert', definition: one({ type: 'text', name: 'ok' }) })).status,
    ).toBe(201);
    const draft = await agent
      .put(`${base}/reserviert/draft`)
      .send({ definition: one({ type: 'text', name: 'toString' }) });
    expect(draft.status).toBe(422);
    expect((await agent.get(`${base}/reserviert`)).body.draft.definition).toEqual(one({ type: 'text', name: 'ok' }));
  });

  it('creates, publishes, answers, counts and exports a questionnaire whose choices and other names are such words', async () => {
    const words = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];
    const def = {
      pages: [
        {
          name: 'p',
          elements: [
            // Not a member in this spelling, nor in lower case: a name like any other.
            { type: 'text', name: 'ToString' },
            { type: 'radiogroup', name: 'pick', choices: words },
            { type: 'checkbox', name: 'ticks', choices: words },
            { type: 'matrix', name: 'grid', rows: ['visits'], columns: words },
          ],
        },
      ],
    };
    const {
      agent: organiser,
      base: wsBase,
      wave,
    } = await workspaceWithWave(ctx, { slug: 'objektnamen', definition: def });
    await organiser.patch('/api/v1/workspaces/objektnamen').send({ minGroupSize: 3 });
    // Three respondents per word, so that no count is suppressed.
    for (const [i, word] of [...words, ...words, ...words].entries()) {
      const res = await request(ctx.app)
        .post(`/api/v1/public/waves/${wave.key}/responses`)
        .send({
          id: crypto.randomUUID(),
          status: 'complete',
          data: {
            ToString: `Antwort ${i}`,
            pick: word,
            ticks: [...new Set([word, 'constructor'])],
            grid: { visits: word },
          },
        });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const results = await organiser.get(`${wsBase}/waves/${wave.id}/results`);
    expect(results.status).toBe(200);
    const question = (name: string) => results.body.questions.find((q: { name: string }) => q.name === name);
    // Pairs, not an object: an object literal's `__proto__` would set its prototype instead of a key.
    const counts = (choices: Array<{ value: string; count: number | null }>) => choices.map((c) => [c.value, c.count]);
    const each = (n: number) => words.map((w) => [w, n]);
    expect(question('ToString').n).toBe(15);
    expect(counts(question('pick').choices)).toEqual(each(3));
    expect(counts(question('ticks').choices)).toEqual([['constructor', 15], ...each(3).slice(1)]);
    expect(counts(question('grid').rows[0].choices)).toEqual(each(3));
    const filtered = await organiser.get(`${wsBase}/waves/${wave.id}/results?where=pick:__proto__`);
    expect(filtered.body.n).toBe(3);
    const csv = await organiser.get(`${wsBase}/waves/${wave.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFresponse_id,completed_on,locale,ToString,pick,ticks.constructor,ticks.toString,ticks.proto,ticks.valueOf,ticks.hasOwnProperty,grid.visits',
    );
  });
});
