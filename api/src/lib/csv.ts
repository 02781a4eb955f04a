import type { Options } from 'csv-stringify';

/**
 * The csv-stringify settings of every CSV file Bilanz writes (the exports,
 * the invitation links), so that each file has the one formula guard and the
 * same quoting:
 * - UTF-8 with a byte-order mark (German spreadsheets then read umlauts
 *   right), CRLF line ends;
 * - a cell holding a separator is quoted: csv-stringify quotes commas, quotes
 *   and line breaks by itself; German Excel splits on semicolons (its list
 *   separator) and other programs on tabs, so those are quoted too;
 * - formula guard (CSV injection): a text cell starting with `=`, `+`, `-`,
 *   `@`, tab or carriage return (or a full-width `=`, `+`, `-`, `@`) gets a
 *   leading single quote, so spreadsheets show it as text. Numbers are left
 *   alone: a number is never a formula, and `-5` must stay minus five.
 *   Values are guarded as they are written, after any trimming, so a label
 *   trimmed from `" =1+1"` to `"=1+1"` is guarded too.
 */
export const CSV_OPTIONS = {
  bom: true,
  record_delimiter: 'windows',
  quoted_match: /[;,\t"\r\n]/,
  escape_formulas: true,
} as const satisfies Options;
