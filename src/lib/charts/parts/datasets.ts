// The dataset shapes the charts here share: a line drawn as a stroke (its legend entry too), a
// fixed curve without points, a one-point marker and a bar. One factory each, so a line in one
// chart looks and hovers like a line in the next; each chart adds only what is its own.

import type { ChartDataset } from 'chart.js';

/** A point, or a bar floating from y[0] to y[1]: Chart.js' [start, end] form. */
export interface FloatingBarPoint {
  x: number;
  y: number | [number, number];
}

/** An empty series on `yAxisID`, when given (absent: the chart's first y-axis). */
function emptySeries<TData>(label: string, yAxisID: string | undefined) {
  return { label, data: [] as TData[], ...(yAxisID === undefined ? {} : { yAxisID }) };
}

/** A streaming line: no points until hovered, shown in the legend as its stroke. */
export function strokeLine<TData>(
  label: string,
  width: number,
  dash: readonly number[],
  yAxisID?: string,
): ChartDataset<'line', TData[]> {
  return {
    ...emptySeries<TData>(label, yAxisID),
    borderWidth: width,
    borderDash: [...dash],
    pointRadius: 0,
    pointHoverRadius: 4,
    pointStyle: 'line',
  };
}

/** A fixed curve (a function of the logit gap): no points, nothing to hover. */
export function fixedCurve<TData>(
  label: string,
  data: TData[],
  dash: readonly number[],
): ChartDataset<'line', TData[]> {
  return {
    label,
    data,
    borderWidth: 2.5,
    borderDash: [...dash],
    pointRadius: 0,
    pointHoverRadius: 0,
  };
}

/**
 * A one-point marker drawn over the lines, `radiusPx` across. Clipped only past its hover size,
 * so a marker at an axis bound (epoch 1, gap 0) stays whole.
 */
export function pointMarker<TData>(
  label: string,
  radiusPx: number,
  style?: 'circle' | 'triangle' | 'rectRot',
  yAxisID?: string,
): ChartDataset<'line', TData[]> {
  return {
    ...emptySeries<TData>(label, yAxisID),
    showLine: false,
    ...(style === undefined ? {} : { pointStyle: style }),
    pointRadius: radiusPx,
    pointHoverRadius: radiusPx + 2,
    borderWidth: 2,
    clip: radiusPx + 2,
  };
}

/** A bar filling its whole category slot's width share (`categoryPercentage`); `extra` adds axis, stack…. */
export function barDataset<TData>(
  label: string,
  borderWidth: number,
  categoryPercentage: number,
  extra: Partial<ChartDataset<'bar', TData[]>> = {},
): ChartDataset<'bar', TData[]> {
  return {
    type: 'bar',
    label,
    data: [],
    ...extra,
    borderWidth,
    barPercentage: 1,
    categoryPercentage,
  };
}
