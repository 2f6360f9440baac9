// How each scoring rule charges one prediction, as a function of the logit gap g = |z₀ − z₁|:
// the zero–one loss (error), the two-class Brier score and the cross-entropy (NLL). Pure.

import { lossWhenRight, lossWhenWrong, MAX_GAP } from '../examples';

/** σ(g) = 1 / (1 + e^−g), the predicted class's probability at gap g, without overflow. */
function sigmoid(g: number): number {
  return g >= 0 ? 1 / (1 + Math.exp(-g)) : Math.exp(g) / (1 + Math.exp(g));
}

export interface RulePenalties {
  /** Zero–one loss: 1 for a wrong answer, 0 for a right one, however sure. */
  error: number;
  /** Two-class Brier Σ_k (p_k − y_k)²: 2·(1 − p_true)², at most 2. */
  brier: number;
  /** Cross-entropy −log p_true, in nats: without bound. */
  nll: number;
}

/** What each rule charges a wrong answer made with logit gap g (the true class gets σ(−g)). */
export function wrongPenalties(gap: number): RulePenalties {
  return { error: 1, brier: 2 * sigmoid(gap) ** 2, nll: lossWhenWrong(gap) };
}

/** What each rule charges a right answer made with logit gap g. */
export function rightPenalties(gap: number): RulePenalties {
  return { error: 0, brier: 2 * sigmoid(-gap) ** 2, nll: lossWhenRight(gap) };
}

/** Gaps the panel's table lists: a coin flip, mild, sure, and the (12, −12) of the question. */
export const TABLE_GAPS = [0, 1, 3, 6, 12, 24] as const;

/** The wrong-answer curves of the three rules at `steps` + 1 gaps in [0, maxGap]. */
export function penaltyCurves(
  maxGap = MAX_GAP,
  steps = 120,
): Record<keyof RulePenalties, { x: number; y: number }[]> {
  const curves: Record<keyof RulePenalties, { x: number; y: number }[]> = {
    error: [],
    brier: [],
    nll: [],
  };
  for (let step = 0; step <= steps; step++) {
    const gap = (step * maxGap) / steps;
    const penalties = wrongPenalties(gap);
    curves.error.push({ x: gap, y: penalties.error });
    curves.brier.push({ x: gap, y: penalties.brier });
    curves.nll.push({ x: gap, y: penalties.nll });
  }
  return curves;
}
