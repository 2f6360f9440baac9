// The loss chart's "after scaling" curve: each epoch's NLL on the evaluation half after the
// temperature fitted on its calibration half (core/metrics fixes), drawn beside the raw
// validation loss. A dataset of its own, kept last (after any compared runs), so the chart's
// fixed dataset order (lossSeries.ts) is untouched; Chart.js tells it apart by identity.

import type { Chart, ChartDataset, Point } from 'chart.js';
import { strokeLine } from './datasets';

export const SCALED_LOSS_LABEL = 'Loss after temperature scaling (evaluation half)';
/** Dash-dot: apart from the training lines' dashes, the ghosts' dots and the compared runs'. */
export const SCALED_LOSS_DASH = [8, 3, 2, 3];
/** Okabe–Ito orange: no other line of the loss chart uses it. */
export const SCALED_LOSS_COLOUR = '#e69f00';

const scaledDatasets = new WeakSet<object>();

/** The curve's dataset: one point per epoch (x = epoch e at index e − 1); null leaves a gap. */
export function scaledLossDataset(
  scaled: readonly (number | null)[],
): ChartDataset<'line', Point[]> {
  const dataset = strokeLine<Point>(SCALED_LOSS_LABEL, 2.5, SCALED_LOSS_DASH, 'loss');
  // NaN is a gap to Chart.js: an epoch without a fit is not drawn as zero or bridged.
  dataset.data = scaled.map((value, index) => ({ x: index + 1, y: value ?? Number.NaN }));
  dataset.spanGaps = false;
  dataset.borderColor = SCALED_LOSS_COLOUR;
  dataset.backgroundColor = SCALED_LOSS_COLOUR;
  scaledDatasets.add(dataset);
  return dataset;
}

/**
 * Puts the curve for `scaled` last on `chart`, replacing any earlier one, or removes it (null).
 * Returns whether the datasets changed (the caller then updates the chart).
 */
export function showScaledLoss(
  chart: Pick<Chart<'line', Point[]>, 'data'>,
  scaled: readonly (number | null)[] | null,
  shown: { current: readonly (number | null)[] | null },
): boolean {
  const datasets = chart.data.datasets;
  const index = datasets.findIndex((dataset) => scaledDatasets.has(dataset));
  // Still drawn and the same array: nothing to do (a compared-run change may have dropped it).
  if (scaled === shown.current && index >= 0 === (scaled !== null)) return false;
  if (index >= 0) datasets.splice(index, 1);
  if (scaled !== null) datasets.push(scaledLossDataset(scaled));
  shown.current = scaled;
  return true;
}
