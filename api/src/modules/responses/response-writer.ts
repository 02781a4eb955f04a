/**
 * The one writer of answers. Submissions queue up and are written in groups
 * (one statement or transaction per group); what happens with each answer is
 * decided by classifyAnswer (answer-outcome.ts) from what the database holds,
 * and all SQL is in responses.repo.ts. Three ways in, one per kind of wave:
 *
 * - link waves: one statement stores the group; answers it did not store are
 *   classified afterwards (an identical retry, a conflict, a closed wave);
 * - invitation waves that are not anonymous: one transaction per group reads
 *   the facts, classifies, uses the invitations up and stores the answers;
 * - anonymous invitation waves, complete answers: held in one statement, the
 *   invitations marked used in another, released later in batches (DESIGN §3).
 */
import type { Db } from '../../db/db-handle.js';
import type { WaveState } from '../../db/wave-state.js';
import { classifyAnswer, type AnswerDecision, type AnswerFacts } from './answer-outcome.js';
import * as repo from './responses.repo.js';

export type PendingResponse = repo.AnswerToStore & {
  /** Invitation to mark used (complete) or to check unused (partial); null for link waves. */
  invitationId: string | null;
  /** Non-anonymous waves link the invitation to its response. */
  linkInvitation: boolean;
};

/** The wave's dates, to say since or until when it takes no answers. */
export type WaveTimes = Pick<repo.WaveOpenness, 'status' | 'opens_at' | 'closes_at'>;

/**
 * written: stored (201). same: an identical earlier request (200).
 * conflict / invitation_used: 409. closed / not_open: the wave takes no
 * answers now, on the database's clock (410).
 */
export type WriteOutcome =
  { kind: 'written' | 'same' | 'conflict' | 'invitation_used' } | { kind: Exclude<WaveState, 'open'>; wave: WaveTimes };

const outcome = (kind: 'written' | 'same' | 'conflict' | 'invitation_used'): WriteOutcome => ({ kind });

/** Complete answers to anonymous invitation waves wait to be released together (DESIGN §3). */
const isHeld = (i: PendingResponse) => i.invitationId !== null && !i.linkInvitation && i.status === 'complete';

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** How often a group's answers that the store statement skipped but classify says to store are tried again. */
const STORE_ROUNDS = 3;

type Waiting = { item: PendingResponse; resolve: (o: WriteOutcome) => void; reject: (e: unknown) => void };

/**
 * Writes responses in groups: while groups are being committed, new
 * submissions queue up and go together into the next statement (one multi-row
 * upsert), so that many respondents share one commit. Nothing is acknowledged
 * before its group has committed. A lone submission is written at once.
 */
export class ResponseWriter {
  private queue: Waiting[] = [];
  private running = 0;
  private scheduled = false;

  /**
   * @param concurrency groups in flight at once: several on PostgreSQL (its
   *   commits overlap), one on the embedded database (one connection).
   */
  constructor(
    private readonly db: Db,
    private readonly concurrency = 1,
    private readonly maxBatch = 200,
  ) {}

