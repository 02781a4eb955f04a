import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const responsesOf = (waveId: string) => ctx.knex('responses').where({ wave_id: waveId }).select('*');
const post = (key: string, body: object) => request(ctx.app).post(`/api/v1/public/waves/${key}/responses`).send(body);

describe('answering a link wave', () => {
  it('serves the wave to anyone with its key, and 404 for unknown keys', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a1' });
    const res = await request(ctx.app).get(`/api/v1/public/waves/${wave.key}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Welle 2015', anonymous: true, access: 'link', status: 'open' });
    expect(res.body.definition.pages[0].elements).toHaveLength(6);
    expect(res.body.privacyNotice.de).toBeTruthy();
    expect((await request(ctx.app).get('/api/v1/public/waves/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await request(ctx.app).get('/api/v1/public/waves/short')).status).toBe(400);
  });

  it('stores a complete response (201), answers an identical retry with 200, and refuses other content (409)', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a2' });
    const id = crypto.randomUUID();
    const body = { id, status: 'complete', data: validAnswers, locale: 'de' };
    const first = await post(wave.key, body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id, status: 'complete' });
    const again = await post(wave.key, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await post(wave.key, { ...body, data: { ...validAnswers, recommend: 3 } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conflict');
    const rows = await responsesOf(wave.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toEqual(validAnswers);
    expect(rows[0].completed_on).toBe(new Date().toISOString().slice(0, 10));
  });

  it('takes an id in upper case as the same id in lower case (retries 200, resume works), for link and invitation waves; refuses the nil UUID', async () => {
    const link = await workspaceWithWave(ctx, { slug: 'a2u' });
    const invitation = await workspaceWithWave(ctx, { slug: 'a2v', access: 'invitation' });
    const tokens = (
      await invitation.agent.post(`${invitation.base}/waves/${invitation.wave.id}/invitations`).send({ count: 1 })
    ).body.invitations.map((i: { token: string }) => i.token);
    for (const [{ wave }, extra] of [
      [link, {}],
      [invitation, { token: tokens[0] }],
    ] as const) {
      const id = crypto.randomUUID();
      const upper = id.toUpperCase();
      const partial = await post(wave.key, { id: upper, status: 'partial', data: { sector: 'civic' }, ...extra });
      expect(partial.status, JSON.stringify(partial.body)).toBe(201);
      expect(partial.body).toEqual({ id, status: 'partial' });
      const resumed = await request(ctx.app).get(`/api/v1/public/waves/${wave.key}/responses/${upper}`);
      expect(resumed.status).toBe(200);
      expect(resumed.body.id).toBe(id);
      const body = { id: upper, status: 'complete', data: validAnswers, ...extra };
      const first = await post(wave.key, body);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toEqual({ id, status: 'complete' });
      // Every retry, in either case, is the same request: 200, nothing duplicated.
      for (const retry of [body, { ...body, id }, body]) {
        const again = await post(wave.key, retry);
        expect(again.status, JSON.stringify(again.body)).toBe(200);
        expect(again.body).toEqual({ id, status: 'complete' });
      }
      expect((await responsesOf(wave.id)).map((r) => r.id)).toEqual([id]);
    }
    const nil = await post(link.wave.key, {
      id: '00000000-0000-0000-0000-000000000000',
      status: 'complete',
      data: validAnswers,
    });
    expect(nil.status).toBe(400);
    expect(nil.body.error).toMatchObject({
      code: 'invalid_request',
      details: [{ path: 'id', message: 'The nil UUID is not an id' }],
    });
    expect(
      (
        await request(ctx.app).get(
          `/api/v1/public/waves/${link.wave.key}/responses/00000000-0000-0000-0000-000000000000`,
        )
      ).status,
    ).toBe(400);
    // Ids in paths too: a wave named in upper case is the same wave.
    expect((await link.agent.get(`${link.base}/waves/${link.wave.id.toUpperCase()}`)).body.wave.id).toBe(link.wave.id);
  });

  it('stores exactly one row for twenty identical requests in parallel', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a3' });
    const body = { id: crypto.randomUUID(), status: 'complete', data: validAnswers };
    const results = await Promise.all(Array.from({ length: 20 }, () => post(wave.key, body)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(await responsesOf(wave.id)).toHaveLength(1);
  });

  it('stores many different responses sent at once', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a3b' });
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        post(wave.key, { id: crypto.randomUUID(), status: 'complete', data: validAnswers }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await responsesOf(wave.id)).toHaveLength(40);
  });

  it('refuses an answer holding a NUL character (400) without failing the answers sent beside it', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a3c' });
    const nul = { id: crypto.randomUUID(), status: 'partial', data: { jointDetails: 'a\u0000b' } };
    const good = Array.from({ length: 10 }, () => ({
      id: crypto.randomUUID(),
      status: 'complete',
      data: validAnswers,
    }));
    const [bad, ...rest] = await Promise.all([post(wave.key, nul), ...good.map((g) => post(wave.key, g))]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_characters');
    expect(rest.map((r) => r.status)).toEqual(good.map(() => 201));
    expect((await responsesOf(wave.id)).map((r) => r.id).sort()).toEqual(good.map((g) => g.id).sort());
  });

  it('refuses an answer holding a lone UTF-16 surrogate (400, not 500) without failing the answers sent beside it', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a3d' });
    const raw = (json: string) =>
      request(ctx.app)
        .post(`/api/v1/public/waves/${wave.key}/responses`)
        .set('Content-Type', 'application/json')
        .send(json);
    const id = () => crypto.randomUUID();
    const broken = [
      `{"id":"${id()}","status":"partial","data":{"jointDetails":"a\\ud800b"}}`,
      `{"id":"${id()}","status":"partial","data":{"jointDetails":"\\udfff"}}`,
      // A text cut inside an emoji, as a client that splits by UTF-16 units would send it.
      `{"id":"${id()}","status":"partial","data":${JSON.stringify({ jointDetails: 'Danke 😀'.slice(0, -1) })}}`,
      `{"id":"${id()}","status":"partial","data":{"jointDetails":"x","a\\ud83d":1}}`,
    ];
    const good = Array.from({ length: 6 }, () => ({
      id: id(),
      status: 'complete',
      data: { ...validAnswers, jointDetails: 'Danke 😀 – 𝄞' },
    }));
    const [bad, ...rest] = await Promise.all([Promise.all(broken.map(raw)), ...good.map((g) => post(wave.key, g))]);
    for (const res of bad) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_characters');
    }
    expect(rest.map((r) => (r as { status: number }).status)).toEqual(good.map(() => 201));
    const stored = await responsesOf(wave.id);
    expect(stored.map((r) => r.id).sort()).toEqual(good.map((g) => g.id).sort());
    expect(stored.every((r) => r.data.jointDetails === 'Danke 😀 – 𝄞')).toBe(true);
  });

  it('saves partial answers, hands them back to resume, then completes them', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a4' });
    const id = crypto.randomUUID();
    const partial = await post(wave.key, { id, status: 'partial', data: { sector: 'civic' } });
    expect(partial.status).toBe(201);
    const resume = await request(ctx.app).get(`/api/v1/public/waves/${wave.key}/responses/${id}`);
    expect(resume.status).toBe(200);
    expect(resume.body).toEqual({ id, status: 'partial', data: { sector: 'civic' }, locale: null });
    // A partial response is checked for types and names only: missing required answers are fine.
    const more = await post(wave.key, { id, status: 'partial', data: { sector: 'civic', recommend: 8 } });
    expect(more.status).toBe(201);
    const done = await post(wave.key, { id, status: 'complete', data: validAnswers });
    expect(done.status).toBe(201);
    expect((await request(ctx.app).get(`/api/v1/public/waves/${wave.key}/responses/${id}`)).status).toBe(404);
    const back = await post(wave.key, { id, status: 'partial', data: { sector: 'civic' } });
    expect(back.status).toBe(409);
    expect(await responsesOf(wave.id)).toHaveLength(1);
  });

  it("refuses a complete response that breaks the rules with details per question in the respondent's language", async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a5' });
    const res = await post(wave.key, {
      id: crypto.randomUUID(),
      status: 'complete',
      locale: 'de',
      data: { sector: 'city', joint: false, jointDetails: 'hidden', recommend: 11, formats: { ghost: 1 }, extra: 'x' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    // Shapes first: with any wrong type, key or value, no condition or validator runs.
    const byQuestion = Object.fromEntries(
      res.body.error.details.map((d: { question: string; message: string }) => [d.question, d.message]),
    );
    expect(Object.keys(byQuestion).sort()).toEqual(['extra', 'formats', 'recommend', 'sector']);
    expect(byQuestion.recommend).toBe('11 liegt nicht auf der Bewertungsskala.');
    expect(byQuestion.extra).toBe('Es gibt keine Frage „extra“.');
    const hidden = await post(wave.key, {
      id: crypto.randomUUID(),
      status: 'complete',
      locale: 'de',
      data: { ...validAnswers, joint: false, jointDetails: 'hidden' },
    });
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.details).toEqual([
      {
        question: 'jointDetails',
        message: 'Diese Frage wird bei den gegebenen Antworten nicht gezeigt und kann daher nicht beantwortet werden.',
      },
    ]);
    const missing = await post(wave.key, {
      id: crypto.randomUUID(),
      status: 'complete',
      locale: 'en',
      data: { districts: ['mitte'] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([
      { question: 'sector', message: 'Please answer this question.' },
      { question: 'recommend', message: 'Please answer this question.' },
    ]);
    expect(await responsesOf(wave.id)).toHaveLength(0);
  });

  it('refuses malformed submissions with 400 and stores nothing', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a6' });
    const bodies: object[] = [
      { id: 'not-a-uuid', status: 'complete', data: validAnswers },
      { id: crypto.randomUUID(), status: 'done', data: validAnswers },
      { id: crypto.randomUUID(), status: 'complete', data: [1] },
      { id: crypto.randomUUID(), status: 'complete', data: validAnswers, ip: '1.2.3.4' },
      { id: crypto.randomUUID(), status: 'complete', data: validAnswers, locale: 'not a language' },
      { status: 'complete', data: validAnswers },
    ];
    for (const b of bodies) expect((await post(wave.key, b)).status, JSON.stringify(b)).toBe(400);
    expect(await responsesOf(wave.id)).toHaveLength(0);
  });

  it('survives generated bad bodies: never a 5xx, nothing stored', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'a7' });
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    const bodyArb = fc.oneof(
      anyJson,
      fc.record(
        {
          id: fc.oneof(fc.uuid(), fc.string()),
          status: fc.oneof(fc.constantFrom('complete', 'partial'), fc.string()),
          data: fc.oneof(
            anyJson,
            fc.dictionary(
              fc.constantFrom('sector', 'districts', 'joint', 'recommend', 'formats', 'x', '__proto__', 'constructor'),
              anyJson,
            ),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.record({
        id: fc.uuid(),
        status: fc.constant('complete'),
        data: fc.record({ sector: anyJson, recommend: anyJson, formats: anyJson }, { requiredKeys: [] }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(bodyArb, async (body) => {
        const res = await request(ctx.app)
          .post(`/api/v1/public/waves/${wave.key}/responses`)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        expect(res.status).toBeLessThan(500);
        if (res.status < 300) {
          // A generated body that happens to be a valid response is allowed; remove it to keep the check below exact.
          await ctx
            .knex('responses')
            .where({ id: (body as { id: string }).id })
            .del();
        }
      }),
      { numRuns: 150 },
    );
    expect(await responsesOf(wave.id)).toHaveLength(0);
  });
});

describe('invitation waves', () => {
  it('needs a valid token, exchanges it for a cookie, and uses it up with the complete response', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'i1', access: 'invitation' });
    const created = await agent
      .post(`${base}/waves/${wave.id}/invitations`)
      .send({ recipients: [{ label: 'Verein A' }, { label: 'Amt B' }] });
    expect(created.status).toBe(201);
    const [first, second] = created.body.invitations as Array<{ token: string; url: string; label: string }>;
    expect(first!.url).toBe(`${wave.url}#invitation=${first!.token}`);
    const stored = await ctx.knex('wave_invitations').where({ wave_id: wave.id }).select('*');
    expect(JSON.stringify(stored)).not.toContain(first!.token);

    const none = await post(wave.key, { id: crypto.randomUUID(), status: 'complete', data: validAnswers });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('invitation_required');
    const bad = await post(wave.key, {
      id: crypto.randomUUID(),
      status: 'complete',
      data: validAnswers,
      token: 'guess',
    });
    expect(bad.status).toBe(403);
    expect(bad.body.error.code).toBe('invalid_token');

    const browser = request.agent(ctx.app);
    const exchange = await browser.post(`/api/v1/public/waves/${wave.key}/invitation`).send({ token: first!.token });
    expect(exchange.status).toBe(204);
    const cookie = (exchange.headers['set-cookie'] as unknown as string[])[0]!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toContain(`Path=/api/v1/public/waves/${wave.key}`);
    const id = crypto.randomUUID();
    expect(
      (
        await browser
          .post(`/api/v1/public/waves/${wave.key}/responses`)
          .send({ id, status: 'partial', data: { sector: 'civic' } })
      ).status,
    ).toBe(201);
    expect(
      (
        await browser
          .post(`/api/v1/public/waves/${wave.key}/responses`)
          .send({ id, status: 'complete', data: validAnswers })
      ).status,
    ).toBe(201);
    // The same submission again is still fine; another response with the used token is not.
    expect(
      (
        await browser
          .post(`/api/v1/public/waves/${wave.key}/responses`)
          .send({ id, status: 'complete', data: validAnswers })
      ).status,
    ).toBe(200);
    const reuse = await browser
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id: crypto.randomUUID(), status: 'complete', data: validAnswers });
    expect(reuse.status).toBe(409);
    expect(
      (await post(wave.key, { id: crypto.randomUUID(), status: 'complete', data: validAnswers, token: second!.token }))
        .status,
    ).toBe(201);
    // A used invitation is refused already when it is exchanged for a cookie.
    const usedExchange = await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/invitation`)
      .send({ token: first!.token });
    expect(usedExchange.status).toBe(409);
    expect(
      (await request(ctx.app).post(`/api/v1/public/waves/${wave.key}/invitation`).send({ token: 'not-a-token' }))
        .status,
    ).toBe(403);

    const list = await agent.get(`${base}/waves/${wave.id}/invitations`);
    expect(
      list.body.invitations.map((i: { label: string; usedOn: string | null }) => [i.label, i.usedOn !== null]).sort(),
    ).toEqual([
      ['Amt B', true],
      ['Verein A', true],
    ]);
    expect(JSON.stringify(list.body)).not.toContain(first!.token);
  });

  it('records in an anonymous wave only that a token was used, never which response', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'i2', access: 'invitation' });
    const [inv] = (await agent.post(`${base}/waves/${wave.id}/invitations`).send({ count: 1 })).body.invitations;
    await post(wave.key, { id: crypto.randomUUID(), status: 'complete', data: validAnswers, token: inv.token });
    const row = await ctx.knex('wave_invitations').where({ wave_id: wave.id }).first();
    expect(row.used_on).toBe(new Date().toISOString().slice(0, 10));
    expect(row.response_id).toBeNull();
  });

  it('links invitation and response in a non-anonymous wave', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'i3', access: 'invitation', anonymous: false });
    const [inv] = (await agent.post(`${base}/waves/${wave.id}/invitations`).send({ count: 1 })).body.invitations;
    const id = crypto.randomUUID();
    await post(wave.key, { id, status: 'complete', data: validAnswers, token: inv.token });
    expect((await ctx.knex('wave_invitations').where({ wave_id: wave.id }).first()).response_id).toBe(id);
  });

  it('gives a CSV of links for a mail merge, with BOM, shown once', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'i4', access: 'invitation' });
    const res = await agent
      .post(`${base}/waves/${wave.id}/invitations?format=csv`)
      .send({ recipients: [{ label: 'Müller, Jörg' }, { label: 'Nachbarschaftshilfe' }] });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    // CRLF line ends, as every CSV export (RFC 4180).
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('label,url');
    expect(lines[1]).toMatch(
      new RegExp(`^"Müller, Jörg",http://bilanz.test/s/${wave.key}#invitation=[A-Za-z0-9_-]{43}$`),
    );
    expect(lines).toHaveLength(3);
    const link = await workspaceWithWave(ctx, { slug: 'i5' });
    expect((await link.agent.post(`${link.base}/waves/${link.wave.id}/invitations`).send({ count: 2 })).status).toBe(
      409,
    );
    expect((await agent.post(`${base}/waves/${wave.id}/invitations`).send({ count: 0 })).status).toBe(400);
    expect((await agent.post(`${base}/waves/${wave.id}/invitations`).send({ count: 2, recipients: [] })).status).toBe(
      400,
    );
  });

  it('guards labels in the CSV against formulas after trimming them, and quotes separators', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'i6', access: 'invitation' });
    const labels = [
      '=HYPERLINK("http://evil.example","klick")',
      '+1',
      '@SUM(1)',
      '-2',
      '\t=1',
      ' =1+1',
      'a;=1+1',
      'Tab\there',
      'Jörg',
    ];
    const res = await agent
      .post(`${base}/waves/${wave.id}/invitations?format=csv`)
      .send({ recipients: labels.map((label) => ({ label })) });
    expect(res.status).toBe(201);
    const [header, ...rows] = parseCsv(res.text, { bom: true });
    expect(header).toEqual(['label', 'url']);
    expect(rows.map((r) => r[0])).toEqual([
      '\'=HYPERLINK("http://evil.example","klick")',
      "'+1",
      "'@SUM(1)",
      "'-2",
      "'=1",
      "'=1+1",
      'a;=1+1',
      'Tab\there',
      'Jörg',
    ]);
    for (const r of rows)
      expect(r[1]).toMatch(new RegExp(`^http://bilanz.test/s/${wave.key}#invitation=[A-Za-z0-9_-]{43}$`));
    // German Excel splits on semicolons, other programs on tabs: such cells are quoted.
    expect(res.text).toContain('\r\n"a;=1+1",http');
    expect(res.text).toContain('\r\n"Tab\there",http');
    // The JSON answer carries the labels as stored (trimmed), unguarded: it is no spreadsheet.
    const json = await agent.post(`${base}/waves/${wave.id}/invitations`).send({ recipients: [{ label: ' =1+1' }] });
    expect(json.body.invitations[0].label).toBe('=1+1');
  });
});

