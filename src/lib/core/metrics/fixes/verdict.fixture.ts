// Hand-built epochs of fixes for the verdict's tests: each epoch's calibration-half loss and its
// evaluation-half figures as trained and at T, written as plain numbers (no logits).

import type { PosthocReport } from '../posthoc';
import type { EpochFix } from './epochFixes';

export interface HandEpoch {
  /** Raw loss on the calibration half (the epoch choice reads it). */
  calibrationLoss: number;
  /** Evaluation NLL and accuracy as trained. */
  nll: number;
  accuracy: number;
  T: number;
  /** Evaluation NLL at T (accuracy unchanged). */
  nllAtT: number;
  /** Two classes: Platt's and isotonic's evaluation NLL (and accuracy); absent: K > 2. */
  platt?: { nll: number; accuracy: number };
  isotonic?: { nll: number; accuracy: number };
}

const NOT_APPLICABLE = 'Platt and isotonic are two-class methods';

/** Epoch e is `epochs[e − 1]`; ECE is 0 throughout (the verdict reads NLL). */
export function handFixes(epochs: readonly HandEpoch[], evaluationCount = 1000): EpochFix[] {
  return epochs.map((hand, index) => {
    const report: PosthocReport = {
      calibrationCount: evaluationCount,
      evaluationCount,
      none: { nll: hand.nll, ece: 0, accuracy: hand.accuracy },
      temperature: { nll: hand.nllAtT, ece: 0, accuracy: hand.accuracy, T: hand.T },
      platt: hand.platt
        ? { ...hand.platt, ece: 0, a: 1, b: 0 }
        : { nll: NaN, ece: NaN, accuracy: NaN, a: NaN, b: NaN, notApplicable: NOT_APPLICABLE },
      isotonic: hand.isotonic
        ? { ...hand.isotonic, ece: 0, steps: 3 }
        : { nll: NaN, ece: NaN, accuracy: NaN, steps: 0, notApplicable: NOT_APPLICABLE },
      isotonicWarning: null,
    };
    return { epoch: index + 1, calibrationLoss: hand.calibrationLoss, bound: null, report };
  });
}

/** Stopping early wins: the calibration loss is lowest at epoch 2, whose raw 0.500 no fix of epoch 4 reaches. */
export const STOP_EARLY_WINS: HandEpoch[] = [
  { calibrationLoss: 0.9, nll: 0.88, accuracy: 0.7, T: 1.2, nllAtT: 0.87 },
  { calibrationLoss: 0.5, nll: 0.5, accuracy: 0.77, T: 1.05, nllAtT: 0.505 },
  { calibrationLoss: 0.6, nll: 0.62, accuracy: 0.78, T: 1.6, nllAtT: 0.56 },
  { calibrationLoss: 0.8, nll: 0.81, accuracy: 0.792, T: 2.5, nllAtT: 0.55 },
];

/** Rescaling wins: epoch 4 at T = 3.44 (0.716) beats epoch 2, raw (0.731) and at its T (0.725). */
export const RESCALING_WINS: HandEpoch[] = [
  { calibrationLoss: 0.95, nll: 0.96, accuracy: 0.7, T: 1.1, nllAtT: 0.95 },
  { calibrationLoss: 0.7, nll: 0.731, accuracy: 0.77, T: 1.1, nllAtT: 0.725 },
  { calibrationLoss: 0.9, nll: 0.95, accuracy: 0.78, T: 2.2, nllAtT: 0.75 },
  { calibrationLoss: 1.4, nll: 1.51, accuracy: 0.792, T: 3.44, nllAtT: 0.716 },
];

/** Two classes, the calibration loss lowest at the last epoch, where Platt (0.59) wins. */
export const LOSS_KEEPS_FALLING: HandEpoch[] = [
  {
    calibrationLoss: 0.8,
    nll: 0.8,
    accuracy: 0.7,
    T: 1,
    nllAtT: 0.8,
    platt: { nll: 0.8, accuracy: 0.7 },
    isotonic: { nll: 0.8, accuracy: 0.7 },
  },
  {
    calibrationLoss: 0.6,
    nll: 0.62,
    accuracy: 0.75,
    T: 1.3,
    nllAtT: 0.6,
    platt: { nll: 0.59, accuracy: 0.76 },
    isotonic: { nll: 0.7, accuracy: 0.75 },
  },
];
