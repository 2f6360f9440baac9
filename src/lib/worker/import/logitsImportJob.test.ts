import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logitsJson } from '../../core/files';
import { Trainer } from '../../core/train';
import type { EpochMetrics } from '../../core/types';
import { testConfig } from '../../core/train/trainConfig.fixture';
import { compactLabels, importLogitsRun } from './logitsImportJob';
import { syntheticImages } from '../../core/data/syntheticImages.fixture';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const synthetic = (count: number, seed: number) => syntheticImages(count, seed);

const config = testConfig({
  trainSize: 16,
  validationSize: 12,
  batchSize: 8,
  learningRate: 0.02,
  seed: 3,
});

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('importLogitsRun', () => {
  it('re-imports a playground run exported as logits with the same per-epoch figures, exactly', async () => {
    const data = { train: synthetic(16, 1), validation: synthetic(12, 2) };
    const trainer = Trainer.create(data, config);
    const played: { metrics: EpochMetrics; logits: Float32Array }[] = [];
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      expect(await trainer.trainEpoch({ shouldStop: () => false, onProgress: () => {} })).toBe(
        'complete',
      );
      const result = await trainer.finishEpoch();
      played.push({ metrics: result.metrics, logits: result.validationLogits });
    }
    trainer.dispose();

    const file = logitsJson({
      classNames: ['Pullover', 'Coat'],
      labels: data.validation.labels,
      epochLogits: played.map((epoch) => epoch.logits),
      trainLoss: played.map((epoch) => epoch.metrics.trainLoss),
      trainAccuracy: played.map((epoch) => epoch.metrics.trainAccuracy),
    });
    const result = await importLogitsRun('my-run.json', encode(file));
    if (!result.ok) throw new Error(result.error);
    const { record, epochs } = result.run;

    expect(epochs).toHaveLength(config.epochs);
    epochs.forEach((row, index) => {
      // Only the speed is unknown to a file; every other figure is recomputed from the logits.
      const { imagesPerSecond: _speed, ...expected } = played[index].metrics;
      const { imagesPerSecond, ...imported } = row.metrics;
      expect(imagesPerSecond).toBeNaN();
      expect(imported).toEqual(expected);
      expect(Array.from(row.logits)).toEqual(Array.from(played[index].logits));
    });
    expect(record.source).toEqual({
      kind: 'imported',
      name: 'my-run',
      format: 'json',
      classNames: ['Pullover', 'Coat'],
      hasTrainCurve: true,
      notes: [],
    });
    expect(record.finished).toBe(true);
    expect(record.modelEpoch).toBe(3);
    expect(record.config.epochs).toBe(3);
    expect(record.curve.map((point) => point.validationLoss)).toEqual(
      played.map((epoch) => epoch.metrics.validationLoss),
    );
  });

  it('measures a 3-class file, leaving the unknown training curve empty', async () => {
    // Example 0: label 0, logits (2, 0, 0): correct. Example 1: label 2, logits (0, 3, 0): wrong.
    const file = {
      format: 'overconfidence-playground/logits@1',
      classes: ['cat', 'dog', 'bird'],
      labels: [0, 2],
      epochs: [
        {
          epoch: 1,
          logits: [
            [2, 0, 0],
            [0, 3, 0],
          ],
        },
      ],
    };
    const progress: string[] = [];
    const result = await importLogitsRun('three.json', encode(file), (stage) =>
      progress.push(stage),
    );
    if (!result.ok) throw new Error(result.error);
    const [row] = result.run.epochs;
    // Hand values: loss_0 = ln(e² + 2) − 2; loss_1 = ln(e³ + 2) − 0.
    const loss0 = Math.log(Math.exp(2) + 2) - 2;
    const loss1 = Math.log(Math.exp(3) + 2);
    expect(row.metrics.validationLoss).toBeCloseTo((loss0 + loss1) / 2, 12);
    expect(row.metrics.validationAccuracy).toBe(0.5);
    expect(row.metrics.wrongCount).toBe(1);
    expect(row.metrics.trainLoss).toBeNaN();
    expect(result.run.record.source?.hasTrainCurve).toBe(false);
    expect(result.run.record.validationLabels).toBeInstanceOf(Uint8Array);
    expect(progress).toContain('reading');
    expect(progress.at(-1)).toBe('measuring');
  });

  it('passes on the parser’s message for a bad file', async () => {
    const result = await importLogitsRun('bad.json', encode({ format: 'something/else' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/format/);
  });

  it('keeps 16-bit labels only above 256 classes', () => {
    expect(compactLabels(Uint16Array.of(0, 255), 256)).toBeInstanceOf(Uint8Array);
    expect(compactLabels(Uint16Array.of(0, 999), 1000)).toBeInstanceOf(Uint16Array);
  });
});
