import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../web/src/components/charts/datasets.js';

describe('wrapLabel (long choice labels beside horizontal bars)', () => {
  it('keeps short labels as they are', () => {
    expect(wrapLabel('Gemeinnützig', 30)).toBe('Gemeinnützig');
  });

  it('breaks long labels at spaces into lines no longer than the width', () => {
    const label = 'Zivilgesellschaftlich (z. B. Bürgerverein, Initiative, Nachbarschaftsgruppe)';
    const lines = wrapLabel(label, 30) as string[];
    expect(lines.join(' ')).toBe(label);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('gives a word longer than the width a line of its own', () => {
    expect(wrapLabel('ab Donaudampfschifffahrtsgesellschaft cd', 10)).toEqual([
      'ab',
      'Donaudampfschifffahrtsgesellschaft',
      'cd',
    ]);
  });
});
