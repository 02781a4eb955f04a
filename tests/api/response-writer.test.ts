import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseWriter, type PendingResponse } from '../../api/src/modules/responses/response-writer.js';
import { createTestContext, type TestContext } from '../helpers/test-app.js';
import { validAnswers, workspaceWithWave } from '../helpers/waves.js';

// The writer groups answers that arrive together into one statement. A group
// that fails must not fail its members' neighbours: each is tried again alone.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const pending = (waveId: string, dataJson: string): PendingResponse => ({
  id: randomUUID(),
  waveId,
  status: 'complete',
  dataJson,
  locale: null,
  invitationId: null,
  linkInvitation: false,
});

describe('grouped writes', () => {
  it('stores the good answers of a group one bad answer made fail, and fails only that one', async () => {
    const { wave } = await workspaceWithWave(ctx, { slug: 'gruppe' });
    const writer = new ResponseWriter(ctx.knex);
    // JSON the database refuses (a lone surrogate escape), which the request guard keeps out in practice.
    const bad = pending(wave.id, '{"sector":"\\ud800"}');
    const good = Array.from({ length: 5 }, () => pending(wave.id, JSON.stringify(validAnswers)));
    const results = await Promise.allSettled(
      [good[0]!, good[1]!, bad, good[2]!, good[3]!, good[4]!].map((p) => writer.write(p)),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    for (const r of results) if (r.status === 'fulfilled') expect(r.value).toEqual({ kind: 'written' });
    const stored = (await ctx.knex('responses').where({ wave_id: wave.id }).pluck('id')) as string[];
    expect(stored.sort()).toEqual(good.map((g) => g.id).sort());
  });
});
