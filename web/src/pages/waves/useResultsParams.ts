import { useSearchParams } from 'react-router';

/** What the results page shows lives in its address (filters, compared wave, trend question), so it can be shared. */
export function useResultsParams() {
  const [params, setParams] = useSearchParams();
  const where = params.getAll('where');
  const compareId = params.get('compare') ?? '';
  const trendQuestion = params.get('trend') ?? '';

  function change(edit: (next: URLSearchParams) => void) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        edit(next);
        return next;
      },
      // A filter or comparison changes the view, not the page: keep the scroll position (and the focus with it).
      { replace: true, preventScrollReset: true },
    );
  }
  const setWhere = (list: string[]) =>
    change((next) => {
      next.delete('where');
      for (const w of list) next.append('where', w);
    });
  const setCompare = (waveId: string) =>
    change((next) => (waveId ? next.set('compare', waveId) : next.delete('compare')));
  const setTrend = (name: string) => change((next) => (name ? next.set('trend', name) : next.delete('trend')));
  return { where, compareId, trendQuestion, setWhere, setCompare, setTrend };
}
