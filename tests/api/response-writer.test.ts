import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../api/src/lib/tokens.js';
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

describe('one writer for every kind of wave', () => {
  it('writes a group mixing link, named and anonymous invitation answers, each the way of its wave', async () => {
    const link = await workspaceWithWave(ctx, { slug: 'gemischt-a' });
    const named = await workspaceWithWave(ctx, { slug: 'gemischt-b', access: 'invitation', anonymous: false });
    const anonymous = await workspaceWithWave(ctx, { slug: 'gemischt-c', access: 'invitation', anonymous: true });
    const invitationIds = async (w: typeof named, n: number) => {
      const res = await w.agent.post(`${w.base}/waves/${w.wave.id}/invitations`).send({ count: n });
      const tokens = (res.body.invitations as Array<{ token: string }>).map((i) => i.token);
      const rows = (await ctx.knex('wave_invitations').whereIn('token_hash', tokens.map(hashToken))) as Array<{
        id: string;
        token_hash: string;
      }>;
      return tokens.map((t) => rows.find((r) => r.token_hash === hashToken(t))!.id);
    };
    const [namedInvitation] = await invitationIds(named, 1);
    const [anonymousInvitation] = await invitationIds(anonymous, 1);
    const answers = JSON.stringify(validAnswers);
    const group: PendingResponse[] = [
      pending(link.wave.id, answers),
      { ...pending(named.wave.id, answers), invitationId: namedInvitation!, linkInvitation: true },
      // The same invitation twice in one group: only the first gets it.
      { ...pending(named.wave.id, answers), invitationId: namedInvitation!, linkInvitation: true },
      { ...pending(anonymous.wave.id, answers), invitationId: anonymousInvitation!, linkInvitation: false },
      { ...pending(anonymous.wave.id, answers), invitationId: anonymousInvitation!, linkInvitation: false },
    ];
    const writer = new ResponseWriter(ctx.knex);
    const outcomes = await Promise.all(group.map((p) => writer.write(p)));
    expect(outcomes.map((o) => o.kind)).toEqual([
      'written',
      'written',
      'invitation_used',
      'written',
      'invitation_used',
    ]);

    expect(await ctx.knex('responses').where({ id: group[0]!.id }).pluck('status')).toEqual(['complete']);
    // Named: stored, and the invitation names its response.
    expect(await ctx.knex('responses').where({ id: group[1]!.id }).pluck('status')).toEqual(['complete']);
    expect(await ctx.knex('wave_invitations').where({ id: namedInvitation }).pluck('response_id')).toEqual([
      group[1]!.id,
    ]);
    // Anonymous: held (the minimum group size is not reached), the invitation used but naming nothing.
    expect(await ctx.knex('held_responses').where({ wave_id: anonymous.wave.id }).pluck('id')).toEqual([group[3]!.id]);
    const [anonymousRow] = await ctx.knex('wave_invitations').where({ id: anonymousInvitation });
    expect(anonymousRow.used_on).not.toBeNull();
    expect(anonymousRow.response_id).toBeNull();
    expect(await ctx.knex('responses').whereIn('id', [group[2]!.id, group[4]!.id]).pluck('id')).toEqual([]);

    // Retries of the same answers are recognised, whatever the wave.
    const retries = await Promise.all([group[0]!, group[1]!, group[3]!].map((p) => writer.write({ ...p })));
    expect(retries.map((o) => o.kind)).toEqual(['same', 'same', 'same']);
  });
});
