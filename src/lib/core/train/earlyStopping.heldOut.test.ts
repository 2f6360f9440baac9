import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EarlyStopping, type WatchedHalf } from './earlyStopping';
import { heldOutSplit, validationMetrics } from '../metrics';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const labels = Uint8Array.from([0, 1, 0, 1, 0, 1, 0, 1]);
const SEED = 11;
const { calibration, evaluation } = heldOutSplit(labels, SEED);

/**
 * Logits where each example's true class leads by `calibrationMargin[e]` on the calibration half
 * and by `evaluationMargin[e]` on the evaluation half, epoch e (1-based) at index e − 1.
 */
function epochLogits(calibrationMargin: number, evaluationMargin: number): Float32Array {
  const logits = new Float32Array(2 * labels.length);
  labels.forEach((label, i) => {
    logits[2 * i + label] = calibration.includes(i) ? calibrationMargin : evaluationMargin;
  });
  return logits;
}

/** The epoch early stopping restores (patience 2) over these epochs' logits. */
function chosenEpoch(history: Float32Array[], watched: WatchedHalf | null): number | undefined {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 2 })] });
  const stopping = new EarlyStopping('loss', 2, watched);
  try {
    for (const [index, logits] of history.entries()) {
      const metrics = { epoch: index + 1, ...validationMetricsOf(logits) };
      const decision = stopping.update(model, metrics, logits);
      if (decision) return decision.info.bestEpoch;
    }
    return undefined;
  } finally {
    stopping.dispose();
    model.dispose();
  }
}

function validationMetricsOf(logits: Float32Array) {
  const { loss, accuracy } = validationMetrics(logits, labels);
  return { validationLoss: loss, validationAccuracy: accuracy };
}

describe('early stopping on the calibration half', () => {
  // Calibration margins peak at epoch 2; evaluation margins at epoch 3, by far more.
  const margins: [number, number][] = [
    [1, 1],
    [3, 1],
    [2, 9],
    [1, 1],
    [1, 1],
  ];
  const history = margins.map(([c, e]) => epochLogits(c, e));

  it('chooses the epoch best on the calibration half, not on the whole set', () => {
    expect(calibration.length).toBe(4);
    expect(chosenEpoch(history, { labels, calibration })).toBe(2);
    // Scored on all examples it would pick epoch 3: the evaluation half would have chosen it.
    expect(chosenEpoch(history, null)).toBe(3);
  });

  it('chooses the same epoch whatever the evaluation half’s logits are', () => {
    for (const evaluationMargins of [
      [0, 0, 0, 0, 0],
      [-5, 4, -3, 20, 7],
      [9, 1, 1, 1, 1],
    ]) {
      const changed = margins.map(([c], e) => epochLogits(c, evaluationMargins[e]));
      expect(chosenEpoch(changed, { labels, calibration })).toBe(2);
    }
    expect(evaluation.every((i) => !calibration.includes(i))).toBe(true);
  });
});