  write(item: PendingResponse): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Start on the next turn of the event loop, so that submissions arriving together share a group.
      if (this.running < this.concurrency && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.drain();
        });
      }
    });
  }

  private async drain(): Promise<void> {
    this.running++;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          const outcomes = await this.writeBatch(batch.map((w) => w.item));
          batch.forEach((w, i) => w.resolve(outcomes[i]!));
        } catch (err) {
          if (batch.length === 1) batch[0]!.reject(err);
          // One bad answer must not fail the others of its group: each is tried again on its own.
          else for (const w of batch) await this.writeBatch([w.item]).then((o) => w.resolve(o[0]!), w.reject);
        }
      }
    } finally {
      this.running--;
    }
  }

  /** Up to maxBatch queued items; a statement cannot touch one id twice, so later duplicates wait. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const ids = new Set<string>();
    for (const w of this.queue) {
      if (batch.length < this.maxBatch && !ids.has(w.item.id)) {
        ids.add(w.item.id);
        batch.push(w);
      } else rest.push(w);
    }
    this.queue = rest;
    return batch;
  }

  private async writeBatch(items: PendingResponse[]): Promise<WriteOutcome[]> {
    const outcomes = new Map<PendingResponse, WriteOutcome>();
    const held = items.filter(isHeld);
    const invited = items.filter((i) => i.invitationId !== null && !isHeld(i));
    const link = items.filter((i) => i.invitationId === null);
    if (held.length > 0) await this.writeHeld(held, outcomes);
    if (invited.length > 0) await this.writeInvited(invited, outcomes);
    if (link.length > 0) await this.writeLink(link, outcomes);
    return items.map((i) => outcomes.get(i)!);
  }

  /**
   * Link waves: one statement, committed on its own. It stores what
   * classifyAnswer would store (open wave, new id or a partial answer of the
   * same wave with other content); the rest is classified from what is stored.
   */
  private async writeLink(items: PendingResponse[], outcomes: Map<PendingResponse, WriteOutcome>): Promise<void> {
    await this.storeThenClassify(items, outcomes, (group) => repo.storeLinkResponses(this.db, todayUtc(), group));
  }

  /**
   * Complete answers of anonymous invitation waves. The answers are stored
   * (held) in one statement and the invitations marked used in another, so
   * no transaction holds both; answers become visible only when released
   * together with others (releaseHeld). Stored first, marked second: should
   * marking fail, the held answers are taken back, and a crash in between
   * leaves an unused invitation whose retry (same id, same answers) marks it.
   */
  private async writeHeld(items: PendingResponse[], outcomes: Map<PendingResponse, WriteOutcome>): Promise<void> {
    const today = todayUtc();
    const stored = new Set<string>();
    await this.storeThenClassify(items, outcomes, async (group) => {
      const ids = await repo.storeHeldResponses(this.db, today, group);
      for (const id of ids) stored.add(id);
      return ids;
    });
    // Mark the invitations of stored answers and of identical retries (which marked theirs already, unless a crash came between).
    const claiming = items.filter((it) => ['written', 'same'].includes(outcomes.get(it)!.kind));
    let marked: Set<string>;
    try {
      marked = await repo.markInvitationsUsed(
        this.db,
        claiming.map((c) => c.invitationId!),
        today,
      );
    } catch (err) {
      await repo.deleteHeldResponses(this.db, [...stored]);
      throw err;
    }
    const claimed = new Set<string>();
    const takeBack: string[] = [];
    for (const it of items) {
      if (outcomes.get(it)!.kind !== 'written') continue;
      // Two answers in one group with the same invitation: only the first gets it.
      if (!marked.has(it.invitationId!) || claimed.has(it.invitationId!)) {
        outcomes.set(it, outcome('invitation_used'));
        takeBack.push(it.id);
      }
      claimed.add(it.invitationId!);
    }
    await repo.deleteHeldResponses(this.db, takeBack);
    const waves = new Set(items.filter((it) => outcomes.get(it)!.kind === 'written').map((it) => it.waveId));
    for (const waveId of waves) await releaseHeld(this.db, waveId, 'when_enough');
  }

  /**
   * Invitation waves that are not anonymous: the invitation is used up in the
   * transaction that stores the answers, and names the response it produced.
   * Everything is read in that transaction, so a wave closed or an invitation
   * used by any process is seen once that commits.
   */
  private async writeInvited(items: PendingResponse[], outcomes: Map<PendingResponse, WriteOutcome>): Promise<void> {
    const today = todayUtc();
    const decided = await this.db.transaction(async (trx) => {
      const result = new Map<PendingResponse, WriteOutcome>();
      const decisions = await decide(trx, items, { checkInvitations: true });
      const toStore = items.filter((it) => decisions.get(it)!.decision === 'store');
      for (const it of items) {
        const d = decisions.get(it)!;
        if (d.decision !== 'store') result.set(it, toOutcome(d));
      }
      // A complete answer uses its invitation up; of two in one group with the same invitation only the first gets it.
      const completing = toStore.filter((it) => it.status === 'complete');
      const marked = await repo.markInvitationsUsed(
        trx,
        completing.map((c) => c.invitationId!),
        today,
      );
      const claimed = new Set<string>();
      for (const it of completing) {
        if (!marked.has(it.invitationId!) || claimed.has(it.invitationId!)) result.set(it, outcome('invitation_used'));
        claimed.add(it.invitationId!);
      }
      const writing = toStore.filter((it) => !result.has(it));
      for (const it of writing)
        if (it.status === 'complete' && it.linkInvitation)
          await repo.linkInvitationToResponse(trx, it.invitationId!, it.id);
      const written = await repo.storeInvitationResponses(trx, today, writing);
      for (const it of writing) if (written.has(it.id)) result.set(it, outcome('written'));
      // Answers not written lost a race with another process: decide again from what is stored now.
      const lost = writing.filter((it) => !written.has(it.id));
      if (lost.length > 0) {
        const again = await decide(trx, lost, { checkInvitations: true });
        for (const it of lost) {
          const d = again.get(it)!;
          result.set(it, d.decision === 'store' ? outcome('conflict') : toOutcome(d));
        }
      }
      return result;
    });
    for (const [it, o] of decided) outcomes.set(it, o);
  }

  /**
   * Runs a store statement on the group, then classifies what it did not
   * store. An answer classified 'store' or 'hold' nonetheless (its wave
   * reopened, or a concurrent write changed what is stored) is tried again,
   * a few times at most.
   */
  private async storeThenClassify(
    items: PendingResponse[],
    outcomes: Map<PendingResponse, WriteOutcome>,
    store: (group: PendingResponse[]) => Promise<Set<string>>,
  ): Promise<void> {
    let pending = items;
    for (let round = 1; pending.length > 0; round++) {
      const written = await store(pending);
      const rest: PendingResponse[] = [];
      for (const it of pending)
        if (written.has(it.id)) outcomes.set(it, outcome('written'));
        else rest.push(it);
      if (rest.length === 0) return;
      const decisions = await decide(this.db, rest, { checkInvitations: false });
      pending = [];
      for (const it of rest) {
        const d = decisions.get(it)!;
        if (d.decision !== 'store' && d.decision !== 'hold') outcomes.set(it, toOutcome(d));
        else if (round < STORE_ROUNDS) pending.push(it);
        else throw new Error(`answer ${it.id} could be stored neither by the statement nor as classified`);
      }
    }
  }
}

