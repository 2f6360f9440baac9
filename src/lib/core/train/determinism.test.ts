// Part 1 of the reproducibility promise: one config, one seed, one backend → the same numbers.
// Seeded weight initialisation, seeded shuffling and seeded dropout mean two runs must agree;
// on the cpu backend (plain JS float32, one thread) they agree to the bit. The browser
// backends are measured by the regression spec instead (regress/README.md).

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassData } from '../data';
import { Trainer } from './trainer';
import type { TrainConfig } from '../types';
import { syntheticImages } from '../data/syntheticImages.fixture';
import { trainingTestConfig } from './trainConfig.fixture';

/** What the issue asks for; the cpu backend is expected to do better: exactly equal. */
const TOLERANCE = 1e-6;
const EPOCHS = 2;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const synthetic = (count: number, seed: number) =>
  syntheticImages(count, seed, { offset: 60, spread: 160 });

// Tiny: the cpu backend's convolution gradients are slow.
const data: ClassData = { train: synthetic(12, 11), validation: synthetic(8, 12) };

const config = trainingTestConfig(data, { epochs: EPOCHS, batchSize: 4, seed: 3 });

interface RunNumbers {
  validationLosses: number[];
  trainLosses: number[];
  lastLogits: number[];
}

async function run(runConfig: TrainConfig): Promise<RunNumbers> {
  const trainer = Trainer.create(data, runConfig);
  const result: RunNumbers = { validationLosses: [], trainLosses: [], lastLogits: [] };
  try {
    for (let epoch = 0; epoch < runConfig.epochs; epoch++) {
      const hooks = { shouldStop: () => false, onProgress: () => {} };
      expect(await trainer.trainEpoch(hooks)).toBe('complete');
      const { metrics, validationLogits } = await trainer.finishEpoch();
      result.validationLosses.push(metrics.validationLoss);
      result.trainLosses.push(metrics.trainLoss);
      result.lastLogits = Array.from(validationLogits);
    }
  } finally {
    trainer.dispose();
  }
  return result;
}

/** The seed's first run, shared by the tests that compare against it (each run costs seconds). */
let baseRun: Promise<RunNumbers> | undefined;
const firstRun = () => (baseRun ??= run(config));

function largestDifference(a: number[], b: number[]): number {
  expect(a).toHaveLength(b.length);
  return Math.max(...a.map((value, i) => Math.abs(value - b[i])));
}

describe('determinism on the cpu backend', () => {
  it('gives the same per-epoch validation losses for two runs of one seed', async () => {
    const first = await firstRun();
    const second = await run(config);
    expect(first.validationLosses).toHaveLength(EPOCHS);
    expect(first.validationLosses.every(Number.isFinite)).toBe(true);
    expect(largestDifference(first.validationLosses, second.validationLosses)).toBeLessThanOrEqual(
      TOLERANCE,
    );
    // Stronger than asked: bit-identical losses and logits.
    expect(second).toEqual(first);
  });

  it('gives different numbers for another seed (the check above is not vacuous)', async () => {
    const first = await firstRun();
    const other = await run({ ...config, seed: config.seed + 1 });
    expect(largestDifference(first.validationLosses, other.validationLosses)).toBeGreaterThan(1e-4);
  });

  it('stays exact with seeded dropout and label smoothing on', async () => {
    const regularised = { ...config, dropout: 0.5, labelSmoothing: 0.1 };
    const first = await run(regularised);
    const second = await run(regularised);
    expect(second).toEqual(first);
  });
});
