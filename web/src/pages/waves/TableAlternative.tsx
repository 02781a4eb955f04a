import type { ReactNode } from 'react';

/**
 * The table beside a chart: folded on the dashboard, open in the report (so
 * that its figures are in the page's text and in a PDF). On paper it is
 * always shown, summary line left out (see styles.css, print).
 */
export function TableAlternative({
  summary,
  open,
  children,
}: {
  summary: string;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details className="table-alternative" open={open}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
