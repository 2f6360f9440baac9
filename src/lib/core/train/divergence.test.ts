import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from './trainer';
import { syntheticImages } from '../data/syntheticImages.fixture';
import { trainingTestConfig } from './trainConfig.fixture';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const synthetic = (count: number, seed: number) =>
  syntheticImages(count, seed, { offset: 0, spread: 256 });

describe('divergence', () => {
  it('reports a run whose training loss is no longer finite, within the epoch', async () => {
    const data = { train: synthetic(16, 1), validation: synthetic(4, 2) };
    const config = trainingTestConfig(data, {
      batchSize: 4,
      // Far beyond any sane step size: plain SGD overflows float32 within a few steps.
      learningRate: 1e12,
      optimizer: 'sgd',
      seed: 3,
    });
    const baseline = tf.memory().numTensors;
    const trainer = Trainer.create(data, config);
    const outcomes: string[] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      const outcome = await trainer.trainEpoch({ shouldStop: () => false, onProgress: () => {} });
      outcomes.push(outcome);
      if (outcome !== 'complete') break;
      await trainer.finishEpoch();
    }
    expect(outcomes.at(-1)).toBe('diverged');
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);
});
