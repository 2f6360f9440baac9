// The x-axis every per-epoch line chart shares: epochs 1 … total, whole numbers, and the tooltip
// title that names the epoch. One place, so the per-epoch charts line up and read alike.

import type { Chart, TooltipItem } from 'chart.js';

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

type EpochTooltipItem = TooltipItem<'line' | 'bar'>;

/** A tooltip titled with the hovered epoch, one `label` line per series (and a `footer`). */
export function epochTooltip(
  label: (item: EpochTooltipItem) => string,
  footer?: (items: EpochTooltipItem[]) => string,
) {
  return {
    callbacks: { title: epochTooltipTitle, label, ...(footer === undefined ? {} : { footer }) },
  };
}
