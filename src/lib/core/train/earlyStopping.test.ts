import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EarlyStopping, earlyStopScore } from './earlyStopping';
import { epochWith } from '../metrics/epochMetrics.fixture';
import type { EarlyStopMetric } from '../types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function weightValues(model: tf.LayersModel): number[][] {
  return model.getWeights().map((weight) => Array.from(weight.dataSync()));
}

/**
 * Plays a history through EarlyStopping. Before each epoch's update the model's weights are
 * set to the epoch number (standing in for training), and the "logits" are [epoch, −epoch].
 */
function play(metric: EarlyStopMetric, patience: number, history: [number, number][]) {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
  const stopping = new EarlyStopping(metric, patience);
  const weightsByEpoch: number[][][] = [];
  let decision = null;
  let epoch = 0;
  for (const [loss, accuracy] of history) {
    epoch++;
    const trained = model.getWeights().map((w) => tf.fill(w.shape, epoch));
    model.setWeights(trained);
    tf.dispose(trained);
    weightsByEpoch.push(weightValues(model));
    const logits = new Float32Array([epoch, -epoch]);
    decision = stopping.update(model, epochWith(epoch, loss, accuracy), logits);
    logits.fill(0); // the caller may transfer or reuse its array: the saved copy must not care
    if (decision) break;
  }
  return { model, stopping, decision, epoch, weightsByEpoch };
}

describe('EarlyStopping', () => {
  it('stops `patience` epochs after the lowest validation loss and restores that epoch', () => {
    const before = tf.memory().numTensors;
    // Best at epoch 2; epoch 4 only ties it (ties keep the earlier epoch).
    const run = play('loss', 2, [
      [0.5, 0.8],
      [0.4, 0.85],
      [0.45, 0.9],
      [0.4, 0.95],
      [0.3, 0.95],
    ]);
    expect(run.decision?.info).toEqual({ metric: 'loss', bestEpoch: 2, stoppedAfterEpoch: 4 });
    expect(run.epoch).toBe(4);
    expect(weightValues(run.model)).toEqual(run.weightsByEpoch[1]); // epoch 2's weights
    expect(Array.from(run.decision?.bestValidationLogits ?? [])).toEqual([2, -2]);
    run.stopping.dispose();
    run.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('watches accuracy the other way round', () => {
    const run = play('accuracy', 1, [
      [0.5, 0.8],
      [0.6, 0.9],
      [0.7, 0.9],
    ]);
    expect(run.decision?.info).toEqual({ metric: 'accuracy', bestEpoch: 2, stoppedAfterEpoch: 3 });
    expect(weightValues(run.model)).toEqual(run.weightsByEpoch[1]);
    run.model.dispose();
  });

  it('keeps one saved copy of the weights at a time and frees it on dispose', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
    const stopping = new EarlyStopping('loss', 5);
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    for (let epoch = 1; epoch <= 4; epoch++) {
      stopping.update(model, epochWith(epoch, 1 / epoch, 0.5), new Float32Array(2));
      counts.push(tf.memory().numTensors);
    }
    expect(counts).toEqual([before + 2, before + 2, before + 2, before + 2]); // kernel + bias
    stopping.dispose();
    stopping.dispose(); // idempotent
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('never treats a NaN loss as an improvement, and does nothing when off', () => {
    expect(earlyStopScore('loss', epochWith(1, Number.NaN, 0.5))).toBe(Infinity);
    const nan = play('loss', 2, [
      [Number.NaN, 0.5],
      [0.7, 0.5],
      [Number.NaN, 0.5],
      [Number.NaN, 0.5],
    ]);
    expect(nan.decision?.info.bestEpoch).toBe(2);
    nan.model.dispose();
    const off = play('off', 1, [
      [0.5, 0.8],
      [0.9, 0.1],
      [0.9, 0.1],
    ]);
    expect(off.decision).toBeNull();
    expect(off.stopping.bestEpoch).toBeNull();
    off.model.dispose();
  });

  it('needs a whole patience of at least one epoch', () => {
    expect(() => new EarlyStopping('loss', 0)).toThrow(/Patience/);
    expect(() => new EarlyStopping('accuracy', 1.5)).toThrow(/Patience/);
    expect(() => new EarlyStopping('off', 0)).not.toThrow();
  });
});
