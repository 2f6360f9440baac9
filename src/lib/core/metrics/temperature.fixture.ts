// Logits with a known over-confidence factor, for the temperature-scaling tests: calibrated by
// construction, then multiplied by `scale`, so the NLL-optimal temperature is `scale`. And the
// checks every such test makes of a fit.

import { expect } from 'vitest';
import { allRows, expectRelativelyClose } from './logits.fixture';
import { mulberry32 } from '../prng';
import { fitTemperature, nllAtTemperature, type TemperatureFit } from './temperature';
import type { Labels } from '../types';

/** Standard normal draws (Box–Muller) from a seeded stream. */
export function standardNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Two classes: gap g ~ N(0, 3²), label 1 with probability sigmoid(g), logits [0, g × scale].
 */
export function overConfidentPairs(count: number, scale: number, seed: number) {
  const random = mulberry32(seed);
  const logits = new Float32Array(2 * count);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const gap = 3 * standardNormal(random);
    labels[i] = random() < 1 / (1 + Math.exp(-gap)) ? 1 : 0;
    logits[2 * i + 1] = scale * gap;
  }
  return { logits, labels };
}

/** K classes: logits z ~ N(0, spread²) per class, the label drawn from softmax(z), then z × scale. */
export function overConfidentClasses(
  count: number,
  classes: number,
  scale: number,
  spread: number,
  seed: number,
) {
  const random = mulberry32(seed);
  const logits = new Float32Array(count * classes);
  const labels = new Uint16Array(count);
  const weights = new Float64Array(classes);
  for (let i = 0; i < count; i++) {
    let total = 0;
    for (let k = 0; k < classes; k++) {
      const z = spread * standardNormal(random);
      logits[i * classes + k] = scale * z;
      weights[k] = Math.exp(z);
      total += weights[k];
    }
    let draw = random() * total;
    let label = 0;
    while (label < classes - 1 && draw >= weights[label]) draw -= weights[label++];
    labels[i] = label;
  }
  return { logits, labels };
}

/** Fitting on every row recovers `scale` within 5 %, inside the range, at a true minimum. */
export function expectRecoveredScale(
  { logits, labels }: { logits: Float32Array; labels: Labels },
  scale: number,
): void {
  const all = allRows(labels.length);
  const { T, bound } = fitTemperature(logits, labels, all);
  expectRelativelyClose(T, scale, 0.05);
  expect(bound).toBeNull();
  // It is a minimum: nudging T either way costs NLL.
  const best = nllAtTemperature(logits, labels, all, T);
  expect(nllAtTemperature(logits, labels, all, T * 1.01)).toBeGreaterThan(best);
  expect(nllAtTemperature(logits, labels, all, T / 1.01)).toBeGreaterThan(best);
}

/** The fitted T helps the held-out half: lower NLL and ECE there, the same accuracy. */
export function expectImprovedEvaluationHalf(fit: TemperatureFit): void {
  expect(fit.nllAfter).toBeLessThan(fit.nllBefore);
  expect(fit.eceAfter).toBeLessThan(fit.eceBefore);
  expect(fit.accuracyAfter).toBe(fit.accuracyBefore);
}
