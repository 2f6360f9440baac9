import { describe, expect, it } from 'vitest';
import { validationMetrics } from './metrics';
import { mulberry32 } from './prng';
import {
  calibrationSplit,
  evaluateAtTemperature,
  fitTemperature,
  MIN_TEMPERATURE,
  nllAtTemperature,
  temperatureFit,
} from './temperature';

/** Standard normal draws (Box–Muller) from a seeded stream. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Calibrated by construction: gap g ~ N(0, 3²), label 1 with probability sigmoid(g), logits
 * [0, g]. Multiplying the logits by `scale` makes a network that is over-confident by
 * exactly that factor, so the NLL-optimal temperature is `scale`.
 */
function overConfident(count: number, scale: number, seed: number) {
  const random = mulberry32(seed);
  const logits = new Float32Array(2 * count);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const gap = 3 * normal(random);
    labels[i] = random() < 1 / (1 + Math.exp(-gap)) ? 1 : 0;
    logits[2 * i + 1] = scale * gap;
  }
  return { logits, labels };
}

describe('calibrationSplit', () => {
  it('sends even indices to calibration and odd ones to evaluation', () => {
    expect(calibrationSplit(5)).toEqual({ calibration: [0, 2, 4], evaluation: [1, 3] });
    expect(calibrationSplit(0)).toEqual({ calibration: [], evaluation: [] });
  });
});

describe('nllAtTemperature', () => {
  it('is the validation loss at T = 1 and the loss of logits / T otherwise', () => {
    const logits = new Float32Array([2, -1, 0.5, 1.5, 3, 0, -2, 4]);
    const labels = new Uint8Array([0, 1, 1, 1]);
    expect(nllAtTemperature(logits, labels, [0, 1, 2, 3], 1)).toBeCloseTo(
      validationMetrics(logits, labels).loss,
      12,
    );
    // Example 2 alone, T = 3: logits [1, 0], label 1 → loss 1 + log(1 + e^-1).
    expect(nllAtTemperature(logits, labels, [2], 3)).toBeCloseTo(1 + Math.log1p(Math.exp(-1)), 12);
    expect(() => nllAtTemperature(logits, labels, [0], -1)).toThrow(/Temperature/);
  });
});

describe('fitTemperature', () => {
  it('recovers the known over-confidence factor (T = 3 within 5%)', () => {
    const { logits, labels } = overConfident(20_000, 3, 17);
    const all = Array.from({ length: labels.length }, (_, i) => i);
    const T = fitTemperature(logits, labels, all);
    expect(Math.abs(T / 3 - 1)).toBeLessThan(0.05);
    // It is a minimum: nudging T either way costs NLL.
    const best = nllAtTemperature(logits, labels, all, T);
    expect(nllAtTemperature(logits, labels, all, T * 1.01)).toBeGreaterThan(best);
    expect(nllAtTemperature(logits, labels, all, T / 1.01)).toBeGreaterThan(best);
  });

  it('finds T < 1 for an under-confident network', () => {
    const { logits, labels } = overConfident(20_000, 0.5, 18);
    const T = fitTemperature(logits, labels, calibrationSplit(labels.length).calibration);
    expect(Math.abs(T / 0.5 - 1)).toBeLessThan(0.05);
  });

  it('returns 1 when the logits carry no scale and ignores non-finite logits', () => {
    const zeros = new Float32Array(8);
    const labels = new Uint8Array([0, 1, 0, 1]);
    expect(fitTemperature(zeros, labels, [0, 1, 2, 3])).toBe(1);
    expect(fitTemperature(new Float32Array([Number.NaN, 0]), new Uint8Array([0]), [0])).toBe(1);
    const { logits, labels: drawn } = overConfident(4000, 3, 19);
    logits[0] = Number.NaN;
    logits[3] = Number.POSITIVE_INFINITY;
    const T = fitTemperature(
      logits,
      drawn,
      Array.from({ length: drawn.length }, (_, i) => i),
    );
    expect(Number.isFinite(T)).toBe(true);
    expect(T).toBeGreaterThan(2);
  });

  it('runs to the lower bound when every example is right with a margin (separable)', () => {
    const logits = new Float32Array([3, 0, 0, 2, 1, 0]);
    const labels = new Uint8Array([0, 1, 0]);
    expect(fitTemperature(logits, labels, [0, 1, 2])).toBeCloseTo(MIN_TEMPERATURE, 6);
  });
});

describe('temperatureFit', () => {
  it('fits on the even half and improves NLL and ECE on the odd half, accuracy unchanged', () => {
    const { logits, labels } = overConfident(4000, 3, 21);
    const fit = temperatureFit(logits, labels);
    expect(fit.calibrationCount).toBe(2000);
    expect(fit.evaluationCount).toBe(2000);
    expect(fit.T).toBeGreaterThan(2.5);
    expect(fit.T).toBeLessThan(3.5);
    expect(fit.nllAfter).toBeLessThan(fit.nllBefore);
    expect(fit.eceAfter).toBeLessThan(fit.eceBefore);
    expect(fit.accuracyAfter).toBe(fit.accuracyBefore);
    const odd = calibrationSplit(4000).evaluation;
    const before = evaluateAtTemperature(logits, labels, odd, 1);
    expect(before.nll).toBe(fit.nllBefore);
    expect(before.lossCorrect + before.lossWrong).toBeCloseTo(before.nll, 12);
    expect(before.reliability.count.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(before.mce).toBeGreaterThanOrEqual(before.ece);
  });
});
