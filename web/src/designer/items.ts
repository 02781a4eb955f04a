import { isObject, type Json, type JsonObject } from './json.js';
import { withText, type Lang } from './text.js';

/**
 * Choice lists (`choices`, matrix `rows` and `columns`): each entry is a bare
 * value or `{value, text, …}`. Entries are only turned into objects when a
 * label is given, and their other keys stay.
 */
export type ItemList = Json[];

export const itemsOf = (value: Json | undefined): ItemList => (Array.isArray(value) ? value : []);

export const itemValue = (item: Json): Json => (isObject(item) ? (item.value ?? null) : item);
export const itemLabel = (item: Json): Json | undefined => (isObject(item) ? item.text : undefined);

/** A value as the editor shows it in a text field. */
export const valueText = (value: Json): string =>
  value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * The value typed into a field, keeping the old value's kind where the text
 * allows it: a number stays a number, true/false stay booleans.
 */
export function parseValue(text: string, previous: Json): Json {
  if (typeof previous === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof previous === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

export function withItemValue(list: ItemList, index: number, text: string): ItemList {
  return list.map((item, i) => {
    if (i !== index) return item;
    const value = parseValue(text, itemValue(item));
    return isObject(item) ? { ...item, value } : value;
  });
}

/** The list with one entry's label in one language replaced (`base`: the definition's default language). */
export function withItemLabel(list: ItemList, index: number, lang: Lang, text: string, base: string): ItemList {
  return list.map((item, i) => {
    if (i !== index) return item;
    const object: JsonObject = isObject(item) ? item : { value: item };
    const label = withText(object.text, lang, text, base);
    const { text: _old, ...rest } = object;
    if (label !== undefined) return { ...rest, text: label };
    // Back to a bare value when nothing but the value is left.
    return Object.keys(rest).length === 1 && 'value' in rest ? (rest.value ?? null) : rest;
  });
}

/** Appends an entry with a fresh value (item1, item2, …). */
export function addItem(list: ItemList, prefix = 'item'): ItemList {
  const taken = new Set(list.map((item) => valueText(itemValue(item))));
  let n = list.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return [...list, { value: `${prefix}${n}` }];
}

export const removeItem = (list: ItemList, index: number): ItemList => list.filter((_, i) => i !== index);

export function moveItem(list: ItemList, index: number, delta: -1 | 1): ItemList {
  const target = index + delta;
  if (target < 0 || target >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}
