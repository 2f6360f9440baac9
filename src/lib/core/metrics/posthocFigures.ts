// The figures of a two-class post-hoc fix (Platt, isotonic) on the evaluation half, from its
// float64 probabilities. They were once turned back into log-odds in a Float32Array and binned
// from there: isotonic outputs such as 13/15 lie exactly on a 15-bin edge, and float32 rounding
// of log(13/2) put such examples in the bin above (the recorded run's isotonic ECE read 1.03 %
// where float64 gives 1.23 %). Here nothing a probability is binned or scored by is rounded.

import { calibrationErrors, RELIABILITY_BINS, reliabilityOfConfidences } from './calibration';
import { isotonicClassProbabilities, type IsotonicStep } from './isotonic';
import { crossEntropyFromLogits, softmax2 } from './logitRows';
import type { Labels } from '../types';

/** One fix's figures on the evaluation half. */
export interface FixFigures {
  nll: number;
  ece: number;
  accuracy: number;
}

/**
 * NLL, ECE (15 equal-width bins) and accuracy of examples whose class probabilities [p₀, p₁]
 * and loss are given in float64. The prediction is class 1 when p₁ > p₀ (a tie is class 0, as
 * everywhere); the confidence binned is the predicted class's probability itself.
 */
function twoClassFigures(
  labels: Labels,
  evaluation: readonly number[],
  probabilities: (i: number) => [number, number],
  loss: (i: number, probabilities: [number, number]) => number,
): FixFigures {
  const confidence = new Float64Array(evaluation.length);
  const correct = new Uint8Array(evaluation.length);
  let lossSum = 0;
  let rightCount = 0;
  evaluation.forEach((i, k) => {
    const [p0, p1] = probabilities(i);
    const predicted = p1 > p0 ? 1 : 0;
    confidence[k] = Number.isNaN(p0) || Number.isNaN(p1) ? Number.NaN : predicted ? p1 : p0;
    correct[k] = predicted === labels[i] ? 1 : 0;
    rightCount += correct[k];
    lossSum += loss(i, [p0, p1]);
  });
  const { ece } = calibrationErrors(
    reliabilityOfConfidences({ confidence, correct }, RELIABILITY_BINS),
  );
  return { nll: lossSum / evaluation.length, ece, accuracy: rightCount / evaluation.length };
}

const gapOf = (logits: Float32Array, i: number) => logits[2 * i + 1] - logits[2 * i];

/** Platt's figures: margin s = a·g + b in float64, loss from s itself (no probability formed). */
export function plattFigures(
  logits: Float32Array,
  labels: Labels,
  fit: { a: number; b: number },
  evaluation: readonly number[],
): FixFigures {
  const margin = (i: number) => fit.a * gapOf(logits, i) + fit.b;
  return twoClassFigures(
    labels,
    evaluation,
    (i) => softmax2(0, margin(i)),
    (i) => crossEntropyFromLogits(0, margin(i), labels[i] === 1 ? 1 : 0),
  );
}

/** Isotonic's figures: its step fractions binned as probabilities, loss −log p(label). */
export function isotonicFigures(
  logits: Float32Array,
  labels: Labels,
  steps: readonly IsotonicStep[],
  evaluation: readonly number[],
): FixFigures {
  return twoClassFigures(
    labels,
    evaluation,
    (i) => isotonicClassProbabilities(steps, gapOf(logits, i)),
    (i, [p0, p1]) => -Math.log(labels[i] === 1 ? p1 : p0),
  );
}
