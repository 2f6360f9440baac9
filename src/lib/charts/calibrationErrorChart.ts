// Expected and maximum calibration error per epoch, as two lines in percent, with the bootstrap
// band for the population ECE drawn around its bias-corrected estimate (core/metrics/
// bootstrapInterval.ts). Built once per canvas, then fed one epoch at a time (append in place,
// update('none')).

import type { Chart, ChartDataset, LegendItem } from 'chart.js';
import type { Binning } from '../core/metrics';
import type { EceInterval, EceIntervalMethod, EpochMetrics } from '../core/types';
import { percentText } from '../state/story';
import { axisTitle } from './parts/axes';
import { barDataset, strokeLine, type FloatingBarPoint } from './parts/datasets';
import { epochScale, epochTooltip, setEpochCount } from './parts/epochAxis';
import { restyledLegend, strokeLegend } from './parts/legend';
import { exactValue } from './parts/readout';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { createHistoryTracker } from './parts/streaming';
import { applyStrokesAndBase, paintDatasets, type ChartTheme } from './theme';

/** A line point, or the band's floating bar from the interval's low to its high end. */
export type CalibrationPoint = FloatingBarPoint;
export type CalibrationErrorChart = Chart<'line' | 'bar', CalibrationPoint[]>;

const ECE = 0;
const MCE = 1;
const BAND = 2;
const ESTIMATE = 3;

/** MCE dashed, so the two lines differ by more than hue. */
const MCE_DASH = [6, 4];
/** The corrected estimate dotted and thin: the band's centre, not a second headline. */
const ESTIMATE_DASH = [2, 3];

/** What each method's band is, in the legend, the tooltip and the captions. */
const METHOD_NAMES: Record<EceIntervalMethod, string> = {
  'basic-bootstrap': 'basic bootstrap',
  percentile: 'percentile bootstrap, older file',
};

/**
 * The band's method. Runs saved in this browser before `method` existed lack it and hold
 * percentile bands, as older files do (core/files/runFileEpochs.ts reads those so).
 */
export function eceBandMethod(interval: { method?: EceIntervalMethod }): EceIntervalMethod {
  return interval.method ?? 'percentile';
}

/** e.g. "basic bootstrap": how the band was made, as every label names it. */
export function eceBandMethodName(interval: { method?: EceIntervalMethod }): string {
  return METHOD_NAMES[eceBandMethod(interval)];
}

/** e.g. "90% band (basic bootstrap)": the band's level and method. */
export function eceBandName(
  interval: Pick<EceInterval, 'level'> & { method?: EceIntervalMethod },
): string {
  return `${Math.round(interval.level * 100)}% band (${eceBandMethodName(interval)})`;
}

/** The legend entry of the band before any epoch says its method. */
const BAND_LABEL = 'ECE band';

/** Legend entries drawn as strokes with each line's dash, the band as a filled box. */
const legendLabels = restyledLegend((item) => ({
  ...item,
  pointStyle: item.datasetIndex === BAND ? 'rect' : 'line',
  lineDash:
    item.datasetIndex === MCE ? MCE_DASH : item.datasetIndex === ESTIMATE ? ESTIMATE_DASH : [],
}));

/** The estimate's legend entry only while some epoch has one: percentile bands (older files) have none. */
function hasEstimateOrIsNotIt(item: LegendItem, data: Chart['data']): boolean {
  if (item.datasetIndex !== ESTIMATE) return true;
  return (data.datasets[ESTIMATE].data as CalibrationPoint[]).some((point) =>
    Number.isFinite(point.y),
  );
}

export function createCalibrationErrorChart(
  canvas: HTMLCanvasElement,
  totalEpochs: number,
): CalibrationErrorChart {
  // The bootstrap band: one floating bar per epoch, touching its neighbours, so the bars read
  // as a band. The only dataset Chart.js parses: it turns [low, high] into a floating bar. Its
  // label names the method once an epoch has one (createCalibrationErrorSync).
  const band = barDataset<CalibrationPoint>(BAND_LABEL, 0, 1, {
    parsing: { xAxisKey: 'x', yAxisKey: 'y' },
    order: 1, // behind the lines
  });
  const line = (label: string, width: number, dash: readonly number[]) => ({
    ...strokeLine<CalibrationPoint>(label, width, dash),
    type: 'line' as const,
  });
  return new (registeredChart())<'line' | 'bar', CalibrationPoint[]>(canvas, {
    type: 'line',
    data: {
      datasets: [
        line('ECE: mean gap, weighted by examples', 3, []),
        line('MCE: largest gap in any bin', 2, MCE_DASH),
        band,
        line('ECE, bias-corrected: the band’s centre', 1.5, ESTIMATE_DASH),
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
          title: axisTitle('Calibration error'),
          ticks: { callback: (value) => percentText(Number(value)) },
        },
      },
      plugins: {
        legend: strokeLegend(legendLabels, hasEstimateOrIsNotIt),
        tooltip: epochTooltip((item) => {
          if (item.datasetIndex === BAND) {
            const point = item.raw as CalibrationPoint;
            return Array.isArray(point.y)
              ? `${band.label}: ${exactValue('accuracy', point.y[0])}–${exactValue('accuracy', point.y[1])}`
              : '';
          }
          // Exact readouts (2 decimals of a percent), like the loss chart's.
          const name = ['ECE', 'MCE', '', 'ECE, bias-corrected'][item.datasetIndex];
          return `${name}: ${exactValue('accuracy', item.parsed.y ?? NaN)}`;
        }),
      },
    },
  });
}

export function applyCalibrationErrorTheme(chart: CalibrationErrorChart, theme: ChartTheme): void {
  const datasets = chart.data.datasets;
  // The band in the reliability diagram's translucent gap colour: visible under the lines, never
  // hiding them.
  const colours = [theme.ece, theme.mce, theme.gap, theme.ece];
  paintDatasets(datasets, (index) => colours[index]);
  applyStrokesAndBase(chart, theme);
}

/**
 * An epoch's plug-in ECE, MCE, bootstrap band and its bias-corrected estimate under `binning`;
 * NaN where the epoch lacks them (older runs; percentile bands have no estimate).
 */
export function calibrationFigures(
  metrics: EpochMetrics,
  binning: Binning,
): { ece: number; mce: number; low: number; high: number; estimate: number } {
  const interval =
    binning === 'equal-mass' ? metrics.eceInterval?.equalMass : metrics.eceInterval?.equalWidth;
  return {
    ece: binning === 'equal-mass' ? (metrics.eceAdaptive ?? Number.NaN) : metrics.ece,
    mce: binning === 'equal-mass' ? (metrics.mceAdaptive ?? Number.NaN) : metrics.mce,
    low: interval?.low ?? Number.NaN,
    high: interval?.high ?? Number.NaN,
    estimate: interval?.estimate ?? Number.NaN,
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
      datasets[BAND].label = BAND_LABEL;
      bands = 0;
    }
    for (const metrics of added) {
      const figures = calibrationFigures(metrics, binning);
      datasets[ECE].data.push({ x: metrics.epoch, y: figures.ece });
      datasets[MCE].data.push({ x: metrics.epoch, y: figures.mce });
      datasets[ESTIMATE].data.push({ x: metrics.epoch, y: figures.estimate });
      if (metrics.eceInterval) datasets[BAND].label = `ECE ${eceBandName(metrics.eceInterval)}`;
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
