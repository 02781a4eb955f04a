import { isObject, prettyJson, type JsonObject } from './json.js';

/**
 * The definition being edited, shared by the structured editor and the JSON
 * view. The JSON text may be unreadable for a while; the definition is then
 * the last readable one.
 */
export interface DraftState {
  definition: JsonObject;
  jsonText: string;
  jsonError: JsonError | null;
  /** The saved definition (as JSON), to tell unsaved changes. */
  baseline: string;
}

export type JsonError = { kind: 'syntax'; message: string } | { kind: 'notObject' };

export type DraftAction =
  /** A definition loaded from the server (or a save's answer): nothing unsaved. */
  | { type: 'load'; definition: JsonObject }
  /** A change made in the structured editor, an import or a version taken over. */
  | { type: 'edit'; definition: JsonObject }
  /** The JSON view's text. */
  | { type: 'json'; text: string }
  /** The server stored `sent` and answered with `stored` (sanitised). */
  | { type: 'saved'; sent: JsonObject; stored: JsonObject };

export const initialDraftState = (definition: JsonObject): DraftState => ({
  definition,
  jsonText: prettyJson(definition),
  jsonError: null,
  baseline: JSON.stringify(definition),
});

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'load':
      return initialDraftState(action.definition);
    case 'edit':
      return { ...state, definition: action.definition, jsonText: prettyJson(action.definition), jsonError: null };
    case 'json': {
      const parsed = readJson(action.text);
      if ('error' in parsed) return { ...state, jsonText: action.text, jsonError: parsed.error };
      return { ...state, definition: parsed.definition, jsonText: action.text, jsonError: null };
    }
    case 'saved':
      // Edits made while the request ran stay; they are then the unsaved changes.
      if (JSON.stringify(state.definition) === JSON.stringify(action.sent) && state.jsonError === null) {
        return initialDraftState(action.stored);
      }
      return { ...state, baseline: JSON.stringify(action.stored) };
  }
}

/** Text read as a definition: a JSON object, or why it is not one. */
export function readJson(text: string): { definition: JsonObject } | { error: JsonError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: { kind: 'syntax', message: error instanceof Error ? error.message : String(error) } };
  }
  return isObject(value) ? { definition: value } : { error: { kind: 'notObject' } };
}

/** True when there is something the server does not have yet. */
export const isDirty = (state: DraftState): boolean =>
  state.jsonError !== null || JSON.stringify(state.definition) !== state.baseline;