describe('anonymity', () => {
  it('has no column for IP, user agent, referrer, token or time of day in response tables', async () => {
    const cols = await ctx.knex.raw<{ rows: Array<{ table_name: string; column_name: string; data_type: string }> }>(
      `select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name in ('responses', 'wave_invitations')`,
    );
    const responseCols = cols.rows.filter((c) => c.table_name === 'responses');
    // change_xid (the writing transaction, for the results engine's change feed) is a counter, not a time;
    // PostgreSQL's own xmin column holds the same number on every row anyway.
    expect(responseCols.map((c) => c.column_name).sort()).toEqual([
      'change_xid',
      'completed_on',
      'data',
      'id',
      'locale',
      'started_on',
      'status',
      'updated_on',
      'wave_id',
    ]);
    for (const c of responseCols) expect(c.data_type, c.column_name).not.toMatch(/time|inet/);
    for (const c of cols.rows) expect(c.column_name).not.toMatch(/ip|agent|referr|token(?!_hash)|invitation/);
    const invitationCols = cols.rows.filter((c) => c.table_name === 'wave_invitations');
    expect(invitationCols.find((c) => c.column_name === 'used_on')!.data_type).toBe('date');
  });

  it('keeps IP, user agent, referrer, keys and tokens out of the log of public routes', async () => {
    const { agent, base, wave } = await workspaceWithWave(ctx, { slug: 'p1', access: 'invitation' });
    const [inv] = (await agent.post(`${base}/waves/${wave.id}/invitations`).send({ count: 1 })).body.invitations;
    ctx.rawLogs.length = 0;
    await request(ctx.app)
      .get(`/api/v1/public/waves/${wave.key}`)
      .set('User-Agent', 'Phone/9.9 SecretUA')
      .set('Referer', 'https://mail.example/inbox')
      .set('X-Forwarded-For', '203.0.113.7');
    await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/invitation`)
      .set('User-Agent', 'Phone/9.9 SecretUA')
      .send({ token: inv.token });
    await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({
        id: crypto.randomUUID(),
        status: 'complete',
        data: { ...validAnswers, jointDetails: 'Geheimer Freitext' },
        token: inv.token,
      });
    await request(ctx.app)
      .post(`/api/v1/public/waves/${wave.key}/responses`)
      .send({ id: crypto.randomUUID(), status: 'complete', data: { sector: 'x' }, token: 'wrong-token-value' });
    const log = ctx.rawLogs.join('');
    expect(ctx.logs.length).toBeGreaterThanOrEqual(4);
    for (const secret of [
      '127.0.0.1',
      '203.0.113.7',
      'SecretUA',
      'mail.example',
      wave.key,
      inv.token,
      'wrong-token-value',
      'Geheimer Freitext',
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    expect(log).toContain('/api/v1/public/waves/:key/responses');
  });
});
