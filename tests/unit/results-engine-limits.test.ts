import { describe, expect, it } from 'vitest';
import { CodeRangeError, MAX_CODE, WaveColumns } from '../../api/src/modules/results/engine/columns.js';
import { LruMap } from '../../api/src/modules/results/engine/lru.js';
import type { JsonObject } from '../../api/src/modules/questionnaires/definition-walk.js';

describe('LruMap (the results engine keeps a bounded number of waves)', () => {
  it('forgets the entry used least recently once past its capacity', () => {
    const lru = new LruMap<string, number>(2);
    expect(lru.set('a', 1)).toEqual([]);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    expect(lru.set('c', 3)).toEqual([['b', 2]]);
    expect(lru.keys()).toEqual(['a', 'c']);
    expect(lru.size).toBe(2);
    expect(lru.get('b')).toBeUndefined();
  });

  it('peek leaves the order as it is; set on a known key refreshes it without evicting', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.peek('a')).toBe(1);
    expect(lru.set('c', 3)).toEqual([['a', 1]]);
    expect(lru.set('b', 20)).toEqual([]);
    expect(lru.keys()).toEqual(['c', 'b']);
    expect(lru.delete('c')).toBe(true);
    expect(lru.has('c')).toBe(false);
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});

describe('WaveColumns code range', () => {
  const definition: JsonObject = {
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'dropdown', name: 'pick', choices: ['a', 'b', 'c'] },
          { type: 'matrix', name: 'grid', rows: ['r1'], columns: ['x'] },
        ],
      },
    ],
  };

  it('codes values up to MAX_CODE and fails loudly on the next one instead of merging it', () => {
    const columns = new WaveColumns(definition);
    // The three choices take codes 1–3; new values take the codes after them.
    for (let i = 4; i <= MAX_CODE; i++) columns.append({ pick: `v${i}` }, null);
    expect(columns.rows).toBe(MAX_CODE - 3);
    let thrown: unknown;
    try {
      columns.append({ pick: 'one too many' }, null);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CodeRangeError);
    expect((thrown as CodeRangeError).question).toBe('pick');
    expect((thrown as Error).message).toContain('pick');
    // A value seen before still has its code.
    const again = new WaveColumns(definition);
    for (let i = 4; i <= MAX_CODE; i++) again.append({ pick: `v${i}` }, null);
    expect(() => again.append({ pick: 'v4' }, null)).not.toThrow();
  });

  it('fails the same way for a matrix row, naming the row', () => {
    const columns = new WaveColumns(definition);
    // The matrix row's dictionary starts with its one column.
    for (let i = 2; i <= MAX_CODE; i++) columns.append({ grid: { r1: `c${i}` } }, null);
    expect(() => columns.append({ grid: { r1: 'past the range' } }, null)).toThrow(
      expect.objectContaining({ name: 'CodeRangeError', question: 'grid.r1' }),
    );
  });
});
