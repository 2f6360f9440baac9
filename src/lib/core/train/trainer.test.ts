import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassData } from '../data';
import { calibrationErrors, reliabilityDiagram } from '../metrics';
import { validationMetrics } from '../metrics';
import { Trainer, type BatchProgress, type EpochResult, type TrainHooks } from './trainer';
import type { TrainConfig } from '../types';
import { syntheticImages } from '../data/syntheticImages.fixture';
import { trainingTestConfig } from './trainConfig.fixture';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const synthetic = (count: number, seed: number) => syntheticImages(count, seed);

// Tiny on purpose: the cpu backend's conv filter gradient is slow (~1 s per batch of 16).
const data: ClassData = { train: synthetic(32, 1), validation: synthetic(32, 2) };
/** For tests that only need a few steps: 4 batches of 2. */
const tinyData: ClassData = { train: synthetic(8, 3), validation: synthetic(4, 4) };

const config = trainingTestConfig(data, { batchSize: 8, seed: 5 });

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

      // The loss split sums to the loss; the calibration numbers are the logits' own.
      expect(metrics.validationLossCorrect + metrics.validationLossWrong).toBeCloseTo(
        metrics.validationLoss,
        12,
      );
      expect(metrics.wrongCount).toBe(Math.round((1 - metrics.validationAccuracy) * 32));
      const diagram = reliabilityDiagram(validationLogits, data.validation.labels);
      expect(metrics.reliability).toEqual(diagram);
      expect(metrics.reliability.count).toHaveLength(15);
      expect(metrics.reliability.count.reduce((a, b) => a + b, 0)).toBe(32);
      expect({ ece: metrics.ece, mce: metrics.mce }).toEqual(calibrationErrors(diagram));
      expect(last.earlyStop).toBeNull();
      // Without early stopping the model holds the epoch it just trained.
      expect(last.model.epoch).toBe(last.metrics.epoch);
      expect(last.model.validationLogits).toBe(last.validationLogits);
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

  it.each<[string, Partial<TrainConfig>, Partial<TrainConfig>]>([
    [
      'smoothing, L2, dropout and early stopping',
      { labelSmoothing: 0.1, l2: 0.001, dropout: 0.5, earlyStop: 'loss', patience: 10 },
      { dropout: 0 },
    ],
    ['focal loss and mixup', { focalGamma: 2, mixupAlpha: 0.4 }, { mixupAlpha: 0 }],
  ])('with %s on: same seed, same run, resumed or not; no leaks', async (_, on, without) => {
    const baseline = tf.memory().numTensors;
    const allOn: TrainConfig = { ...config, trainSize: 8, batchSize: 2, ...on };
    const straight = Trainer.create(tinyData, allOn);
    const paused = Trainer.create(tinyData, allOn);
    const plain = Trainer.create(tinyData, { ...allOn, ...without });
    const tensorsAfterEpoch: number[] = [];
    for (let epoch = 1; epoch <= 2; epoch++) {
      expect(await straight.trainEpoch(hooks())).toBe('complete');
      const a = await straight.finishEpoch();
      // Paused mid-epoch, at a different batch each epoch: resuming redraws the same dropout
      // masks and mixup blends.
      expect(await paused.trainEpoch(hooks(epoch))).toBe('stopped');
      expect(await paused.trainEpoch(hooks())).toBe('complete');
      const b = await paused.finishEpoch();
      expect(Number.isFinite(a.metrics.trainLoss)).toBe(true);
      expect(b.metrics.trainLoss).toBe(a.metrics.trainLoss);
      expect(Array.from(b.validationLogits)).toEqual(Array.from(a.validationLogits));
      expect(a.earlyStop).toBeNull();
      if (epoch === 1) {
        expect(await plain.trainEpoch(hooks())).toBe('complete');
        const c = await plain.finishEpoch();
        // Dropout (mixup) really acts in training: the same seed without it trains differently.
        expect(Array.from(c.validationLogits)).not.toEqual(Array.from(a.validationLogits));
      }
      tensorsAfterEpoch.push(tf.memory().numTensors);
    }
    expect(tensorsAfterEpoch[1]).toBe(tensorsAfterEpoch[0]);
    [straight, paused, plain].forEach((trainer) => trainer.dispose());
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('minimises the label-smoothed or focal loss plus the L2 penalty', async () => {
    const tinyConfig = { ...config, trainSize: 8, batchSize: 2 };
    const firstEpochLoss = async (overrides: Partial<TrainConfig>) => {
      const trainer = Trainer.create(tinyData, { ...tinyConfig, ...overrides });
      await trainer.trainEpoch(hooks());
      const { metrics } = await trainer.finishEpoch();
      trainer.dispose();
      return metrics;
    };
    const hard = await firstEpochLoss({});
    const smoothed = await firstEpochLoss({ labelSmoothing: 0.3 });
    const penalised = await firstEpochLoss({ l2: 0.5 });
    expect(smoothed.trainLoss).not.toBe(hard.trainLoss);
    // Σw² of the small CNN's kernels is of order 10: with λ = 0.5 the penalty dominates.
    expect(penalised.trainLoss).toBeGreaterThan(hard.trainLoss + 1);
    // (1 − p)^γ ≤ 1 weights every term down: the focal objective is below cross-entropy.
    const focal = await firstEpochLoss({ focalGamma: 2 });
    expect(focal.trainLoss).toBeLessThan(hard.trainLoss);
  });

  it('stops early, restores the best epoch and refuses to train on', async () => {
    const baseline = tf.memory().numTensors;
    const trainer = Trainer.create(tinyData, {
      ...config,
      trainSize: 8,
      batchSize: 2,
      earlyStop: 'accuracy',
      patience: 1,
    });
    // 4 validation images: accuracy can rise strictly at most 4 times, so this must stop.
    const results: EpochResult[] = [];
    while (!trainer.stoppedEarly && results.length < 8) {
      await trainer.trainEpoch(hooks());
      results.push(await trainer.finishEpoch());
    }
    const last = results[results.length - 1];
    expect(trainer.stoppedEarly).toBe(true);
    expect(last.earlyStop).toEqual(trainer.earlyStop);
    const info = last.earlyStop;
    if (info === null) throw new Error('expected an early stop');
    expect(info.metric).toBe('accuracy');
    expect(info.stoppedAfterEpoch).toBe(results.length);
    expect(info.bestEpoch).toBe(info.stoppedAfterEpoch - 1);
    const accuracies = results.map((result) => result.metrics.validationAccuracy);
    expect(accuracies.indexOf(Math.max(...accuracies)) + 1).toBe(info.bestEpoch);
    results.slice(0, -1).forEach((result) => expect(result.earlyStop).toBeNull());

    // The model now predicts exactly what the best epoch predicted.
    const best = results[info.bestEpoch - 1].validationLogits;
    const restored = await trainer.evaluateValidation();
    restored.forEach((value, i) => expect(Math.abs(value - best[i])).toBeLessThanOrEqual(1e-6));
    expect(last.model.epoch).toBe(info.bestEpoch);
    expect(Array.from(last.model.validationLogits)).toEqual(Array.from(best));
    expect(Array.from(restored)).not.toEqual(Array.from(last.validationLogits));

    await expect(trainer.trainEpoch(hooks())).rejects.toThrow(/Stopped early/);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
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

  it.each(['adam', 'sgd', 'momentum'] as const)(
    'changes settings mid-run (%s): from the next batch, recorded where they took effect, no leaks',
    async (optimizer) => {
      const baseline = tf.memory().numTensors;
      const tinyConfig: TrainConfig = { ...config, trainSize: 8, batchSize: 2, optimizer };
      const changed = Trainer.create(tinyData, tinyConfig);
      const same = Trainer.create(tinyData, tinyConfig);
      // Two batches of epoch 1 trained, then the change: it applies from batch 3.
      expect(await changed.trainEpoch(hooks(2))).toBe('stopped');
      expect(await same.trainEpoch(hooks(2))).toBe('stopped');
      const events = changed.adjust({
        learningRate: 0.05,
        l2: 0.01,
        focalGamma: 1,
        labelSmoothing: 0.01,
      });
      expect(events).toEqual([
        { epoch: 1, batch: 2, batchesPerEpoch: 4, field: 'learningRate', from: 0.01, to: 0.05 },
        { epoch: 1, batch: 2, batchesPerEpoch: 4, field: 'l2', from: 0, to: 0.01 },
        { epoch: 1, batch: 2, batchesPerEpoch: 4, field: 'labelSmoothing', from: 0, to: 0.01 },
        { epoch: 1, batch: 2, batchesPerEpoch: 4, field: 'focalGamma', from: 0, to: 1 },
      ]);
      expect(changed.adjust({ learningRate: 0.05 })).toEqual([]); // no change, no event
      expect(changed.adjustable).toEqual({
        learningRate: 0.05,
        l2: 0.01,
        labelSmoothing: 0.01,
        focalGamma: 1,
      });
      await changed.trainEpoch(hooks());
      await same.trainEpoch(hooks());
      const a = await changed.finishEpoch();
      const b = await same.finishEpoch();
      expect(Array.from(a.validationLogits)).not.toEqual(Array.from(b.validationLogits));
      // Between epochs the change is stamped at the next epoch's first batch.
      expect(changed.adjust({ learningRate: 0.001 })[0]).toMatchObject({ epoch: 2, batch: 0 });
      [changed, same].forEach((trainer) => trainer.dispose());
      expect(tf.memory().numTensors).toBe(baseline);
    },
  );

  it('refuses use after dispose', async () => {
    const trainer = Trainer.create(data, config);
    trainer.dispose();
    trainer.dispose(); // idempotent
    await expect(trainer.trainEpoch(hooks())).rejects.toThrow(/disposed/);
  });
});
