import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from '../../web/src/i18n/de.js';
import { en } from '../../web/src/i18n/en.js';

// The web app's texts against its sources: every key the code asks for is in
// both languages, both languages hold the same keys, and no key lies unused.
// A key counts as used when the sources name it in full in a string literal
// (in `t('…')` or anywhere else, e.g. a table of keys handed to `t` later), or
// when a template literal that starts like a key (`a.b.${x}`) can build it. Plural forms (`_one`,
// `_other`, …) belong to the key without the suffix.

const root = path.resolve(import.meta.dirname, '../..');
const sourceDir = path.join(root, 'web/src');
const i18nDir = path.join(sourceDir, 'i18n');

/**
 * Keys built from parts the sources never spell out together, by prefix:
 * each entry says where the rest of the key comes from. Keep it short; a
 * template literal in `t(`…`)` needs no entry.
 */
const dynamicPrefixes: Record<string, string> = {};

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a resource tree as a dotted key. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : leafKeys(value as object, `${prefix}${name}.`),
  );
}

const withoutPlural = (key: string) => key.replace(pluralSuffix, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === i18nDir ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = sourceFiles(sourceDir).map((file) => ({
  file: path.relative(root, file),
  text: readFileSync(file, 'utf8'),
}));

/** Every '…' and "…" literal that looks like a dotted key. */
const keyLikeLiterals = new Set(
  sources.flatMap(({ text }) => [...text.matchAll(/(['"])([A-Za-z]\w*(?:\.\w+)+)\1/g)].map((m) => m[2]!)),
);

/** The literal first arguments of `t(…)`, including both sides of `t(cond ? 'a' : 'b')`: keys the code asks for. */
const askedKeys = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/\bt\(\s*((?:[^()'"`,]+\?\s*)?'[^']+'(?:\s*:\s*'[^']+')?)/g)].flatMap((m) =>
    [...m[1]!.matchAll(/'([^']+)'/g)].map((k) => ({ file, key: k[1]! })),
  ),
);

/** A template literal as a pattern over keys: each `${…}` stands for one or more word characters. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\$\{(?:[^{}]|\{[^{}]*\})*\}/);
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('\\w+')}$`);
}

/** `t(`a.${x}.b`)`: keys the code asks for, built at run time. */
const templatePatterns = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/\bt\(\s*`([^`]*)`/g)].map((m) => ({ file, template: m[1]!, pattern: templatePattern(m[1]!) })),
);

/** Any template literal that starts like a key (`a.b${x}`), e.g. a table of keys built outside `t`. */
const keyLikeTemplates = sources.flatMap(({ text }) =>
  [...text.matchAll(/`([A-Za-z]\w*\.[\w.]*\$\{[^`]*)`/g)].map((m) => templatePattern(m[1]!)),
);

const enKeys = leafKeys(en);
const deKeys = leafKeys(de);
const defined = new Set([...enKeys, ...deKeys].map(withoutPlural));

describe('i18n keys of the web app', () => {
  it('has the same keys, plural forms included, in German and English', () => {
    const inDe = new Set(deKeys);
    const inEn = new Set(enKeys);
    expect(enKeys.filter((k) => !inDe.has(k))).toEqual([]);
    expect(deKeys.filter((k) => !inEn.has(k))).toEqual([]);
  });

  it('gives every plural key its _one and _other forms', () => {
    const incomplete = [...enKeys, ...deKeys]
      .filter((k) => pluralSuffix.test(k))
      .map(withoutPlural)
      .filter((base) => !enKeys.includes(`${base}_one`) || !enKeys.includes(`${base}_other`));
    expect([...new Set(incomplete)]).toEqual([]);
  });

  it('defines every key the code asks for', () => {
    const missing = askedKeys.filter(({ key }) => !defined.has(key)).map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('defines at least one key for every key the code builds from a template', () => {
    const unmatched = templatePatterns
      .filter(({ pattern }) => ![...defined].some((key) => pattern.test(key)))
      .map(({ file, template }) => `${file}: ${template}`);
    expect(unmatched).toEqual([]);
  });

  it('uses every key it defines', () => {
    const unused = [...defined].filter(
      (key) =>
        !keyLikeLiterals.has(key) &&
        !keyLikeTemplates.some((pattern) => pattern.test(key)) &&
        !Object.keys(dynamicPrefixes).some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('still needs every dynamic prefix it allows', () => {
    const stale = Object.keys(dynamicPrefixes).filter((prefix) => ![...defined].some((key) => key.startsWith(prefix)));
    expect(stale).toEqual([]);
  });
});
