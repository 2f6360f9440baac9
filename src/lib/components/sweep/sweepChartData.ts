// What the sweep's two charts draw, as plain numbers: a figure per arm (mean, with the band the
// seeds span) in the arms' order, which is the setting's values in order for a grid; and each
// arm's seed-averaged validation-loss curve with its min–max band. Pure: tests read it.

import {
  seedAveragedCurve,
  SUMMARY_FIELDS,
  type SummaryKey,
  type SweepFile,
  type SweepTableRow,
} from '../../core/sweep';

export interface Point {
  x: number;
  y: number;
}

export interface MetricSeries {
  /** Arm labels, the x axis's categories. */
  labels: string[];
  /** x = the arm's index; arms without a finished run are left out. */
  mean: Point[];
  low: Point[];
  high: Point[];
  sdLow: Point[];
  sdHigh: Point[];
}

/** One figure per arm: its mean over seeds, min–max and ± sd bands. */
export function metricSeries(rows: readonly SweepTableRow[], key: SummaryKey): MetricSeries {
  const series: MetricSeries = { labels: [], mean: [], low: [], high: [], sdLow: [], sdHigh: [] };
  rows.forEach((row, x) => {
    series.labels.push(row.arm.label);
    const { spread } = row.cells[key];
    if (spread.count === 0 || !Number.isFinite(spread.mean)) return;
    const sd = Number.isFinite(spread.sd) ? spread.sd : 0;
    series.mean.push({ x, y: spread.mean });
    series.low.push({ x, y: spread.min });
    series.high.push({ x, y: spread.max });
    series.sdLow.push({ x, y: spread.mean - sd });
    series.sdHigh.push({ x, y: spread.mean + sd });
  });
  return series;
}

/** Longest line of an arm's tick label, in characters: seven arms share a half-width card. */
export const TICK_LINE_CHARS = 14;

/**
 * An arm's label as tick lines, broken at spaces into lines of at most `width` characters (a
 * longer word keeps its own line): Chart.js draws an array as stacked lines, so the labels of a
 * Remedies sweep stand level instead of slanting across the plot.
 */
export function tickLines(label: string, width = TICK_LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ').filter((part) => part.length > 0)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

/** The figures the metric chart offers, with their words. */
export const CHART_KEYS: readonly SummaryKey[] = [
  'finalNll',
  'temperatureNll',
  'finalEce',
  'temperatureEce',
  'finalBrier',
  'finalAccuracy',
  'bestNll',
  'bestEpoch',
];

export function metricLabel(key: SummaryKey): string {
  return SUMMARY_FIELDS[key].label;
}

export interface CurveSeries {
  arm: string;
  label: string;
  mean: Point[];
  low: Point[];
  high: Point[];
}

/** Each arm's validation loss (evaluation half) averaged over its seeds, per epoch. */
export function validationCurves(file: Pick<SweepFile, 'arms' | 'runs'>): CurveSeries[] {
  return file.arms.flatMap((arm) => {
    const band = seedAveragedCurve(file, arm.name, 'validationLoss');
    if (band.epoch.length === 0) return [];
    const at = (values: number[]) => band.epoch.map((x, k) => ({ x, y: values[k] }));
    return [
      {
        arm: arm.name,
        label: arm.label,
        mean: at(band.mean),
        low: at(band.min),
        high: at(band.max),
      },
    ];
  });
}
