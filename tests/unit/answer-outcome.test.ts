import { describe, expect, it } from 'vitest';
import { classifyAnswer, type AnswerFacts } from '../../api/src/modules/responses/answer-outcome.js';

// What happens with an incoming answer, for every kind of wave: one pure decision.

const facts = (over: Partial<AnswerFacts> = {}): AnswerFacts => ({
  status: 'complete',
  waveState: 'open',
  stored: undefined,
  invitation: 'none',
  heldUntilRelease: false,
  ...over,
});
const partialStored = { status: 'partial' as const, sameWave: true, same: false };
const completeStored = { status: 'complete' as const, sameWave: true, same: false };

describe('classifyAnswer', () => {
  it('stores a new answer to an open wave', () => {
    expect(classifyAnswer(facts())).toBe('store');
    expect(classifyAnswer(facts({ status: 'partial' }))).toBe('store');
  });

  it('replaces a partial answer of the same wave (autosave, then completion)', () => {
    expect(classifyAnswer(facts({ stored: partialStored }))).toBe('store');
    expect(classifyAnswer(facts({ status: 'partial', stored: partialStored }))).toBe('store');
  });

  it('answers an identical retry as the first request, even once the wave has closed or the invitation is used', () => {
    const same = { status: 'complete' as const, sameWave: true, same: true };
    expect(classifyAnswer(facts({ stored: same }))).toBe('same');
    expect(classifyAnswer(facts({ stored: same, waveState: 'closed' }))).toBe('same');
    expect(classifyAnswer(facts({ stored: same, invitation: 'used' }))).toBe('same');
    expect(classifyAnswer(facts({ stored: same, heldUntilRelease: true }))).toBe('same');
    expect(classifyAnswer(facts({ status: 'partial', stored: { ...same, status: 'partial' } }))).toBe('same');
  });

  it('never replaces a complete answer (held ones count as complete): conflict', () => {
    expect(classifyAnswer(facts({ stored: completeStored }))).toBe('conflict');
    expect(classifyAnswer(facts({ status: 'partial', stored: completeStored }))).toBe('conflict');
    expect(classifyAnswer(facts({ stored: completeStored, waveState: 'closed' }))).toBe('conflict');
    expect(classifyAnswer(facts({ stored: completeStored, heldUntilRelease: true }))).toBe('conflict');
  });

  it('refuses an id that belongs to another wave: conflict', () => {
    expect(classifyAnswer(facts({ stored: { ...partialStored, sameWave: false } }))).toBe('conflict');
  });

  it('takes nothing into a closed or not yet open wave, a partial update included', () => {
    expect(classifyAnswer(facts({ waveState: 'closed' }))).toBe('closed');
    expect(classifyAnswer(facts({ waveState: 'not_open' }))).toBe('not_open');
    expect(classifyAnswer(facts({ waveState: 'closed', stored: partialStored }))).toBe('closed');
    expect(classifyAnswer(facts({ waveState: 'closed', invitation: 'used' }))).toBe('closed');
  });

  it('refuses a used invitation, for partial and complete answers', () => {
    expect(classifyAnswer(facts({ invitation: 'used' }))).toBe('invitation_used');
    expect(classifyAnswer(facts({ status: 'partial', invitation: 'used', stored: partialStored }))).toBe(
      'invitation_used',
    );
    expect(classifyAnswer(facts({ invitation: 'unused' }))).toBe('store');
  });

  it('holds complete answers of anonymous invitation waves for release; their partial answers are stored', () => {
    expect(classifyAnswer(facts({ heldUntilRelease: true, invitation: 'unused' }))).toBe('hold');
    expect(classifyAnswer(facts({ heldUntilRelease: true, stored: partialStored }))).toBe('hold');
    expect(classifyAnswer(facts({ heldUntilRelease: true, status: 'partial' }))).toBe('store');
    expect(classifyAnswer(facts({ heldUntilRelease: true, invitation: 'used' }))).toBe('invitation_used');
    expect(classifyAnswer(facts({ heldUntilRelease: true, waveState: 'not_open' }))).toBe('not_open');
  });
});
