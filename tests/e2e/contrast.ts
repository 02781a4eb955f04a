// WCAG 2.x contrast between two colours, for tests that read computed styles.

export type Rgb = [number, number, number];

/** Every rgb()/rgba() colour in a computed style value (an outline colour or a box-shadow list), opaque ones only. */
export function parseColours(value: string): Rgb[] {
  const colours: Rgb[] = [];
  for (const match of value.matchAll(/rgba?\(([^)]+)\)/g)) {
    const [r, g, b, a] = match[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if (a !== undefined && a < 1) continue;
    colours.push([r!, g!, b!]);
  }
  return colours;
}

/** Relative luminance as WCAG defines it. */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** (lighter + 0.05) / (darker + 0.05): 1 for equal colours, 21 for black on white. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
