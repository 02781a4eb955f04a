import type { ReactNode } from 'react';

/**
 * A report table that may scroll sideways on a phone: focusable and named,
 * so that keyboard users can scroll it (axe: scrollable-region-focusable).
 * `keep`: never split across printed pages.
 */
export function ReportTableWrap({ label, keep, children }: { label: string; keep?: boolean; children: ReactNode }) {
  return (
    <div className={keep ? 'table-wrap report-keep' : 'table-wrap'} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
