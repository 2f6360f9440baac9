import { describe, expect, it } from 'vitest';
import { confidenceBin, reliabilityEdges } from './calibration';
import { fitIsotonic } from './isotonic';
import { gapLogits } from './logits.fixture';
import { isotonicFigures } from './posthocFigures';

const EDGES = reliabilityEdges(15);

describe('isotonic figures in float64', () => {
  it('bins an output of exactly 13/15 as a probability, where float32 log-odds flip its bin', () => {
    // 13/15 is the upper edge of bin 12, (12/15, 13/15]: binned as a probability it stays there.
    expect(confidenceBin(13 / 15, EDGES)).toBe(12);
    // Through float32 log-odds, fround(ln(13/2)) turns back into 0.8666666706 > 13/15: bin 13.
    const viaFloat32 = 1 / (1 + Math.exp(-Math.fround(Math.log(13 / 2))));
    expect(confidenceBin(viaFloat32, EDGES)).toBe(13);

    // Calibration examples 0–19 at gap 0 (17 of class 1: p = 17/20 = 0.85, bin 12) and 20–34 at
    // gap 1 (13 of class 1: p = 13/15): two steps, already rising, so nothing pools.
    const gaps = [...Array<number>(20).fill(0), ...Array<number>(15).fill(1), 1, 0];
    const labels = Uint8Array.from([
      ...Array.from({ length: 20 }, (_, i) => (i < 17 ? 1 : 0)),
      ...Array.from({ length: 15 }, (_, i) => (i < 13 ? 1 : 0)),
      1, // example 35: gap 1, p₁ = 13/15, right
      0, // example 36: gap 0, p₁ = 0.85, wrong (confidence 0.85 in class 1)
    ]);
    const logits = gapLogits(gaps);
    const steps = fitIsotonic(
      logits,
      labels,
      Array.from({ length: 35 }, (_, i) => i),
    );
    expect(steps.map(({ p, count, positives }) => [p, count, positives])).toEqual([
      [17 / 20, 20, 17],
      [13 / 15, 15, 13],
    ]);
    const figures = isotonicFigures(logits, labels, steps, [35, 36]);
    // Both in bin 12: accuracy 1/2, confidence (104/120 + 102/120)/2 = 103/120; ECE = 43/120.
    // (Had 13/15 flipped to bin 13, ECE would be (2/15 + 17/20)/2 = 59/120.)
    expect(figures.ece).toBeCloseTo(43 / 120, 12);
    expect(figures.accuracy).toBe(0.5);
    // NLL: −ln(13/15) and −ln(3/20) (class 0's share of the 0.85 step, 3 of 20), averaged.
    expect(figures.nll).toBeCloseTo((Math.log(15 / 13) + Math.log(20 / 3)) / 2, 12);
  });

  it('reads class 0’s probability as the step’s own fraction, not 1 − p₁', () => {
    // A step with 5 of 15 in class 1: class 0's confidence is 10/15 = 2/3 exactly, the upper
    // edge of bin 9; 1 − 5/15 in float64 is one bit above it and would land in bin 10.
    expect(confidenceBin(1 - 5 / 15, EDGES)).toBe(10);
    expect(confidenceBin(10 / 15, EDGES)).toBe(9);
    // Steps: gap 0, 5 of 15 in class 1 (class 0: 10/15); gap 1, 7 of 20 (class 0: 13/20 = 0.65).
    const gaps = [...Array<number>(15).fill(0), ...Array<number>(20).fill(1), 0, 1];
    const labels = Uint8Array.from([
      ...Array.from({ length: 15 }, (_, i) => (i < 5 ? 1 : 0)),
      ...Array.from({ length: 20 }, (_, i) => (i < 7 ? 1 : 0)),
      0, // example 35: gap 0, class 0 at confidence 2/3, right
      1, // example 36: gap 1, class 0 at confidence 0.65 (bin 9), wrong
    ]);
    const logits = gapLogits(gaps);
    const steps = fitIsotonic(
      logits,
      labels,
      Array.from({ length: 35 }, (_, i) => i),
    );
    const figures = isotonicFigures(logits, labels, steps, [35, 36]);
    // Both in bin 9: accuracy 1/2, confidence (80/120 + 78/120)/2 = 79/120, so ECE = 19/120.
    // (With 1 − 1/3 in bin 10 it would be (1/3 + 0.65)/2 = 59/120.)
    expect(figures.ece).toBeCloseTo(19 / 120, 12);
  });
});
