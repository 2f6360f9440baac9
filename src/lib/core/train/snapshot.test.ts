import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassData } from '../data';
import { Trainer, type TrainHooks } from './trainer';
import type { TrainConfig } from '../types';
import { syntheticImages } from '../data/syntheticImages.fixture';
import { trainingTestConfig } from './trainConfig.fixture';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const synthetic = (count: number, seed: number) => syntheticImages(count, seed);

const data: ClassData = { train: synthetic(8, 3), validation: synthetic(6, 4) };
const hooks: TrainHooks = { shouldStop: () => false, onProgress: () => {} };

async function trainEpochs(trainer: Trainer, epochs: number): Promise<number[]> {
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    await trainer.trainEpoch(hooks);
    losses.push((await trainer.finishEpoch()).metrics.validationLoss);
  }
  return losses;
}

describe.each<Partial<TrainConfig>>([
  { optimizer: 'adam' },
  { optimizer: 'momentum', dropout: 0.3, earlyStop: 'loss', patience: 3 },
])('Trainer snapshots (%o)', (overrides) => {
  const config = trainingTestConfig(data, { batchSize: 4, seed: 11, ...overrides });

  it('continues after a restore exactly as an uninterrupted run', async () => {
    const baseline = tf.memory().numTensors;
    const straight = Trainer.create(data, config);
    const expected = await trainEpochs(straight, 3);
    straight.dispose();

    const first = Trainer.create(data, config);
    const before = await trainEpochs(first, 2);
    const snapshot = await first.exportState();
    first.dispose();
    expect(snapshot.epoch).toBe(2);

    const resumed = Trainer.create(data, config);
    await resumed.restoreState(snapshot);
    expect(resumed.epochsCompleted).toBe(2);
    const after = await trainEpochs(resumed, 1);
    resumed.dispose();

    expect([...before, ...after]).toEqual(expected);
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);

  it('refuses a snapshot of another model shape', async () => {
    const trainer = Trainer.create(data, config);
    const other = Trainer.create(data, { ...config, model: 'wide' });
    const snapshot = await other.exportState();
    other.dispose();
    await expect(trainer.restoreState(snapshot)).rejects.toThrow(/weight/);
    trainer.dispose();
  });
});
