import { useCallback, useMemo, useRef, useState, type Dispatch } from 'react';
import type { DraftAction } from '../../designer/draft-state';
import type { JsonObject } from '../../designer/json';
import type { EditorApi } from './EditorContext';
import type { View } from './useDesignerView';

/**
 * What the structured editor's cards share (see EditorContext): which cards
 * are open, where the focus goes next, and what screen readers hear. `reveal`
 * opens the editor on a question, e.g. one the server refused.
 */
export function useEditorApi(
  definition: JsonObject | undefined,
  dispatch: Dispatch<DraftAction>,
  canEdit: boolean,
  setView: (view: View) => void,
) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState<EditorApi['focusRequest']>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusTaken = useRef(0);

  const reveal = useCallback(
    (name: string) => {
      setView('editor');
      setExpanded((open) => new Set(open).add(name));
      setFocusRequest((previous) => ({ name, serial: (previous?.serial ?? 0) + 1 }));
    },
    [setView],
  );

  const editor = useMemo<EditorApi | null>(
    () =>
      definition
        ? {
            definition,
            edit: (next) => dispatch({ type: 'edit', definition: next }),
            readOnly: !canEdit,
            isOpen: (name) => expanded.has(name),
            setOpen: (name, open) =>
              setExpanded((current) => {
                const next = new Set(current);
                if (open) next.add(name);
                else next.delete(name);
                return next;
              }),
            reveal,
            focusRequest,
            takeFocus: (name) => {
              if (!focusRequest || focusRequest.name !== name || focusRequest.serial === focusTaken.current)
                return false;
              focusTaken.current = focusRequest.serial;
              return true;
            },
            announce: setAnnouncement,
          }
        : null,
    [definition, dispatch, canEdit, expanded, reveal, focusRequest],
  );
  return { editor, reveal, announcement };
}
