import { describe, expect, it } from 'vitest';
import { sweepTable } from '../../core/sweep';
import { fixtureSweep } from '../../core/sweep/sweepFile.fixture';
import { metricSeries, tickLines, validationCurves } from './sweepChartData';

// The fixture's final NLL is 0.1 + 0.05 · arm + 0.001 · seed (seeds 1 and 2); its validation
// loss per epoch is [0.5, 0.41, 0.46 − 0.1 · arm] on every seed.
const file = fixtureSweep();

describe('what the sweep charts draw', () => {
  it('a figure per arm: the mean over seeds with min–max and ± sd bands', () => {
    const series = metricSeries(sweepTable(file), 'finalNll');
    expect(series.labels).toEqual(['smoothing 0', 'smoothing 0.1']);
    expect(series.mean.map((p) => p.x)).toEqual([0, 1]);
    expect(series.mean[0].y).toBeCloseTo(0.1015, 12);
    expect(series.mean[1].y).toBeCloseTo(0.1515, 12);
    expect(series.low[0].y).toBeCloseTo(0.101, 12);
    expect(series.high[0].y).toBeCloseTo(0.102, 12);
    // sd of {0.101, 0.102} (n − 1) = 0.0005 · √2.
    expect(series.sdHigh[0].y - series.mean[0].y).toBeCloseTo(0.0005 * Math.SQRT2, 12);
  });

  it('leaves out an arm with no finished run', () => {
    const half = { ...file, runs: file.runs.filter((run) => run.arm === 'smoothing=0') };
    const series = metricSeries(sweepTable(half), 'finalNll');
    expect(series.labels).toHaveLength(2);
    expect(series.mean.map((p) => p.x)).toEqual([0]);
  });

  it('each arm’s validation loss per epoch, averaged over its seeds', () => {
    const curves = validationCurves(file);
    expect(curves.map((curve) => curve.label)).toEqual(['smoothing 0', 'smoothing 0.1']);
    expect(curves[1].mean.map((p) => [p.x, Number(p.y.toFixed(12))])).toEqual([
      [1, 0.5],
      [2, 0.41],
      [3, 0.36],
    ]);
    expect(curves[1].low).toEqual(curves[1].high); // the seeds' curves are equal here
  });
});

describe('arm labels as tick lines', () => {
  it('breaks at spaces into lines of at most 14 characters', () => {
    expect(tickLines('plain cross-entropy')).toEqual(['plain', 'cross-entropy']);
    expect(tickLines('early stopping on loss (patience 5)')).toEqual([
      'early stopping',
      'on loss',
      '(patience 5)',
    ]);
    expect(tickLines('L2 λ = 0.001')).toEqual(['L2 λ = 0.001']);
  });

  it('keeps a word longer than a line whole, on its own line', () => {
    expect(tickLines('smoothing=0.1*model=small x', 10)).toEqual([
      'smoothing=0.1*model=small',
      'x',
    ]);
    expect(tickLines('')).toEqual([]);
  });
});
