import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { wrapLabel } from './datasets';

// The only module that touches chart.js (DESIGN.md §6 rule 9). Only what the
// dashboard and the indicator pages draw is registered, which keeps the
// bundle small. Reference lines (an indicator's baseline and target) are
// plain line datasets with dashes, shaped in datasets.ts.
ChartJS.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

export type ChartKind = 'bar' | 'line';

export interface ChartProps {
  kind: ChartKind;
  /** The shaped figures (see datasets.ts). */
  data: ChartData<ChartKind, Array<number | null>, string>;
  /** A short description for screen readers; the table next to the chart holds the figures. */
  label: string;
  /** Bars run left to right (long labels) instead of upwards. */
  horizontal?: boolean;
  stacked?: boolean;
  /** The value axis shows percentages, 0–100. */
  percent?: boolean;
  /** Height class: grows with the number of bars. */
  size?: 's' | 'm' | 'l';
  /** A title for the value axis, e.g. the unit of an indicator. */
  valueTitle?: string;
  /**
   * Draw the canvas at least this many device pixels per CSS pixel, so that
   * it stays crisp when printed (a printer has far more dots than a screen).
   */
  printRatio?: number;
}

function optionsFor({
  kind,
  horizontal,
  stacked,
  percent,
  data,
  valueTitle,
  printRatio,
}: ChartProps): ChartOptions<ChartKind> {
  const valueAxis = {
    beginAtZero: true,
    stacked: stacked ?? false,
    ...(percent && { max: 100, ticks: { callback: (v: string | number) => `${v} %` } }),
    ...(valueTitle && { title: { display: true, text: valueTitle } }),
  };
  // Long choice labels beside horizontal bars are wrapped onto several lines,
  // so that they are not cut off on narrow pages (the printed report).
  const categoryAxis = {
    stacked: stacked ?? false,
    ...(kind === 'bar' &&
      horizontal && {
        ticks: { callback: (value: string | number) => wrapLabel(data.labels?.[Number(value)] ?? String(value), 30) },
      }),
  };
  return {
    responsive: true,
    maintainAspectRatio: false,
    ...(printRatio && {
      devicePixelRatio: Math.max(printRatio, typeof window === 'undefined' ? 1 : window.devicePixelRatio),
    }),
    // No animation: figures change with each filter, and movement distracts.
    animation: false,
    indexAxis: kind === 'bar' && horizontal ? 'y' : 'x',
    spanGaps: false,
    plugins: { legend: { display: data.datasets.length > 1 } },
    scales: horizontal && kind === 'bar' ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
  };
}

/**
 * A chart on a canvas: created once, updated in place when its props change,
 * destroyed on unmount. Give it a new `key` to change `kind`.
 */
export function Chart(props: ChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartJS<ChartKind, Array<number | null>, string> | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const current = latest.current;
    chartRef.current = new ChartJS<ChartKind, Array<number | null>, string>(canvas, {
      type: current.kind,
      data: current.data,
      options: optionsFor(current),
    });
    // The page is laid out anew for paper: fit the chart to its printed width.
    const resize = () => chartRef.current?.resize();
    const print = window.matchMedia('print');
    print.addEventListener('change', resize);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      print.removeEventListener('change', resize);
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, []);

  const { data, horizontal, stacked, percent, valueTitle } = props;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data = data;
    chart.options = optionsFor(latest.current);
    chart.update();
  }, [data, horizontal, stacked, percent, valueTitle]);

  return (
    <div className={`chart-box chart-box-${props.size ?? 'm'}`}>
      <canvas ref={canvasRef} role="img" aria-label={props.label} />
    </div>
  );
}