type Decided = { decision: AnswerDecision; wave: WaveTimes };

/** Reads what the database holds about a group's answers and classifies each (classifyAnswer). */
async function decide(
  db: Db,
  items: PendingResponse[],
  options: { checkInvitations: boolean },
): Promise<Map<PendingResponse, Decided>> {
  const stored = await repo.findStoredAnswers(db, items);
  const waves = await repo.findWaveStates(
    db,
    items.map((i) => i.waveId),
  );
  const used = options.checkInvitations
    ? await repo.findUsedInvitations(
        db,
        items.flatMap((i) => (i.invitationId ? [i.invitationId] : [])),
      )
    : new Set<string>();
  return new Map(
    items.map((it) => {
      // A wave deleted meanwhile takes no answers.
      const wave = waves.get(it.waveId) ?? {
        state: 'closed' as const,
        status: 'closed',
        opens_at: null,
        closes_at: null,
      };
      const facts: AnswerFacts = {
        status: it.status,
        waveState: wave.state,
        stored: stored.get(it.id),
        invitation:
          !options.checkInvitations || it.invitationId === null
            ? 'none'
            : used.has(it.invitationId)
              ? 'used'
              : 'unused',
        heldUntilRelease: isHeld(it),
      };
      return [it, { decision: classifyAnswer(facts), wave }];
    }),
  );
}

/** The outcome of a decision that stores nothing. */
function toOutcome({ decision, wave }: Decided): WriteOutcome {
  switch (decision) {
    case 'closed':
    case 'not_open':
      return { kind: decision, wave: { status: wave.status, opens_at: wave.opens_at, closes_at: wave.closes_at } };
    case 'same':
    case 'conflict':
    case 'invitation_used':
      return outcome(decision);
    case 'store':
    case 'hold':
      throw new Error(`a decision to ${decision} has no outcome before it is stored`);
  }
}

/**
 * Releases a wave's held responses into \`responses\`, all at once:
 * - 'when_enough': when at least the workspace's minimum group size wait, so
 *   that each release pairs as many answers with as many used invitations;
 * - 'any': whatever waits (once a day, and when the wave has closed).
 * The wave's row is locked meanwhile, so processes release one at a time.
 * Returns how many were released.
 */
export async function releaseHeld(db: Db, waveId: string, when: 'when_enough' | 'any'): Promise<number> {
  return db.transaction(async (trx) => {
    const wave = await repo.lockWaveForRelease(trx, waveId);
    if (!wave || wave.held === 0 || (when === 'when_enough' && wave.held < wave.minGroupSize)) return 0;
    await repo.moveHeldResponses(trx, waveId);
    return wave.held;
  });
}

/**
 * Releases what waited since an earlier day, and everything held by waves
 * that have closed (run hourly beside the retention purge). Returns how many.
 */
export async function releaseDueHeld(db: Db, today: string): Promise<number> {
  let released = 0;
  for (const waveId of await repo.findWavesWithDueHeld(db, today)) released += await releaseHeld(db, waveId, 'any');
  return released;
}
