import { describe, expect, it } from 'vitest';
import { allRows, expectRelativelyClose, LN2 } from './logits.fixture';
import { mulberry32 } from '../prng';
import {
  calibrationSplit,
  fitTemperature,
  fitTemperatureBySearch,
  nllAtTemperature,
} from './temperature';
import {
  newtonInverseTemperature,
  nllCurveAtInverseTemperature,
  type NllCurve,
} from './temperatureSearch';
import { overConfidentClasses } from './temperature.fixture';

describe('nllCurveAtInverseTemperature (value, slope and curvature in β = 1/T)', () => {
  // Two examples with logits [1, 0, 0], labels 0 and 1. At β, p = (e^β, 1, 1) / (e^β + 2):
  //   NLL(β) = ([log(e^β + 2) − β] + log(e^β + 2)) / 2,
  //   slope  = (2e^β / (e^β + 2) − 1) / 2 = (e^β − 2) / (2(e^β + 2)),
  //   curvature = Var_p[z] = q(1 − q) with q = e^β / (e^β + 2) (z is 1 on class 0, else 0).
  const logits = Float32Array.from([1, 0, 0, 1, 0, 0]);
  const labels = Uint8Array.from([0, 1]);

  it('matches the hand-computed figures at β = ln 2 (the minimum) and β = 0.5', () => {
    // β = ln 2: e^β = 2, q = ½: NLL = (log 4 − ln 2 + log 4) / 2 = 1.5 ln 2, slope 0, Var ¼.
    const atMinimum = nllCurveAtInverseTemperature(logits, labels, 3, [0, 1], LN2);
    expect(atMinimum.value).toBeCloseTo(1.5 * LN2, 14);
    expect(atMinimum.slope).toBeCloseTo(0, 14);
    expect(atMinimum.curvature).toBeCloseTo(0.25, 14);
    const e = Math.exp(0.5);
    const q = e / (e + 2);
    const atHalf = nllCurveAtInverseTemperature(logits, labels, 3, [0, 1], 0.5);
    expect(atHalf.value).toBeCloseTo((2 * Math.log(e + 2) - 0.5) / 2, 14);
    expect(atHalf.slope).toBeCloseTo((e - 2) / (2 * (e + 2)), 14);
    expect(atHalf.curvature).toBeCloseTo(q * (1 - q), 14);
  });

  it('agrees with nllAtTemperature and with central differences of itself on random logits', () => {
    const random = mulberry32(5);
    const classes = 7;
    const count = 50;
    const many = Float32Array.from({ length: count * classes }, () => 6 * (random() - 0.5));
    const drawn = Uint8Array.from({ length: count }, () => Math.floor(random() * classes));
    const rows = allRows(count);
    const beta = 0.8;
    const delta = 1e-5;
    const at = (b: number) => nllCurveAtInverseTemperature(many, drawn, classes, rows, b);
    const point = at(beta);
    expect(point.value).toBeCloseTo(nllAtTemperature(many, drawn, rows, 1 / beta), 12);
    const slope = (at(beta + delta).value - at(beta - delta).value) / (2 * delta);
    const curvature = (at(beta + delta).slope - at(beta - delta).slope) / (2 * delta);
    expectRelativelyClose(slope, point.slope, 1e-6);
    expectRelativelyClose(curvature, point.curvature, 1e-6);
  });
});

describe('newtonInverseTemperature', () => {
  /** A convex test curve from its value, slope and curvature, counting the calls. */
  function counted(f: (b: number) => NllCurve) {
    const calls: number[] = [];
    return {
      calls,
      curve: (beta: number) => {
        calls.push(beta);
        return f(beta);
      },
    };
  }

  it('takes one step on a parabola: (β − 2)² from β = 1 lands on 2', () => {
    const { calls, curve } = counted((b) => ({
      value: (b - 2) ** 2,
      slope: 2 * (b - 2),
      curvature: 2,
    }));
    const result = newtonInverseTemperature(curve, 0.01, 100);
    expect(result.beta).toBe(2);
    expect(result.value).toBe(0);
    expect(result.valueAtOne).toBe(1);
    // β = 1, then 2, where the slope is exactly zero.
    expect(calls).toEqual([1, 2]);
  });

  it('converges on e^β − 3β (minimum at β = ln 3) in a handful of passes', () => {
    const { calls, curve } = counted((b) => ({
      value: Math.exp(b) - 3 * b,
      slope: Math.exp(b) - 3,
      curvature: Math.exp(b),
    }));
    const result = newtonInverseTemperature(curve, 0.01, 100);
    expectRelativelyClose(result.beta, Math.log(3), 1e-12);
    expect(result.passes).toBe(calls.length);
    expect(calls.length).toBeLessThanOrEqual(8);
  });

  it('stops at an end when the slope there still points out of the range', () => {
    // Falling everywhere: e^−β. Newton from 1 overshoots past 100, so 100 is evaluated: falling.
    const falling = newtonInverseTemperature(
      (b) => ({ value: Math.exp(-b), slope: -Math.exp(-b), curvature: Math.exp(-b) }),
      0.01,
      100,
    );
    expect(falling.beta).toBe(100);
    // Rising everywhere: β². Newton from 1 goes to 0, below the range, so 0.01 is evaluated.
    const rising = newtonInverseTemperature(
      (b) => ({ value: b * b, slope: 2 * b, curvature: 2 }),
      0.01,
      100,
    );
    expect(rising.beta).toBe(0.01);
    expect(rising.value).toBeCloseTo(1e-4, 18);
  });

  it('bisects when Newton overshoots a bracket it already has', () => {
    // |β − 3|^1.5 flattens near its minimum (curvature → 0), so raw Newton would overshoot.
    const result = newtonInverseTemperature(
      (b) => ({
        value: Math.abs(b - 3) ** 1.5,
        slope: 1.5 * Math.sign(b - 3) * Math.abs(b - 3) ** 0.5,
        curvature: 0.75 * Math.abs(b - 3) ** -0.5,
      }),
      0.01,
      100,
    );
    expect(Math.abs(result.beta - 3)).toBeLessThan(1e-9);
  });
});

