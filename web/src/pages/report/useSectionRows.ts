import { useEffect, useState } from 'react';
import { sectionKinds, type Section, type SectionKind } from '../../api/reports';

/** Every section kind in the editor's order: the chosen ones first, as saved, then the rest. */
export type Row = Section & { on: boolean };

export function rowsOf(sections: Section[]): Row[] {
  const chosen = sections.map((s) => ({ ...s, on: true }));
  const rest = sectionKinds.filter((k) => !sections.some((s) => s.kind === k)).map((kind) => ({ kind, on: false }));
  return [...chosen, ...rest];
}

/**
 * The report's sections as rows to switch on and off and move, with the
 * announcement of the last move. `onEdit` runs before every change.
 */
export function useSectionRows(sections: Section[], onEdit: () => void) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(sections));
  const setRow = (i: number, patch: Partial<Row>) => {
    onEdit();
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const [moved, setMoved] = useState<{ kind: SectionKind; position: number; by: -1 | 1 } | null>(null);
  const move = (i: number, by: -1 | 1) => {
    onEdit();
    setMoved({ kind: rows[i]!.kind, position: i + by + 1, by });
    setRows((rs) => {
      const out = [...rs];
      const [row] = out.splice(i, 1);
      out.splice(i + by, 0, row!);
      return out;
    });
  };
  // A row moved to the top or the bottom disables the button just used: keep the focus on the row's other button.
  useEffect(() => {
    if (!moved || !(document.activeElement instanceof HTMLButtonElement) || !document.activeElement.disabled) return;
    document
      .querySelector<HTMLButtonElement>(`[data-move="${moved.kind}:${moved.by === -1 ? 'down' : 'up'}"]`)
      ?.focus();
  }, [moved, rows]);
  return { rows, setRow, move, moved };
}
