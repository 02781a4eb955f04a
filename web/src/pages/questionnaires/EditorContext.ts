import { createContext, useContext } from 'react';
import type { JsonObject } from '../../designer/json';

/** What every part of the structured editor needs: the definition and how to change it. */
export interface EditorApi {
  definition: JsonObject;
  /** Replaces the definition being edited. */
  edit: (definition: JsonObject) => void;
  readOnly: boolean;
  isOpen: (name: string) => boolean;
  setOpen: (name: string, open: boolean) => void;
  /** Opens an element's details and moves the focus to its first field. */
  reveal: (name: string) => void;
  /** The element whose name field should take the focus (a new request each time). */
  focusRequest: { name: string; serial: number } | null;
  /** True once per request, for the element it names: that element then takes the focus. */
  takeFocus: (name: string) => boolean;
  /** Tells screen-reader users what an action did. */
  announce: (message: string) => void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside the editor');
  return api;
}

/** Focuses an element once React has drawn the change that moved or created it. */
export function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
