// A small TrainConfig for unit tests that need one but do not train it (protocol, storage,
// controller tests); override what a test is about.
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