describe('fitTemperature for K > 2 (Newton) against the golden-section search', () => {
  it('finds T = 1/ln 2 for the hand-computed 3-class case', () => {
    // The two examples above, plus their copies: NLL's slope is zero at e^β = 2.
    const logits = Float32Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
    const labels = Uint8Array.from([0, 1, 0, 1]);
    const fit = fitTemperature(logits, labels, [0, 1, 2, 3]);
    expect(fit.bound).toBeNull();
    expect(Math.abs(fit.T * LN2 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(fitTemperatureBySearch(logits, labels, [0, 1, 2, 3]).T * LN2 - 1)).toBeLessThan(
      1e-6,
    );
  });

  for (const { classes, scale, spread, seed } of [
    { classes: 3, scale: 2.5, spread: 2, seed: 41 },
    { classes: 10, scale: 0.4, spread: 1.5, seed: 42 },
    { classes: 10, scale: 1, spread: 3, seed: 43 },
    { classes: 100, scale: 3, spread: 1, seed: 44 },
  ]) {
    it(`agrees within 1e-6 relative in T (K = ${classes}, over-confident × ${scale})`, () => {
      const { logits, labels } = overConfidentClasses(2000, classes, scale, spread, seed);
      const { calibration } = calibrationSplit(labels, seed);
      const newton = fitTemperature(logits, labels, calibration);
      const search = fitTemperatureBySearch(logits, labels, calibration);
      expect(newton.bound).toBeNull();
      expect(search.bound).toBeNull();
      expectRelativelyClose(newton.T, search.T, 1e-6);
      // And it is no worse a minimum than the search's, to a few ulps of the NLL (≈ 4: one ulp
      // is 9e-16; both sit at the flat bottom, where the last bits are rounding).
      const nll = (T: number) => nllAtTemperature(logits, labels, calibration, T);
      expect(nll(newton.T)).toBeLessThanOrEqual(nll(search.T) * (1 + 1e-14));
    });
  }

  it('agrees with the search on the range ends, with the same reasons', () => {
    const every = [0, 1, 2];
    for (const logits of [
      [3, 0, 0, 0, 2, 0, 0, 0, 1], // every example right: the lower end
      [0, 3, 0, 2, 0, 0, 1, 0, 0], // every example wrong: the upper end
      [0.05, 0, 0, 0, 0.05, 0, 0, 1e-4, 0], // right by little, wrong by less: the lower end
    ]) {
      const input = [Float32Array.from(logits), Uint8Array.from([0, 1, 2]), every] as const;
      expect(fitTemperature(...input)).toEqual(fitTemperatureBySearch(...input));
    }
  });

  it('needs about ten passes over the logits where the search needs 86', () => {
    const { logits, labels } = overConfidentClasses(2000, 10, 2, 2, 46);
    const rows = calibrationSplit(labels, 1).calibration;
    const result = newtonInverseTemperature(
      (beta) => nllCurveAtInverseTemperature(logits, labels, 10, rows, beta),
      0.01,
      100,
    );
    expect(result.passes).toBeLessThanOrEqual(12);
    expectRelativelyClose(1 / result.beta, fitTemperatureBySearch(logits, labels, rows).T, 1e-6);
  });

  it('leaves out non-finite rows and returns 1 for logits with no scale', () => {
    const zeros = new Float32Array(12);
    expect(fitTemperature(zeros, Uint8Array.from([0, 1, 2, 0]), [0, 1, 2, 3])).toEqual({
      T: 1,
      bound: null,
    });
    const { logits, labels } = overConfidentClasses(400, 4, 2, 2, 45);
    const { calibration } = calibrationSplit(labels, 45);
    const clean = fitTemperature(logits, labels, calibration);
    // A NaN in a calibration example leaves it out of both fits alike.
    logits[calibration[0] * 4 + 1] = Number.NaN;
    const withNaN = fitTemperature(logits, labels, calibration);
    const searched = fitTemperatureBySearch(logits, labels, calibration);
    expect(Number.isFinite(withNaN.T)).toBe(true);
    expect(withNaN.T).not.toBe(clean.T);
    expectRelativelyClose(withNaN.T, searched.T, 1e-6);
  });
});
