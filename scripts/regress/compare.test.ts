import { describe, expect, it } from 'vitest';
// The whole module under test, named where it is called.
import * as compare from './compare.mjs';

function run(validationLoss: number[], validationAccuracy: number[]) {
  return {
    environment: { adapter: 'SwiftShader', userAgent: 'test', tfjs: '4.22.0' },
    epochs: validationLoss.map((loss, i) => ({
      epoch: i + 1,
      validationLoss: loss,
      validationAccuracy: validationAccuracy[i],
      trainLoss: loss / 2,
      trainAccuracy: 0.9,
      imagesPerSecond: 100,
      logitGapHistogram: { edges: [0, 1], correct: [1], wrong: [0] },
    })),
    validation: { labels: [0], logits: [[1, 0]] },
  };
}

const recorded = run([0.5, 0.4, 0.45], [0.8, 0.85, 0.86]);
const tolerance = { abs: 0.01, rel: 0 };

describe('baselines', () => {
  it('keep per-epoch metrics only: no logits, histograms or timings', () => {
    const baseline = compare.baselineFromRun({ name: 'tiny', hash: 'train=64' }, 'webgl', recorded);
    expect(baseline.metrics).toEqual({
      validationLoss: [0.5, 0.4, 0.45],
      validationAccuracy: [0.8, 0.85, 0.86],
      trainLoss: [0.25, 0.2, 0.225],
      trainAccuracy: [0.9, 0.9, 0.9],
    });
    expect(JSON.stringify(baseline)).not.toMatch(/logits|imagesPerSecond|Histogram/);
  });
});

describe('worstEpoch', () => {
  it('passes numbers within abs + rel·|baseline| and names the worst epoch', () => {
    expect(compare.worstEpoch([0.5, 0.4], [0.509, 0.4], tolerance).share).toBeCloseTo(0.9);
    const drifted = compare.worstEpoch([0.5, 0.4, 0.45], [0.5, 0.43, 0.452], tolerance);
    expect(drifted).toMatchObject({ epoch: 2, baseline: 0.4, now: 0.43 });
    expect(drifted.share).toBeCloseTo(3);
    expect(compare.worstEpoch([100], [100.5], { abs: 0, rel: 0.01 }).share).toBeCloseTo(0.5);
  });

  it('fails NaN, missing metrics and a different number of epochs', () => {
    expect(compare.worstEpoch([0.5], [Number.NaN], tolerance).share).toBe(Infinity);
    expect(compare.worstEpoch([0.5], undefined, tolerance).share).toBe(Infinity);
    expect(compare.worstEpoch([0.5, 0.4], [0.5], tolerance).share).toBe(Infinity);
  });
});

describe('largestDifference', () => {
  it('measures agreement at one epoch or drift over every epoch', () => {
    const series = [
      [0.5, 0.4],
      [0.5000001, 0.41],
      [0.5000003, 0.4],
    ];
    expect(compare.largestDifference(series, 1)).toBeCloseTo(3e-7, 12);
    expect(compare.largestDifference(series)).toBeCloseTo(0.01, 12);
    expect(compare.largestDifference([[0.5], [0.5]])).toBe(0);
    expect(compare.largestDifference([[0.5], [Number.NaN]])).toBe(Infinity);
  });
});

describe('phenomenon', () => {
  it('gives the loss rise over the minimum and the accuracy drop from the best', () => {
    const { lossRise, accuracyDropPoints } = compare.phenomenon(
      compare.metricSeries(run([0.5, 0.4, 0.5], [0.8, 0.9, 0.88])),
    );
    expect(lossRise).toBeCloseTo(0.25);
    expect(accuracyDropPoints).toBeCloseTo(2);
  });
});

describe('parseSpec', () => {
  const entry = { name: 'tiny', hash: 'train=64', backends: ['webgl'] };

  it('fills defaults and merges tolerance overrides', () => {
    const [parsed] = compare.parseSpec(
      [{ ...entry, tolerance: { ece: { abs: 0.5 } } }],
      ['webgl', 'webgpu'],
    );
    expect(parsed).toMatchObject({ baseline: true, repeat: 1, expect: null, agree: null });
    expect(parsed.tolerance.ece).toEqual({ abs: 0.5, rel: 0 });
    expect(parsed.tolerance.validationLoss).toEqual({ abs: 1e-4, rel: 1e-3 });
  });

  it('fails loudly on an unknown backend, key or metric, and on a backend in the hash', () => {
    expect(() => compare.parseSpec([{ ...entry, backends: ['wasm'] }], ['webgl'])).toThrow(
      /unknown backend "wasm"/,
    );
    expect(() => compare.parseSpec([{ ...entry, epochs: 3 }], ['webgl'])).toThrow(
      /unknown key epochs/,
    );
    expect(() => compare.parseSpec([{ ...entry, tolerance: { loss: {} } }], ['webgl'])).toThrow(
      /loss/,
    );
    expect(() => compare.parseSpec([{ ...entry, hash: 'backend=cpu' }], ['webgl'])).toThrow(
      /backend/,
    );
    expect(() => compare.parseSpec([entry, entry], ['webgl'])).toThrow(/two entries/);
  });
});
