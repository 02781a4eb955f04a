import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const views = ['editor', 'json', 'preview', 'versions'] as const;
export type View = (typeof views)[number];

/** The view is part of the address, so that reloading or sharing keeps it. */
export function useDesignerView(): [View, (view: View) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('view');
  const view = (views as readonly string[]).includes(raw ?? '') ? (raw as View) : 'editor';
  const setView = useCallback(
    (next: View) =>
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next === 'editor') updated.delete('view');
          else updated.set('view', next);
          return updated;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return [view, setView];
}
