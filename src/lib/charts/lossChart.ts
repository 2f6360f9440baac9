// The loss/accuracy chart's Chart.js side: built once per canvas, then fed one epoch at a time.
// Streaming habits from the Chart.js performance docs: no animation, no parsing ({x, y} points),
// fixed x bounds, points appended in place and `update('none')`. Optionally a previous run's
// validation lines drawn faint ("ghosts"), and a band between the two best epochs.
// The datasets' order is in lossSeries.ts, the per-epoch sync in lossSync.ts.

import type { Chart, ChartDataset, Point } from 'chart.js';
import { percentTicks, rightAxis, valueAxis } from './parts/axes';
import { epochBandPlugin } from './epochBand';
import { epochScale, epochTooltip } from './parts/epochAxis';
import { restyledLegend, strokeLegend } from './parts/legend';
import { dashOf, FIRST_OVERLAY, isMarker, lossDatasets } from './lossSeries';
import { exactValue } from './parts/readout';
import { lineChart } from './register';
import { applyBaseTheme, paintDatasets, scaleBorderWidths, type ChartTheme } from './theme';

export { exactValue } from './parts/readout';
export { createLossSync, ghostPoints, labelGhost, type Overlay } from './lossSync';

export type LossChart = Chart<'line', Point[]>;

/** Lines show as dashed/solid strokes in the legend, markers as their point style. */
const legendLabels = restyledLegend((item, chart) => {
  const index = item.datasetIndex ?? 0;
  if (isMarker(index)) return item;
  const dataset = chart.data.datasets[index] as ChartDataset<'line', Point[]>;
  return {
    ...item,
    pointStyle: 'line',
    lineDash: dashOf(index),
    lineWidth: typeof dataset.borderWidth === 'number' ? dataset.borderWidth : 2,
  };
});

export function createLossChart(canvas: HTMLCanvasElement, totalEpochs: number): LossChart {
  return lineChart(
    canvas,
    lossDatasets(),
    {
      // Every series at the hovered epoch. 'x' rather than 'index': the marker datasets hold one
      // point each, so an index would pair the ▲ with epoch 1 instead of its own epoch.
      interaction: { mode: 'x', intersect: false },
      scales: {
        x: epochScale(totalEpochs),
        loss: valueAxis('left', 'Loss (cross-entropy)', { beginAtZero: true }),
        accuracy: rightAxis('Accuracy', { suggestedMin: 0.5, max: 1, ticks: percentTicks() }),
      },
      plugins: {
        epochBand: { from: null, to: null, color: 'transparent' },
        legend: strokeLegend(
          legendLabels,
          // Markers join the legend once they exist.
          (item, data) => (data.datasets[item.datasetIndex ?? 0]?.data.length ?? 0) > 0,
        ),
        tooltip: epochTooltip(
          (item) => `${item.dataset.label}: ${exactValue(item.dataset.yAxisID, item.parsed.y)}`,
        ),
      },
    },
    [epochBandPlugin],
  );
}

/** Switches the loss axis between linear and logarithmic; the canvas says which in `data-loss-scale`. */
export function setLossScale(chart: LossChart, log: boolean): void {
  const scale = chart.options.scales?.['loss'];
  if (!scale) return;
  scale.type = log ? 'logarithmic' : 'linear';
  (scale as { beginAtZero?: boolean }).beginAtZero = !log; // a log axis has no zero
  if ('title' in scale && scale.title) {
    scale.title.text = log ? 'Loss (cross-entropy, log scale)' : 'Loss (cross-entropy)';
  }
  chart.update('none');
  chart.canvas.dataset['lossScale'] = chart.scales['loss']?.type ?? '';
}

export function applyLossTheme(chart: LossChart, theme: ChartTheme): void {
  const colours = [
    theme.validationLoss,
    theme.trainingLoss,
    theme.validationAccuracy,
    theme.trainingAccuracy,
    theme.validationLoss,
    theme.validationAccuracy,
    theme.ghostLoss,
    theme.ghostAccuracy,
    theme.validationLoss,
  ];
  const own = chart.data.datasets.slice(0, FIRST_OVERLAY); // compared runs keep their own hues
  // Markers: filled with their line's colour, outlined in the text colour to stand out.
  paintDatasets(
    own,
    (index) => colours[index],
    (index) => (isMarker(index) ? theme.text : colours[index]),
  );
  scaleBorderWidths(own, theme);
  const options = chart.options;
  // Set through the options proxy field by field: spreading the proxy would copy its internals.
  const band = options.plugins?.epochBand;
  if (band) band.color = theme.band;
  // Each y-axis title in its validation line's colour, so the axes say which line they measure.
  applyBaseTheme(options, theme, {
    loss: theme.validationLoss,
    accuracy: theme.validationAccuracy,
  });
}
