import type { Chart as ChartJS, Plugin } from 'chart.js';

/**
 * Formats a bar's value for its label; null draws none. `value` is as drawn
 * (negative on the left half of a diverging bar), so formatters take its size.
 */
export type ValueText = (value: number, datasetIndex: number, index: number) => string | null;

/**
 * A small chart.js plugin that writes each bar's value on or beside it, so a
 * printed chart carries its figures (not only its tooltip). Stacked bars get
 * their value inside the segment when it fits; single bars at their end.
 * Smaller than a datalabels dependency for the one thing the app needs.
 */
export function valueLabels(text: () => ValueText | undefined, stacked: () => boolean): Plugin<'bar' | 'line'> {
  return {
    id: 'bilanzValueLabels',
    afterDatasetsDraw(chart: ChartJS) {
      const format = text();
      if (!format) return;
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      const inside = stacked();
      ctx.save();
      ctx.font = '600 11px system-ui, sans-serif';
      chart.data.datasets.forEach((dataset, di) => {
        const meta = chart.getDatasetMeta(di);
        if (meta.type !== 'bar' || meta.hidden) return;
        meta.data.forEach((element, i) => {
          const raw = dataset.data[i];
          if (typeof raw !== 'number') return;
          const label = format(raw, di, i);
          if (!label) return;
          const bar = element as unknown as { x: number; y: number; base: number; width: number; height: number };
          const width = ctx.measureText(label).width;
          const length = Math.abs(horizontal ? bar.x - bar.base : bar.base - bar.y);
          if (inside) {
            // Inside a segment only when it fits; a thin segment's value is in the table.
            if (length < (horizontal ? width + 4 : 14)) return;
            ctx.fillStyle = '#fff';
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            if (horizontal) ctx.fillText(label, (bar.x + bar.base) / 2, bar.y);
            else ctx.fillText(label, bar.x, (bar.y + bar.base) / 2);
            return;
          }
          ctx.fillStyle = '#1f2933';
          if (horizontal) {
            const right = bar.x >= bar.base;
            ctx.textAlign = right ? 'left' : 'right';
            ctx.textBaseline = 'middle';
            ctx.fillText(label, bar.x + (right ? 4 : -4), bar.y);
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            ctx.fillText(label, bar.x, bar.y - 2);
          }
        });
      });
      ctx.restore();
    },
  };
}
