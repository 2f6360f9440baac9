import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PairData } from './dataset';
import { validationMetrics } from './metrics';
import { mulberry32 } from './prng';
import { Trainer, type BatchProgress, type EpochResult, type TrainHooks } from './trainer';
import type { TrainConfig } from './types';

const PIXELS = 28 * 28;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Class 0: dark noisy images; class 1: bright ones. Alternating labels. */
function synthetic(count: number, seed: number) {
  const random = mulberry32(seed);
  const images = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    const base = labels[i] === 1 ? 170 : 0;
    for (let p = 0; p < PIXELS; p++) images[i * PIXELS + p] = base + Math.floor(random() * 85);
  }
  return { images, labels, count };
}

// Tiny on purpose: the cpu backend's conv filter gradient is slow (~1 s per batch of 16).
const data: PairData = { train: synthetic(32, 1), validation: synthetic(32, 2) };
/** For tests that only need a few steps: 4 batches of 2. */
const tinyData: PairData = { train: synthetic(8, 3), validation: synthetic(4, 4) };

const config: TrainConfig = {
  classes: ['tshirt', 'trouser'],
  trainSize: 32,
  validationSize: 32,
  epochs: 3,
  batchSize: 8,
  learningRate: 0.01,
  optimizer: 'adam',
  model: 'small',
  seed: 5,
};

function hooks(stopAfterBatches = Infinity, progress: BatchProgress[] = []): TrainHooks {
  let batches = 0;
  return { shouldStop: () => batches++ >= stopAfterBatches, onProgress: (p) => progress.push(p) };
}

describe('Trainer', () => {
  it('learns, reports consistent metrics and leaks no tensors', async () => {
    const baseline = tf.memory().numTensors;
    const trainer = Trainer.create(data, config);
    expect(trainer.batchesPerEpoch).toBe(4);

    const trainLosses: number[] = [];
    const tensorsAfterEpoch: number[] = [];
    let last: EpochResult | undefined;
    for (let epoch = 1; epoch <= 3; epoch++) {
      const progress: BatchProgress[] = [];
      expect(await trainer.trainEpoch(hooks(Infinity, progress))).toBe('complete');
      expect(progress.at(-1)).toMatchObject({ batch: 4, batchesPerEpoch: 4 });
      expect(progress.at(-1)?.imagesPerSecond).toBeGreaterThan(0);
      last = await trainer.finishEpoch();
      expect(last.metrics.epoch).toBe(epoch);
      expect(trainer.epochsCompleted).toBe(epoch);
      trainLosses.push(last.metrics.trainLoss);
      tensorsAfterEpoch.push(tf.memory().numTensors);

      // The epoch's validation numbers are exactly what its logits give.
      const { validationLogits, metrics } = last;
      expect(validationLogits).toHaveLength(2 * 32);
      const fromLogits = validationMetrics(validationLogits, data.validation.labels);
      expect(metrics.validationLoss).toBe(fromLogits.loss);
      expect(metrics.validationAccuracy).toBe(fromLogits.accuracy);
      const { correct, wrong } = metrics.logitGapHistogram;
      const binned = [...correct, ...wrong].reduce((a, b) => a + b, 0);
      expect(binned).toBe(32);
      expect(correct.reduce((a, b) => a + b, 0)).toBe(Math.round(metrics.validationAccuracy * 32));
    }
    expect(trainLosses[2]).toBeLessThan(trainLosses[0]);
    expect(last?.metrics.validationAccuracy).toBeGreaterThan(0.9);
    expect(last?.metrics.trainAccuracy).toBeGreaterThan(0.5);
    expect(tensorsAfterEpoch[2]).toBe(tensorsAfterEpoch[0]);

    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('resumes a stopped epoch exactly where it stopped', async () => {
    const tinyConfig = { ...config, trainSize: 8, batchSize: 2 };
    const paused = Trainer.create(tinyData, tinyConfig);
    const progress: BatchProgress[] = [];
    expect(await paused.trainEpoch(hooks(2, progress))).toBe('stopped');
    expect(paused.batchInEpoch).toBe(2);
    expect(progress.at(-1)?.batch).toBe(2);
    await expect(paused.finishEpoch()).rejects.toThrow(/trainEpoch/);
    expect(await paused.trainEpoch(hooks())).toBe('complete');
    await expect(paused.trainEpoch(hooks())).rejects.toThrow(/finishEpoch/);
    const resumed = await paused.finishEpoch();

    const straight = Trainer.create(tinyData, tinyConfig);
    expect(await straight.trainEpoch(hooks())).toBe('complete');
    const uninterrupted = await straight.finishEpoch();

    // Same seed, same shuffled order, same batches: bit-identical on the cpu backend.
    expect(resumed.metrics.trainLoss).toBe(uninterrupted.metrics.trainLoss);
    expect(Array.from(resumed.validationLogits)).toEqual(
      Array.from(uninterrupted.validationLogits),
    );
    paused.dispose();
    straight.dispose();
  });

  it('uses one batch shape: batch size capped at the train count, ragged batch dropped', () => {
    const capped = Trainer.create(data, { ...config, batchSize: 1000 });
    expect(capped.effectiveBatchSize).toBe(32);
    expect(capped.batchesPerEpoch).toBe(1);
    capped.dispose();
    const ragged = Trainer.create(data, { ...config, batchSize: 12 });
    expect(ragged.effectiveBatchSize).toBe(12);
    expect(ragged.batchesPerEpoch).toBe(2);
    ragged.dispose();
  });

  it('refuses use after dispose', async () => {
    const trainer = Trainer.create(data, config);
    trainer.dispose();
    trainer.dispose(); // idempotent
    await expect(trainer.trainEpoch(hooks())).rejects.toThrow(/disposed/);
  });
});
