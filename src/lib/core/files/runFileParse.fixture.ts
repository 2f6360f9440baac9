// A small valid run file (2 epochs, 10 validation examples: the settings' minimum, every optional part present) for
// the parser's tests to break in different ways.

import { logitGapHistogram, validationMetrics } from '../metrics';
import { buildRunFile } from './runFile';
import { testConfig } from '../train/trainConfig.fixture';
import type { EpochMetrics } from '../types';

const config = testConfig({
  validationSize: 10,
  labelSmoothing: 0.1,
  dropout: 0.2,
  earlyStop: 'loss',
  validationPercent: 20,
});
const labels = new Uint8Array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
const logits = new Float32Array([
  0.62, -0.52, 3, -1, 4, -4, 1, 0, 2, 1, -2, 2.5, 12, -12, -3, 3, -1, 5, 0, 0.5,
]);

function epochMetrics(epoch: number): EpochMetrics {
  const { loss, accuracy } = validationMetrics(logits, labels);
  return {
    epoch,
    trainLoss: 0.5 / epoch,
    trainAccuracy: 0.8,
    validationLoss: loss,
    validationAccuracy: accuracy,
    imagesPerSecond: 120,
    logitGapHistogram: logitGapHistogram(logits, labels),
    validationLossCorrect: 0.4,
    validationLossWrong: loss - 0.4,
    wrongCount: 1,
    ece: 0.1,
    mce: 0.3,
    reliability: {
      edges: [0, 0.5, 1],
      count: [0, 10],
      accuracy: [0, 0.75],
      confidence: [0, 0.9],
    },
  };
}

export const validRunFile = {
  ...buildRunFile({
    config,
    backendPreference: 'webgl',
    link: '#classes=pullover,coat&train=64',
    backend: { name: 'webgl', adapter: 'SwiftShader', fallbackReason: null, tfjsVersion: '4.22.0' },
    userAgent: 'Mozilla/5.0 test',
    epochs: [epochMetrics(1), epochMetrics(2)],
    validationLabels: labels,
    validationLogits: logits,
    createdAt: new Date('2026-01-31T12:34:56.789Z'),
    earlyStop: { metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 2 },
    logitsHistory: [logits, logits.map((z) => 1.5 * z)],
  }),
  temperature: {
    T: 1.7,
    nllBefore: 0.9,
    nllAfter: 0.6,
    eceBefore: 0.2,
    eceAfter: 0.05,
    bound: null,
  },
};
export const validRunFileText = JSON.stringify(validRunFile);
