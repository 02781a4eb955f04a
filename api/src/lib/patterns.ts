/**
 * Regular expressions from questionnaires, run in linear time.
 *
 * survey-core tests a regex validator's pattern (and its own e-mail pattern)
 * with JavaScript's backtracking engine, where a pattern like `^(a+)+$` and a
 * crafted answer of 32 characters take seconds: one answer would stall the
 * server. Bilanz runs them on RE2 (re2js), whose time is linear in the
 * answer, with JavaScript's meaning:
 * - the pattern is read as JavaScript reads it without the `u` flag and
 *   rewritten in RE2's syntax (`.`, `\s`, `\uXXXX`, identity escapes …);
 * - the answer is matched code unit by code unit, as JavaScript does: each
 *   UTF-16 surrogate becomes a code point of its own (plane 16) on both
 *   sides, so `.` and `{4}` count an emoji as two, as survey-core does.
 *
 * What RE2 cannot run (lookarounds, backreferences, repeats above 1,000)
 * stays on JavaScript's engine, and only if a ReDoS checker (recheck) finds
 * the pattern safe when the questionnaire is saved (patternSafety).
 * A known difference remains for case-insensitive patterns: RE2 folds a few
 * letters JavaScript keeps apart (ſ and s, the Kelvin sign and k).
 */
import { RE2JS } from 're2js';
import { check } from 'recheck';

/** Something a pattern can test, as RegExp's `test` does (the value converted to text). */
export type PatternTester = { test(value: unknown): boolean };

/** JavaScript's `\s`: ASCII and Unicode spaces, line terminators and the BOM. */
const JS_SPACE =
  '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** JavaScript's `.` without the `s` flag: anything but a line terminator. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** A UTF-16 surrogate's stand-in: its own code point in plane 16's private use area. */
const SURROGATE_BASE = 0x100000;
const CONTROL_ESCAPES: Record<string, number> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };
/** Escapes with the same meaning in both syntaxes. */
const SHARED_CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W']);

const codeUnit = (u: number) =>
  `\\x{${(u >= 0xd800 && u <= 0xdfff ? SURROGATE_BASE + u - 0xd800 : u).toString(16).toUpperCase()}}`;
const isHex = (s: string) => /^[0-9A-Fa-f]+$/.test(s);

class Untranslatable extends Error {}

/**
 * A JavaScript pattern (no `u` flag) in RE2's syntax, or undefined when it
 * uses what RE2 lacks. Walks the pattern once; inside a character class only
 * escapes need rewriting.
 */
export function toRe2Syntax(source: string): string | undefined {
  try {
    return translate(source);
  } catch (err) {
    if (err instanceof Untranslatable) return undefined;
    throw err;
  }
}

function translate(source: string): string {
  let out = '';
  let inClass = false;
  let i = 0;
  const fail = (): never => {
    throw new Untranslatable();
  };
  while (i < source.length) {
    const ch = source[i]!;
    const unit = source.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      out += codeUnit(unit);
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) fail();
      i += 2;
      if (next === 'u' && isHex(source.slice(i, i + 4)) && source.slice(i, i + 4).length === 4) {
        out += codeUnit(parseInt(source.slice(i, i + 4), 16));
        i += 4;
      } else if (next === 'x' && isHex(source.slice(i, i + 2)) && source.slice(i, i + 2).length === 2) {
        out += codeUnit(parseInt(source.slice(i, i + 2), 16));
        i += 2;
      } else if (next === 'c') {
        // `\cJ` is a control character; a `\c` before anything else is a backslash and a c.
        if (!/^[A-Za-z]$/.test(source[i] ?? '')) fail();
        out += codeUnit(source.charCodeAt(i) % 32);
        i += 1;
      } else if (next === '0' && !/[0-9]/.test(source[i] ?? '')) out += codeUnit(0);
      else if (/[0-9]/.test(next!) || next === 'k')
        fail(); // backreferences and legacy octal
      else if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S') out += inClass ? fail() : `[^${JS_SPACE}]`;
      else if (next === 'b' || next === 'B') out += inClass ? (next === 'b' ? codeUnit(8) : 'B') : `\\${next}`;
      else if (SHARED_CLASS_ESCAPES.has(next!)) out += `\\${next}`;
      else if (next! in CONTROL_ESCAPES) out += codeUnit(CONTROL_ESCAPES[next!]!);
      else out += codeUnit(next!.charCodeAt(0)); // an identity escape: the character itself
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      // RE2 reads `[:alpha:]` inside a class as a named class; JavaScript, as characters.
      out += ch === '[' ? '\\[' : ch;
      i++;
      continue;
    }
    if (ch === '[') {
      // `[]` matches nothing and `[^]` anything in JavaScript; RE2 reads both differently.
      if (source[i + 1] === ']' || (source[i + 1] === '^' && source[i + 2] === ']')) fail();
      inClass = true;
      out += source[i + 1] === '^' ? '[^' : '[';
      i += source[i + 1] === '^' ? 2 : 1;
      // A `]` first in a class is a character in RE2 but ends an empty class in JavaScript (handled above).
      continue;
    }
    if (ch === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2);
      if (rest.startsWith(':')) {
        out += '(?:';
        i += 3;
      } else if (rest.startsWith('<') && !rest.startsWith('<=') && !rest.startsWith('<!')) {
        out += '(?P<';
        i += 3;
      } else fail(); // lookarounds
      continue;
    }
    if (ch === '.') {
      out += JS_DOT;
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  if (inClass) fail();
  return out;
}

/** The text RegExp's `test` would look at, with surrogates as their stand-ins. */
function subject(value: unknown): string {
  const s = String(value);
  return /[\ud800-\udfff]/.test(s)
    ? s.replace(/[\ud800-\udfff]/g, (c) => String.fromCodePoint(SURROGATE_BASE + c.charCodeAt(0) - 0xd800))
    : s;
}

/**
 * A linear-time tester for a JavaScript pattern, or undefined when RE2 cannot
 * run it (or it is no valid pattern at all).
 */
export function linearPattern(source: string, caseInsensitive: boolean): PatternTester | undefined {
  try {
    new RegExp(source, caseInsensitive ? 'i' : '');
  } catch {
    return undefined;
  }
  const re2 = toRe2Syntax(source);
  if (re2 === undefined) return undefined;
  try {
    const compiled = RE2JS.compile(re2, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (value) => compiled.test(subject(value)) };
  } catch {
    return undefined;
  }
}

export type PatternVerdict =
  /** Runs on RE2. */
  | 'linear'
  /** Needs JavaScript's engine; the ReDoS checker found it safe. */
  | 'checked'
  /** Not a pattern JavaScript can read. */
  | 'invalid'
  /** Could take exponential or polynomial time, or could not be checked in time. */
  | 'unsafe';

/**
 * Whether a pattern may be published. Patterns RE2 runs are safe by
 * construction; the others go to recheck, off the event loop (its own
 * process or a worker thread), for at most `timeoutMs`.
 */
export async function patternSafety(
  source: string,
  caseInsensitive: boolean,
  timeoutMs = 5_000,
): Promise<PatternVerdict> {
  const flags = caseInsensitive ? 'i' : '';
  try {
    new RegExp(source, flags);
  } catch {
    return 'invalid';
  }
  if (linearPattern(source, caseInsensitive)) return 'linear';
  const diagnostics = await check(source, flags, { timeout: timeoutMs });
  return diagnostics.status === 'safe' ? 'checked' : 'unsafe';
}
