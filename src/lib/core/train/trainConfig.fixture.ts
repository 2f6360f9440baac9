// A small TrainConfig for unit tests that need one but do not train it (protocol, storage,
// controller tests); override what a test is about.
import type { ClassData } from '../data';
import type { TrainConfig } from '../types';

export function testConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    classes: ['pullover', 'coat'],
    trainSize: 64,
    validationSize: 2,
    epochs: 3,
    batchSize: 32,
    learningRate: 0.001,
    optimizer: 'adam',
    model: 'small',
    seed: 7,
    labelSmoothing: 0,
    l2: 0,
    dropout: 0,
    earlyStop: 'off',
    patience: 5,
    focalGamma: 0,
    mixupAlpha: 0,
    ...overrides,
  };
}

/**
 * A config for a test that trains `data`: its sizes are the data's counts, and the learning
 * rate is 0.01 so that tiny runs move in a few steps; override what the test is about.
 */
export function trainingTestConfig(
  data: ClassData,
  overrides: Partial<TrainConfig> = {},
): TrainConfig {
  return testConfig({
    trainSize: data.train.count,
    validationSize: data.validation.count,
    learningRate: 0.01,
    ...overrides,
  });
}
