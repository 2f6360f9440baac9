// Hand-made logits and the numeric checks the metrics tests share. Hand values use logs of
// small integers so the softmax is a simple fraction: [0, ln 2, ln 5] gives (1, 2, 5) / 8.

import { expect } from 'vitest';

export const LN2 = Math.log(2);
export const LN5 = Math.log(5);

/** Logits (0, log(p/(1−p))): the softmax gives p₁ = p (to float32 precision). */
export function logitsWithP1(p1s: number[]): Float32Array {
  return Float32Array.from(p1s.flatMap((p) => [0, Math.log(p / (1 - p))]));
}

/** Logits (c', 0) with softmax confidence c for class 0. */
export function logitsConfidentInClass0(confidences: number[]): Float32Array {
  return Float32Array.from(confidences.flatMap((c) => [Math.log(c / (1 - c)), 0]));
}

/** Logits (0, g) per gap: z₁ − z₀ = g. */
export function gapLogits(gaps: number[]): Float32Array {
  return Float32Array.from(gaps.flatMap((g) => [0, g]));
}

/** Every row index 0 … count − 1. */
export function allRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** |actual / expected − 1| < `bound`: agreement to a relative tolerance. */
export function expectRelativelyClose(actual: number, expected: number, bound: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(bound);
}
