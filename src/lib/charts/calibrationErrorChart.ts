// Expected and maximum calibration error per epoch, as two lines in percent. Built once per
// canvas, then fed one epoch at a time (append in place, update('none')).

import type { Chart, ChartDataset, LegendItem } from 'chart.js';
import type { Binning } from '../core/metrics';
import type { EpochMetrics } from '../core/types';
import { percentText } from '../state/story';
import { exactValue } from './lossChart';
import { epochScale, epochTooltipTitle, setEpochCount, strokeLegend } from './epochAxis';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { createHistoryTracker } from './streaming';
import { applyBaseTheme, scaleBorderWidths, type ChartTheme } from './theme';

/** A line point, or the band's floating bar from the interval's low to its high end. */
export interface CalibrationPoint {
  x: number;
  y: number | [number, number];
}
export type CalibrationErrorChart = Chart<'line' | 'bar', CalibrationPoint[]>;

const ECE = 0;
const MCE = 1;
const BAND = 2;

/** MCE dashed, so the two lines differ by more than hue. */
const MCE_DASH = [6, 4];

function line(
  label: string,
  width: number,
  dash: number[],
): ChartDataset<'line', CalibrationPoint[]> {
  return {
    type: 'line',
    label,
    data: [],
    borderWidth: width,
    borderDash: dash,
    pointRadius: 0,
    pointHoverRadius: 4,
    pointStyle: 'line',
  };
}

/** Legend entries drawn as strokes with each line's dash. */
function legendLabels(chart: Chart): LegendItem[] {
  const items = registeredChart().defaults.plugins.legend.labels.generateLabels(chart);
  return items.map((item) => ({
    ...item,
    pointStyle: item.datasetIndex === BAND ? 'rect' : 'line',
    lineDash: item.datasetIndex === MCE ? MCE_DASH : [],
  }));
}

export function createCalibrationErrorChart(
  canvas: HTMLCanvasElement,
  totalEpochs: number,
): CalibrationErrorChart {
  const ChartConstructor = registeredChart();
  // The bootstrap interval: one floating bar per epoch, touching its neighbours, so the bars read
  // as a band. The only dataset Chart.js parses: it turns [low, high] into a floating bar.
  const band: ChartDataset<'bar', CalibrationPoint[]> = {
    type: 'bar',
    label: 'ECE 90% bootstrap interval',
    data: [],
    parsing: { xAxisKey: 'x', yAxisKey: 'y' },
    barPercentage: 1,
    categoryPercentage: 1,
    borderWidth: 0,
    order: 1, // behind the lines
  };
  return new ChartConstructor<'line' | 'bar', CalibrationPoint[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        line('ECE: mean gap, weighted by examples', 3, []),
        line('MCE: largest gap in any bin', 2, MCE_DASH),
        band,
      ],
    },
    options: {
      ...STREAMING_OPTIONS,
      interaction: { mode: 'x', intersect: false },
      scales: {
        x: epochScale(totalEpochs),
        y: {
          type: 'linear',
          beginAtZero: true,
          suggestedMax: 0.1,
          title: { display: true, text: 'Calibration error' },
          ticks: { callback: (value) => percentText(Number(value)) },
        },
      },
      plugins: {
        legend: strokeLegend(legendLabels),
        tooltip: {
          callbacks: {
            title: epochTooltipTitle,
            label: (item) => {
              if (item.datasetIndex === BAND) {
                const point = item.raw as CalibrationPoint;
                return Array.isArray(point.y)
                  ? `ECE 90% interval: ${exactValue('accuracy', point.y[0])}–${exactValue('accuracy', point.y[1])}`
                  : '';
              }
              // Exact readouts (2 decimals of a percent), like the loss chart's.
              return `${item.datasetIndex === ECE ? 'ECE' : 'MCE'}: ${exactValue('accuracy', item.parsed.y ?? NaN)}`;
            },
          },
        },
      },
    },
  });
}

export function applyCalibrationErrorTheme(chart: CalibrationErrorChart, theme: ChartTheme): void {
  const datasets = chart.data.datasets;
  datasets[ECE].borderColor = theme.ece;
  datasets[ECE].backgroundColor = theme.ece;
  datasets[MCE].borderColor = theme.mce;
  datasets[MCE].backgroundColor = theme.mce;
  // The reliability diagram's translucent gap colour: visible under the lines, never hiding them.
  datasets[BAND].backgroundColor = theme.gap;
  datasets[BAND].borderColor = theme.gap;
  scaleBorderWidths(datasets, theme);
  applyBaseTheme(chart.options, theme);
}

/** An epoch's ECE, MCE and bootstrap interval under `binning`; NaN where the epoch lacks them (older runs). */
export function calibrationFigures(
  metrics: EpochMetrics,
  binning: Binning,
): { ece: number; mce: number; low: number; high: number } {
  const interval =
    binning === 'equal-mass' ? metrics.eceInterval?.equalMass : metrics.eceInterval?.equalWidth;
  return {
    ece: binning === 'equal-mass' ? (metrics.eceAdaptive ?? Number.NaN) : metrics.ece,
    mce: binning === 'equal-mass' ? (metrics.mceAdaptive ?? Number.NaN) : metrics.mce,
    low: interval?.low ?? Number.NaN,
    high: interval?.high ?? Number.NaN,
  };
}

/**
 * Append new epochs in place; start over when `epochs` no longer extends what is drawn or the
 * binning changed. Returns the number of epochs drawn and how many of them have a band.
 */
export function createCalibrationErrorSync(
  chart: CalibrationErrorChart,
): (
  epochs: readonly EpochMetrics[],
  totalEpochs: number,
  binning: Binning,
) => { points: number; bands: number } {
  const track = createHistoryTracker<EpochMetrics>();
  let drawnBinning: Binning | null = null;
  let bands = 0;
  return (epochs, totalEpochs, binning) => {
    const datasets = chart.data.datasets;
    let { restart, added } = track(epochs);
    if (binning !== drawnBinning) {
      restart = true;
      added = epochs;
      drawnBinning = binning;
    }
    if (restart) {
      for (const dataset of datasets) dataset.data = [];
      bands = 0;
    }
    for (const metrics of added) {
      const figures = calibrationFigures(metrics, binning);
      datasets[ECE].data.push({ x: metrics.epoch, y: figures.ece });
      datasets[MCE].data.push({ x: metrics.epoch, y: figures.mce });
      const hasBand = Number.isFinite(figures.low) && Number.isFinite(figures.high);
      // A plain NaN is skipped (a [NaN, NaN] pair would parse as 0).
      datasets[BAND].data.push({
        x: metrics.epoch,
        y: hasBand ? [figures.low, figures.high] : Number.NaN,
      });
      if (hasBand) bands++;
    }
    setEpochCount(chart, totalEpochs);
    chart.update('none');
    return { points: datasets[ECE].data.length, bands };
  };
}
