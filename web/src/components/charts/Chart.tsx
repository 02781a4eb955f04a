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
import { wrapLabel, type TimePoint } from './datasets';
import { valueLabels, type ValueText } from './value-labels';

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
export type { ValueText } from './value-labels';

export interface ChartProps {
  kind: ChartKind;
  /** The shaped figures (see datasets.ts). */
  data: ChartData<ChartKind, Array<number | null> | TimePoint[], string>;
  /** A short description for screen readers; the table next to the chart holds the figures. */
  label: string;
  /** Bars run left to right (long labels) instead of upwards. */
  horizontal?: boolean;
  stacked?: boolean;
  /** The value axis shows percentages, 0–100 (−100–100 when diverging). */
  percent?: boolean;
  /** Bars diverge from a neutral point at 0: the axis shows sizes (no minus signs). */
  diverging?: boolean;
  /** Height class: grows with the number of bars. */
  size?: 's' | 'm' | 'l';
  /** A title for the value axis, e.g. the unit of an indicator. */
  valueTitle?: string;
  /** Each bar's value written on or beside it (see format.ts); none when not given. */
  values?: ValueText;
  /** The x axis is time: data points are `{x: timestamp, y}` and ticks are labelled by `timeText`. */
  timeText?: (time: number) => string;
  /** Formats a value-axis tick (numbers in the UI language). */
  tickText?: (value: number) => string;
  /**
   * Draw the canvas at least this many device pixels per CSS pixel, so that
   * it stays crisp when printed (a printer has far more dots than a screen).
   */
  printRatio?: number;
}

/** Category labels wrapped onto lines of at most this many characters. */
const WRAP = { horizontal: 28, upright: 14 } as const;

function optionsFor(props: ChartProps): ChartOptions<ChartKind> {
  const { kind, horizontal, stacked, percent, diverging, data, valueTitle, printRatio, timeText, tickText } = props;
  const bars = kind === 'bar';
  const size = (v: number) => (diverging ? Math.abs(v) : v);
  const tick = (v: string | number) => {
    const n = size(Number(v));
    const text = tickText ? tickText(n) : String(n);
    return percent ? `${text} %` : text;
  };
  const valueAxis = {
    // A line chart's axis covers the whole range of its values (and its reference lines), with room above.
    beginAtZero: bars,
    ...(!bars && { grace: '5%' }),
    stacked: stacked ?? false,
    ticks: { callback: tick },
    ...(percent && (diverging ? { min: -100, max: 100 } : { max: 100 })),
    ...(valueTitle && { title: { display: true, text: valueTitle } }),
  };
  // Every category keeps its label (chart.js would skip every second one
  // when crowded); long ones are wrapped onto several lines instead.
  const categoryAxis = timeText
    ? {
        // Days spaced by the time between them, from the first to the last day drawn.
        type: 'linear' as const,
        bounds: 'data' as const,
        ticks: { maxTicksLimit: 6, maxRotation: 0, callback: (v: string | number) => timeText(Number(v)) },
      }
    : {
        stacked: stacked ?? false,
        ticks: {
          autoSkip: false,
          ...(!horizontal && { maxRotation: 0 }),
          callback: (value: string | number) =>
            wrapLabel(data.labels?.[Number(value)] ?? String(value), horizontal ? WRAP.horizontal : WRAP.upright),
        },
      };
  return {
    responsive: true,
    maintainAspectRatio: false,
    ...(printRatio && {
      devicePixelRatio: Math.max(printRatio, typeof window === 'undefined' ? 1 : window.devicePixelRatio),
    }),
    // No animation: figures change with each filter, and movement distracts.
    animation: false,
    indexAxis: bars && horizontal ? 'y' : 'x',
    spanGaps: false,
    // Room at the bars' ends for the values written there.
    layout: { padding: props.values && !stacked ? (horizontal ? { right: 40 } : { top: 16 }) : 0 },
    plugins: {
      legend: {
        display: data.datasets.filter((d) => !(d as { legendHidden?: boolean }).legendHidden).length > 1,
        labels: {
          // Diverging bars draw the neutral point twice and their points out of order: the legend lists each once, in scale order.
          filter: (item, chartData) =>
            !(chartData.datasets[item.datasetIndex ?? 0] as { legendHidden?: boolean }).legendHidden,
          sort: (a, b, chartData) => {
            const rank = (i: number | undefined) =>
              (chartData.datasets[i ?? 0] as { legendRank?: number }).legendRank ?? i ?? 0;
            return rank(a.datasetIndex) - rank(b.datasetIndex);
          },
        },
      },
      ...(diverging && {
        tooltip: {
          callbacks: {
            label: (item: { dataset: { label?: string }; raw: unknown }) =>
              `${item.dataset.label ?? ''}: ${tick(Number(item.raw))}`,
          },
        },
      }),
    },
    scales: horizontal && bars ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
  };
}

/**
 * A chart on a canvas: created once, updated in place when its props change,
 * destroyed on unmount. Give it a new `key` to change `kind`.
 */
export function Chart(props: ChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ChartJS<ChartKind, Array<number | null> | TimePoint[], string> | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const current = latest.current;
    chartRef.current = new ChartJS<ChartKind, Array<number | null> | TimePoint[], string>(canvas, {
      type: current.kind,
      data: current.data,
      options: optionsFor(current),
      plugins: [
        valueLabels(
          () => latest.current.values,
          () => latest.current.stacked ?? false,
        ),
      ],
    });
    // The page is laid out anew for paper: fit the chart to its printed
    // width (print CSS keeps the canvas's aspect ratio), and back after.
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

  const { data, horizontal, stacked, percent, valueTitle, values, diverging, timeText, tickText } = props;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data = data;
    chart.options = optionsFor(latest.current);
    chart.update();
  }, [data, horizontal, stacked, percent, valueTitle, values, diverging, timeText, tickText]);

  return (
    <div className={`chart-box chart-box-${props.size ?? 'm'}`}>
      <canvas ref={canvasRef} role="img" aria-label={props.label} />
    </div>
  );
}
