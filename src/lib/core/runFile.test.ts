import { describe, expect, it } from 'vitest';
import { logitGapHistogram, validationMetrics } from './metrics';
import { buildRunFile, RUN_FILE_FORMAT, runFileName } from './runFile';
import type { EpochMetrics, TrainConfig } from './types';

const config: TrainConfig = {
  classes: ['pullover', 'coat'],
  trainSize: 2000,
  validationSize: 2000,
  epochs: 40,
  batchSize: 64,
  learningRate: 0.001,
  optimizer: 'adam',
  model: 'wide',
  seed: 1,
};

describe('buildRunFile', () => {
  const labels = new Uint8Array([0, 1, 1]);
  const logits = new Float32Array([0.62, -0.52, 12, -12, -0.1, 0.3]);
  const { loss, accuracy } = validationMetrics(logits, labels);
  const epoch: EpochMetrics = {
    epoch: 1,
    trainLoss: 0.5,
    trainAccuracy: 0.8,
    validationLoss: loss,
    validationAccuracy: accuracy,
    imagesPerSecond: 100,
    logitGapHistogram: logitGapHistogram(logits, labels),
  };
  const file = buildRunFile({
    config,
    backendPreference: 'auto',
    link: '#classes=pullover,coat',
    backend: {
      name: 'webgl',
      adapter: 'SwiftShader',
      fallbackReason: 'no adapter',
      tfjsVersion: '4.22.0',
    },
    userAgent: 'test',
    epochs: [epoch],
    validationLabels: labels,
    validationLogits: logits,
    createdAt: new Date('2026-01-31T12:34:56.789Z'),
  });

  it('uses the documented names', () => {
    expect(file.format).toBe(RUN_FILE_FORMAT);
    expect(file.environment).toMatchObject({
      backend: 'webgl',
      adapter: 'SwiftShader',
      tfjs: '4.22.0',
    });
    expect(file.config.backend).toBe('auto');
    expect(file.validation.labels).toEqual([0, 1, 1]);
    expect(file.validation.logits).toHaveLength(3);
  });

  it('keeps logits whose loss is exactly the reported validation loss after a JSON round trip', () => {
    const parsed = JSON.parse(JSON.stringify(file)) as typeof file;
    const flat = new Float32Array(parsed.validation.logits.flat());
    const again = validationMetrics(flat, new Uint8Array(parsed.validation.labels));
    expect(again.loss).toBe(parsed.epochs[0].validationLoss);
    expect(again.accuracy).toBe(parsed.epochs[0].validationAccuracy);
  });

  it('rejects mismatched logits and labels', () => {
    expect(() =>
      buildRunFile({
        ...file,
        config,
        backendPreference: 'auto',
        backend: { name: 'cpu', adapter: '', fallbackReason: null, tfjsVersion: '' },
        userAgent: '',
        validationLabels: labels,
        validationLogits: new Float32Array(2),
        createdAt: new Date(),
      }),
    ).toThrow(/Expected 6 logits/);
  });
});

describe('runFileName', () => {
  it('is run-<timestamp>.json without colons', () => {
    expect(runFileName(new Date('2026-01-31T12:34:56.789Z'))).toBe('run-2026-01-31T12-34-56Z.json');
  });
});
