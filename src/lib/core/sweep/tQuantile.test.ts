import { describe, expect, it } from 'vitest';
import { incompleteBeta, studentTCdf, studentTQuantile } from './tQuantile';

describe("Student's t", () => {
  // Two-sided 95 % critical values, t(0.975, df), from any printed t table (3 decimals).
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [4, 2.776],
    [5, 2.571],
    [6, 2.447],
    [7, 2.365],
    [8, 2.306],
    [9, 2.262],
    [29, 2.045],
  ])('t(0.975, %i) = %f', (df, value) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(value, 3);
  });

  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
    }
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
  });

  it('is symmetric, and NaN outside (0, 1)', () => {
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.776, 3);
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(studentTQuantile(1, 4)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
  });

  it('has I_x(1, 1) = x and I_x(a, 1) = x^a', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 12);
  });
});
