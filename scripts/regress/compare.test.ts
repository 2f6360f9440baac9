import { describe, expect, it } from 'vitest';
import {
  baselineFromRun,
  curvesSvg,
  largestDifference,
  metricSeries,
  parseSpec,
  phenomenon,
  worstEpoch,
} from './compare.mjs';

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
    const baseline = baselineFromRun({ name: 'tiny', hash: 'train=64' }, 'webgl', recorded);
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
    expect(worstEpoch([0.5, 0.4], [0.509, 0.4], tolerance).share).toBeCloseTo(0.9);
    const drifted = worstEpoch([0.5, 0.4, 0.45], [0.5, 0.43, 0.452], tolerance);
    expect(drifted).toMatchObject({ epoch: 2, baseline: 0.4, now: 0.43 });
    expect(drifted.share).toBeCloseTo(3);
    expect(worstEpoch([100], [100.5], { abs: 0, rel: 0.01 }).share).toBeCloseTo(0.5);
  });

  it('fails NaN, missing metrics and a different number of epochs', () => {
    expect(worstEpoch([0.5], [Number.NaN], tolerance).share).toBe(Infinity);
    expect(worstEpoch([0.5], undefined, tolerance).share).toBe(Infinity);
    expect(worstEpoch([0.5, 0.4], [0.5], tolerance).share).toBe(Infinity);
  });
});

describe('largestDifference', () => {
  it('measures agreement at one epoch or drift over every epoch', () => {
    const series = [
      [0.5, 0.4],
      [0.5000001, 0.41],
      [0.5000003, 0.4],
    ];
    expect(largestDifference(series, 1)).toBeCloseTo(3e-7, 12);
    expect(largestDifference(series)).toBeCloseTo(0.01, 12);
    expect(largestDifference([[0.5], [0.5]])).toBe(0);
    expect(largestDifference([[0.5], [Number.NaN]])).toBe(Infinity);
  });
});

describe('phenomenon', () => {
  it('gives the loss rise over the minimum and the accuracy drop from the best', () => {
    const { lossRise, accuracyDropPoints } = phenomenon(
      metricSeries(run([0.5, 0.4, 0.5], [0.8, 0.9, 0.88])),
    );
    expect(lossRise).toBeCloseTo(0.25);
    expect(accuracyDropPoints).toBeCloseTo(2);
  });
});

describe('parseSpec', () => {
  const entry = { name: 'tiny', hash: 'train=64', backends: ['webgl'] };

  it('fills defaults and merges tolerance overrides', () => {
    const [parsed] = parseSpec(
      [{ ...entry, tolerance: { ece: { abs: 0.5 } } }],
      ['webgl', 'webgpu'],
    );
    expect(parsed).toMatchObject({ baseline: true, repeat: 1, expect: null, agree: null });
    expect(parsed.tolerance.ece).toEqual({ abs: 0.5, rel: 0 });
    expect(parsed.tolerance.validationLoss).toEqual({ abs: 1e-4, rel: 1e-3 });
  });

  it('fails loudly on an unknown backend, key or metric, and on a backend in the hash', () => {
    expect(() => parseSpec([{ ...entry, backends: ['wasm'] }], ['webgl'])).toThrow(
      /unknown backend "wasm"/,
    );
    expect(() => parseSpec([{ ...entry, epochs: 3 }], ['webgl'])).toThrow(/unknown key epochs/);
    expect(() => parseSpec([{ ...entry, tolerance: { loss: {} } }], ['webgl'])).toThrow(/loss/);
    expect(() => parseSpec([{ ...entry, hash: 'backend=cpu' }], ['webgl'])).toThrow(/backend/);
    expect(() => parseSpec([entry, entry], ['webgl'])).toThrow(/two entries/);
  });
});

describe('curvesSvg', () => {
  it('draws baseline and now for each charted metric and escapes text', () => {
    const now = metricSeries(recorded);
    const svg = curvesSvg({ validationLoss: [0.5, 0.41, 0.44] }, now);
    expect(svg.match(/<polyline/g)).toHaveLength(4); // 2 loss curves, accuracy, train loss
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('ece: none');
    expect(svg).not.toMatch(/NaN|undefined/);
  });
});
