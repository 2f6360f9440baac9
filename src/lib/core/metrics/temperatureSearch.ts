// The two ways temperature.ts finds the T minimising NLL, with plain numbers (no tf).
//
// Golden-section search over log T needs only NLL values: a 41-point scan and ≈ 45 refinements,
// ≈ 86 passes over the logits. It is the original method and stays the two-class one, so every
// two-class fit is bit for bit what it was.
//
// Newton's method on β = 1/T uses that NLL(β) = mean(logSumExp(β·z) − β·z_label) is convex in
// β: its slope mean(E_p[z] − z_label) and curvature mean(Var_p[z]) (p = softmax(β·z)) come out
// of the same pass as its value, and Newton converges quadratically, so ≈ 5–10 passes reach the
// minimum. With K = 1000 classes a pass is 25 M exponentials, which is why K > 2 uses it.

import type { Labels } from '../types';

/** Coarse scan points over log T before the golden-section refinement. */
const SCAN_POINTS = 41;
/** Stop refining when the log T bracket is this narrow (≈ 1e-9 relative in T). */
const LOG_T_TOLERANCE = 1e-9;
const INVERSE_GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The log T in [low, high] minimising `nll` (a function of log T, unimodal there): a coarse scan
 * brackets the minimum and golden-section search narrows it to LOG_T_TOLERANCE.
 */
export function goldenSectionLogT(
  nll: (logT: number) => number,
  low: number,
  high: number,
): number {
  const step = (high - low) / (SCAN_POINTS - 1);
  let bestPoint = 0;
  let bestValue = Infinity;
  for (let p = 0; p < SCAN_POINTS; p++) {
    const value = nll(low + p * step);
    if (value < bestValue) {
      bestValue = value;
      bestPoint = p;
    }
  }
  // Golden-section search on the scan cell either side of the best scan point.
  let a = low + Math.max(0, bestPoint - 1) * step;
  let b = low + Math.min(SCAN_POINTS - 1, bestPoint + 1) * step;
  let c = b - INVERSE_GOLDEN * (b - a);
  let d = a + INVERSE_GOLDEN * (b - a);
  let fc = nll(c);
  let fd = nll(d);
  while (b - a > LOG_T_TOLERANCE) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INVERSE_GOLDEN * (b - a);
      fc = nll(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INVERSE_GOLDEN * (b - a);
      fd = nll(d);
    }
  }
  return (a + b) / 2;
}

/** NLL as a function of β = 1/T at one β: its value, slope dNLL/dβ and curvature d²NLL/dβ². */
export interface NllCurve {
  value: number;
  slope: number;
  curvature: number;
}

/**
 * Mean NLL of `rows` at inverse temperature β > 0, with its first two derivatives in β, in one
 * pass. Each row is shifted by its largest logit (d_k = z_k − max ≤ 0, so no exponent is
 * positive): with e_k = e^(β·d_k), logSumExp(β·z) − β·z_label = β·(max − z_label) + log Σe_k,
 * the slope is E_p[z] − z_label = max + E_p[d] − z_label, and the curvature Var_p[z] = Var_p[d].
 * Every row must be finite (the fit leaves the others out).
 */
export function nllCurveAtInverseTemperature(
  logits: Float32Array,
  labels: Labels,
  classes: number,
  rows: ArrayLike<number>,
  beta: number,
): NllCurve {
  let value = 0;
  let slope = 0;
  let curvature = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const offset = i * classes;
    let top = logits[offset];
    for (let k = 1; k < classes; k++) if (logits[offset + k] > top) top = logits[offset + k];
    let sum = 0;
    let first = 0;
    let second = 0;
    for (let k = 0; k < classes; k++) {
      const shifted = logits[offset + k] - top;
      const weight = Math.exp(beta * shifted);
      sum += weight;
      first += weight * shifted;
      second += weight * shifted * shifted;
    }
    const behind = top - logits[offset + labels[i]];
    const meanShift = first / sum;
    value += beta * behind + Math.log(sum);
    slope += meanShift + behind;
    // Rounding can take E[d²] − E[d]² a hair below zero when p sits on one class.
    curvature += Math.max(0, second / sum - meanShift * meanShift);
  }
  const count = rows.length;
  return { value: value / count, slope: slope / count, curvature: curvature / count };
}

/** Newton steps at most; bisection alone needs ≈ 45 to reach NEWTON_TOLERANCE on [0.01, 100]. */
const NEWTON_MAX_ITERATIONS = 100;
/**
 * Stop when a step, or the bracket, is this small relative to β: 1e-10 in T, finer than the
 * golden-section search's 1e-9 in log T, and above the rounding noise of the slope at the minimum.
 */
const NEWTON_TOLERANCE = 1e-10;

export interface NewtonResult {
  /** The β minimising NLL on [betaMin, betaMax]: an end when the slope there points past it. */
  beta: number;
  /** NLL at `beta` (at the last β evaluated: a final step of ≤ NEWTON_TOLERANCE·β is not). */
  value: number;
  /** NLL at β = 1 (T = 1), the first point evaluated. */
  valueAtOne: number;
  /** Passes over the logits taken (calls to `curve`). */
  passes: number;
}

/**
 * Minimises a convex NLL(β) on [betaMin, betaMax] (betaMin ≤ 1 ≤ betaMax) from β = 1 by Newton's
 * method, safeguarded: each evaluation narrows a bracket [low, high] around the minimum (slope
 * < 0 left of it, > 0 right of it), and a step that would leave the bracket goes instead to the
 * end of the range not yet evaluated (where, if the slope still points outward, the minimum
 * lies beyond the range and that end is the answer), or else to the bracket's geometric midpoint.
 * A zero slope (e.g. every logit gap zero, where NLL is flat) is a minimum where it is found.
 */
export function newtonInverseTemperature(
  curve: (beta: number) => NllCurve,
  betaMin: number,
  betaMax: number,
): NewtonResult {
  let low = betaMin;
  let high = betaMax;
  let lowEvaluated = false;
  let highEvaluated = false;
  let beta = 1;
  let point = curve(beta);
  let passes = 1;
  const valueAtOne = point.value;
  for (let iteration = 0; iteration < NEWTON_MAX_ITERATIONS; iteration++) {
    if (point.slope === 0) break;
    if (point.slope < 0) {
      // Still falling at the largest β searched: the minimum lies beyond it.
      if (beta === betaMax) break;
      low = beta;
      lowEvaluated = true;
    } else {
      if (beta === betaMin) break;
      high = beta;
      highEvaluated = true;
    }
    if (high - low <= NEWTON_TOLERANCE * low) break;
    const step = point.slope / point.curvature;
    // Converged. (Checked before the bracket: at the minimum the slope is rounding noise, and
    // a step of 0 or a hair outside the bracket must not send the search off to bisect.)
    // The last step is taken without a pass: it moves NLL by ≈ curvature·step²/2, nothing.
    if (Math.abs(step) <= NEWTON_TOLERANCE * beta) {
      beta -= step;
      break;
    }
    let next = beta - step;
    if (!(next > low && next < high)) {
      // Newton points out of the bracket (or, with no curvature, nowhere).
      if (point.slope < 0 && !highEvaluated) next = high;
      else if (point.slope > 0 && !lowEvaluated) next = low;
      else next = Math.sqrt(low * high);
    }
    beta = next;
    point = curve(beta);
    passes++;
  }
  return { beta, value: point.value, valueAtOne, passes };
}
