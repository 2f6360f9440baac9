// The x-axis every per-epoch line chart shares: epochs 1 … total, whole numbers, and the tooltip
// title that names the epoch. One place, so the per-epoch charts line up and read alike.

import type { Chart, ChartDataset, ChartOptions, LegendItem, TooltipItem } from 'chart.js';
import { registeredChart, STREAMING_OPTIONS } from './register';

/** The epoch scale: from 1 to `totalEpochs` (at least 2, so one epoch still has an axis). */
export function epochScale(totalEpochs: number) {
  return {
    type: 'linear' as const,
    min: 1,
    max: Math.max(totalEpochs, 2),
    title: { display: true, text: 'Epoch' },
    ticks: { precision: 0 },
  };
}

/** Stretches the epoch axis to `totalEpochs` (a run's length is known only when it starts). */
export function setEpochCount(chart: Chart<'line' | 'bar', unknown[]>, totalEpochs: number): void {
  const xScale = chart.options.scales?.x;
  if (xScale) xScale.max = Math.max(totalEpochs, 2);
}

/** Tooltip title: "Epoch 12". */
export function epochTooltipTitle(items: TooltipItem<'line' | 'bar'>[]): string {
  return items.length > 0 ? `Epoch ${items[0].parsed.x}` : '';
}

/** A legend under the chart whose entries are drawn as each line's stroke (with its dash). */
export function strokeLegend(generateLabels: (chart: Chart) => LegendItem[]) {
  return {
    position: 'bottom' as const,
    labels: { usePointStyle: true, pointStyleWidth: 28, generateLabels },
  };
}

/** A line chart with the app's streaming options (register.ts) and `options` on top. */
export function lineChart<TData>(
  canvas: HTMLCanvasElement,
  datasets: ChartDataset<'line', TData[]>[],
  options: ChartOptions<'line'>,
): Chart<'line', TData[]> {
  const ChartConstructor = registeredChart();
  return new ChartConstructor<'line', TData[]>(canvas, {
    type: 'line',
    data: { datasets },
    options: { ...STREAMING_OPTIONS, ...options },
  });
}
