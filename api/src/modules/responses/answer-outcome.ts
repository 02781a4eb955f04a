/**
 * What happens with an incoming answer, decided from what the database holds
 * (read by responses.repo.ts) in one pure function, whichever kind of wave it
 * belongs to. The writer stores what this says to store and reports the rest.
 */
import type { WaveState } from '../../db/wave-state.js';

/** What is stored under the answer's id already (an answer held for release counts as complete). */
export type StoredAnswer = {
  status: 'partial' | 'complete';
  /** Stored for the same wave as the incoming answer. */
  sameWave: boolean;
  /** Same wave, status and answers as the incoming answer: an identical retry. */
  same: boolean;
};

export type AnswerFacts = {
  status: 'partial' | 'complete';
  /** The wave's state on the database's clock (db/wave-state.ts). */
  waveState: WaveState;
  stored: StoredAnswer | undefined;
  /**
   * The answer's invitation: 'none' for link waves, and where the store
   * statement itself need not know (anonymous waves mark it afterwards).
   */
  invitation: 'none' | 'unused' | 'used';
  /** Complete answers of anonymous invitation waves wait in held_responses (DESIGN §3). */
  heldUntilRelease: boolean;
};

/**
 * store: insert, or replace the partial answer stored under the id (201);
 * hold: store in held_responses, to be released with others (201);
 * same: an identical earlier request (200);
 * conflict: other answers under a complete id, or an id of another wave (409);
 * invitation_used: the invitation answered already (409);
 * closed / not_open: the wave takes no answers now (410).
 */
export type AnswerDecision = 'store' | 'hold' | 'same' | 'conflict' | 'invitation_used' | 'closed' | 'not_open';

export function classifyAnswer(facts: AnswerFacts): AnswerDecision {
  const { stored } = facts;
  // An identical retry is answered as the first request was, even after the wave closed: the answer is in.
  if (stored?.same) return 'same';
  // A complete answer is never replaced, and an id belongs to one wave.
  if (stored && (stored.status === 'complete' || !stored.sameWave)) return 'conflict';
  if (facts.waveState !== 'open') return facts.waveState;
  if (facts.invitation === 'used') return 'invitation_used';
  return facts.heldUntilRelease && facts.status === 'complete' ? 'hold' : 'store';
}
