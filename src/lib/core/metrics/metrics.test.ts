import { describe, expect, it } from 'vitest';
import {
  crossEntropyFromLogits,
  LOGIT_GAP_EDGES,
  logitGapHistogram,
  predictedClass,
  validationMetrics,
} from './metrics';

describe('crossEntropyFromLogits', () => {
  it('matches hand-computed values', () => {
    // log(1 + e^-1.14) = 0.27750…
    expect(crossEntropyFromLogits(0.62, -0.52, 0)).toBeCloseTo(0.2775, 3);
    // Confidently wrong by a gap of 24: loss = 24 + log1p(e^-24) ≈ 24 + 3.8e-11.
    expect(Math.abs(crossEntropyFromLogits(12, -12, 1) - 24)).toBeLessThan(1e-6);
  });

  it('is stable for huge logits (no clipping, no overflow)', () => {
    expect(crossEntropyFromLogits(1000, -1000, 1)).toBe(2000);
    expect(crossEntropyFromLogits(1000, -1000, 0)).toBe(0);
    expect(crossEntropyFromLogits(-1e6, 1e6, 0)).toBe(2e6);
  });

  it('gives log 2 for equal logits', () => {
    expect(crossEntropyFromLogits(3, 3, 0)).toBeCloseTo(Math.LN2, 12);
    expect(crossEntropyFromLogits(3, 3, 1)).toBeCloseTo(Math.LN2, 12);
  });
});

describe('validationMetrics', () => {
  it('averages the loss and counts argmax hits', () => {
    const logits = new Float32Array([2, -1, 0.5, 1.5, 3, 0, -2, 4]);
    const labels = new Uint8Array([0, 1, 1, 1]);
    const { loss, accuracy } = validationMetrics(logits, labels);
    const expected =
      (crossEntropyFromLogits(2, -1, 0) +
        crossEntropyFromLogits(0.5, 1.5, 1) +
        crossEntropyFromLogits(3, 0, 1) +
        crossEntropyFromLogits(-2, 4, 1)) /
      4;
    expect(loss).toBeCloseTo(expected, 12);
    expect(accuracy).toBe(0.75);
  });

  it('breaks ties towards class 0', () => {
    expect(predictedClass(1, 1)).toBe(0);
    const logits = new Float32Array([1, 1, 1, 1]);
    expect(validationMetrics(logits, new Uint8Array([0, 1])).accuracy).toBe(0.5);
    expect(validationMetrics(logits, new Uint8Array([1, 1])).accuracy).toBe(0);
  });

  it('rejects mismatched lengths', () => {
    expect(() => validationMetrics(new Float32Array(3), new Uint8Array(2))).toThrow();
  });
});

describe('logitGapHistogram', () => {
  it('has 20 fixed bins from 0 to 30', () => {
    expect(LOGIT_GAP_EDGES).toHaveLength(21);
    expect(LOGIT_GAP_EDGES[0]).toBe(0);
    expect(LOGIT_GAP_EDGES[1]).toBe(1.5);
    expect(LOGIT_GAP_EDGES[20]).toBe(30);
  });

  it('bins |z1 − z0| split by correct and wrong, edges inclusive below, overflow in the last bin', () => {
    // [z0, z1, label] → gap, bin, correct?
    const examples: [number, number, 0 | 1][] = [
      [0, 0, 0], // gap 0 → bin 0, tie → class 0, correct
      [0, 1.4, 1], // 1.4 → bin 0, correct
      [0, 1.5, 0], // 1.5 exactly → bin 1, predicted 1, wrong
      [3, 0, 0], // 3 → bin 2, correct
      [0, 29.9, 1], // → bin 19, correct
      [30, 0, 1], // 30 exactly → last bin, wrong
      [0, 100, 1], // overflow → last bin, correct
      [-50, 50, 0], // overflow (100) → last bin, wrong
    ];
    const logits = new Float32Array(examples.flatMap(([z0, z1]) => [z0, z1]));
    const labels = new Uint8Array(examples.map(([, , label]) => label));
    const histogram = logitGapHistogram(logits, labels);
    const correct = new Array<number>(20).fill(0);
    const wrong = new Array<number>(20).fill(0);
    correct[0] = 2;
    wrong[1] = 1;
    correct[2] = 1;
    correct[19] = 2;
    wrong[19] = 2;
    expect(histogram.correct).toEqual(correct);
    expect(histogram.wrong).toEqual(wrong);
    expect(histogram.edges).toEqual([...LOGIT_GAP_EDGES]);
  });

  it('accepts custom edges and skips NaN gaps', () => {
    const logits = new Float32Array([0, 0.5, 0, 2, Number.NaN, 0, 0, 7]);
    const labels = new Uint8Array([1, 0, 1, 1]);
    const histogram = logitGapHistogram(logits, labels, [0, 1, 5]);
    expect(histogram.correct).toEqual([1, 1]);
    expect(histogram.wrong).toEqual([0, 1]);
  });
});
