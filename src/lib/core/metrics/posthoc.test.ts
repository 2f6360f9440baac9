import { describe, expect, it } from 'vitest';
import {
  fitIsotonic,
  fitPlatt,
  ISOTONIC_FLOOR,
  isotonicProbability,
  posthocReport,
} from './posthoc';
import { mulberry32 } from '../prng';
import { allRows, gapLogits } from './logits.fixture';

/** A label per gap, 1 with probability σ(logit(g)): what a network with these gaps would see. */
function drawLabels(gaps: number[], logit: (g: number) => number, random: () => number) {
  return Uint8Array.from(gaps, (g) => (random() < 1 / (1 + Math.exp(-logit(g))) ? 1 : 0));
}

describe('Platt scaling', () => {
  it('fits each gap value its mean Platt target when there are two gap values', () => {
    // g = +1: three 1s, one 0; g = −1: one 1, three 0s. Platt targets 5/6 and 1/6 average to
    // 2/3 at g = +1 and 1/3 at g = −1, so a + b = ln 2 and −a + b = −ln 2: a = ln 2, b = 0.
    const gaps = [1, 1, 1, 1, -1, -1, -1, -1];
    const labels = Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0]);
    const fit = fitPlatt(gapLogits(gaps), labels, allRows(8));
    expect(fit.a).toBeCloseTo(Math.LN2, 9);
    expect(fit.b).toBeCloseTo(0, 9);
  });

  it('stays finite on a perfectly separated set', () => {
    const fit = fitPlatt(gapLogits([-3, -2, 2, 3]), Uint8Array.from([0, 0, 1, 1]), allRows(4));
    expect(Number.isFinite(fit.a)).toBe(true);
    expect(fit.a).toBeGreaterThan(0);
  });

  it('recovers the slope and offset of logistic data', () => {
    const random = mulberry32(1);
    const count = 20000;
    const gaps = Array.from({ length: count }, () => (random() - 0.5) * 12);
    // Labels drawn from p₁ = σ(0.4·g − 0.5): an over-confident network's gaps, 2.5× too large.
    const labels = drawLabels(gaps, (g) => 0.4 * g - 0.5, random);
    const fit = fitPlatt(gapLogits(gaps), labels, allRows(count));
    expect(fit.a).toBeCloseTo(0.4, 1);
    expect(fit.b).toBeCloseTo(-0.5, 1);
  });
});

describe('isotonic regression', () => {
  it('pools adjacent violators', () => {
    const steps = fitIsotonic(
      gapLogits([1, 2, 3, 4, 5]),
      Uint8Array.from([0, 1, 0, 1, 1]),
      allRows(5),
    );
    expect(steps.map(({ from, to, p }) => [from, to, p])).toEqual([
      [1, 1, 0],
      [2, 3, 0.5],
      [4, 5, 1],
    ]);
    expect(isotonicProbability(steps, 2.5)).toBe(0.5);
    expect(isotonicProbability(steps, 3.5)).toBeCloseTo(0.75, 12);
    expect(isotonicProbability(steps, -10)).toBe(ISOTONIC_FLOOR);
    expect(isotonicProbability(steps, 10)).toBe(1 - ISOTONIC_FLOOR);
  });

  it('gives equal gaps one value and is non-decreasing', () => {
    const random = mulberry32(2);
    const gaps = Array.from({ length: 300 }, () => Math.round((random() - 0.5) * 20));
    const labels = drawLabels(gaps, (g) => g / 3, random);
    const steps = fitIsotonic(gapLogits(gaps), labels, allRows(300));
    for (let k = 1; k < steps.length; k++) {
      expect(steps[k].p).toBeGreaterThan(steps[k - 1].p);
      expect(steps[k].from).toBeGreaterThan(steps[k - 1].to);
    }
    expect(steps.reduce((sum, step) => sum + step.count, 0)).toBe(300);
  });
});

describe('post-hoc report', () => {
  it('all three fixes lower an over-confident network’s evaluation NLL', () => {
    const random = mulberry32(4);
    const count = 2000;
    const gaps = Array.from({ length: count }, () => (random() - 0.5) * 30);
    const labels = drawLabels(gaps, (g) => g / 5, random);
    const report = posthocReport(gapLogits(gaps), labels, 4);
    expect(report.temperature.T).toBeGreaterThan(3);
    for (const method of ['temperature', 'platt', 'isotonic'] as const) {
      expect(report[method].nll).toBeLessThan(report.none.nll);
      expect(report[method].ece).toBeLessThan(report.none.ece);
    }
    expect(report.isotonicWarning).toBeNull();
    const small = posthocReport(gapLogits(gaps.slice(0, 200)), labels.slice(0, 200), 4);
    expect(small.isotonicWarning).toMatch(/100 images, fewer than 1000/);
  });
});

describe('post-hoc report with a T fitted already', () => {
  it('reports the same as fitting T itself', () => {
    const random = mulberry32(9);
    const gaps = Array.from({ length: 400 }, () => (random() - 0.5) * 20);
    const labels = drawLabels(gaps, (g) => g / 4, random);
    const report = posthocReport(gapLogits(gaps), labels, 9);
    expect(posthocReport(gapLogits(gaps), labels, 9, report.temperature.T)).toEqual(report);
  });
});
