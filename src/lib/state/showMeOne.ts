// "Show me one": the worked example takes a real confidently wrong validation image from the
// run (live or replayed) and loads its logits into the sliders. Pure: logits in, choices out.

import { crossEntropyFromLogits, predictedClass } from '../core/metrics';
import { LOGIT_LIMIT } from './workedExample';

export interface WrongExample {
  index: number;
  label: 0 | 1;
  z0: number;
  z1: number;
  loss: number;
}

/** How many of the most confidently wrong images "Show me another" cycles through. */
export const SHOW_ME_COUNT = 12;

/** The wrong validation examples with the highest loss first (ties: dataset order). */
export function confidentlyWrong(
  logits: Float32Array,
  labels: Uint8Array,
  count = SHOW_ME_COUNT,
): WrongExample[] {
  const wrong: WrongExample[] = [];
  for (let index = 0; index < labels.length; index++) {
    const z0 = logits[2 * index];
    const z1 = logits[2 * index + 1];
    const label = labels[index] === 1 ? 1 : 0;
    if (!Number.isFinite(z0) || !Number.isFinite(z1) || predictedClass(z0, z1) === label) continue;
    wrong.push({ index, label, z0, z1, loss: crossEntropyFromLogits(z0, z1, label) });
  }
  wrong.sort((a, b) => b.loss - a.loss || a.index - b.index);
  return wrong.slice(0, count);
}

/**
 * The logits as the sliders can show them, to their step of 0.01. Softmax only sees z₁ − z₀, so both logits are shifted
 * by the same amount to centre them (nothing changes: same probabilities, same loss); only a gap
 * wider than the sliders' 2 × LOGIT_LIMIT must be narrowed, and then `narrowed` says so.
 */
export function sliderLogits(
  z0: number,
  z1: number,
): { z0: number; z1: number; shifted: boolean; narrowed: boolean } {
  // To the sliders' step (0.01); the note beside them gives the exact logits and loss.
  const round = (value: number) => Math.round(value * 100) / 100;
  const fits = (value: number) => Math.abs(value) <= LOGIT_LIMIT;
  if (fits(z0) && fits(z1))
    return { z0: round(z0), z1: round(z1), shifted: false, narrowed: false };
  const centre = (z0 + z1) / 2;
  const half = Math.min(LOGIT_LIMIT, Math.abs(z1 - z0) / 2);
  const sign = z1 >= z0 ? 1 : -1;
  return {
    z0: round(-sign * half),
    z1: round(sign * half),
    shifted: centre !== 0,
    narrowed: Math.abs(z1 - z0) / 2 > LOGIT_LIMIT,
  };
}
