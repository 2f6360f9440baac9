import { describe, expect, it } from 'vitest';
import { calibrationErrors, lossSplit, reliabilityDiagram } from '../metrics';
import { logitGapHistogram, validationMetrics } from '../metrics';
import { buildRunFile, RUN_FILE_FORMAT, runFileName, type RunFileInput } from './runFile';
import { temperatureFit } from '../metrics';
import { testConfig } from '../train/trainConfig.fixture';
import type { EpochMetrics } from '../types';

const config = testConfig();

describe('buildRunFile', () => {
  const labels = new Uint8Array([0, 1, 1]);
  const logits = new Float32Array([0.62, -0.52, 12, -12, -0.1, 0.3]);
  const { loss, accuracy } = validationMetrics(logits, labels);
  const reliability = reliabilityDiagram(logits, labels);
  const split = lossSplit(logits, labels);
  const epoch: EpochMetrics = {
    epoch: 1,
    trainLoss: 0.5,
    trainAccuracy: 0.8,
    validationLoss: loss,
    validationAccuracy: accuracy,
    imagesPerSecond: 100,
    logitGapHistogram: logitGapHistogram(logits, labels),
    validationLossCorrect: split.correct,
    validationLossWrong: split.wrong,
    wrongCount: split.wrongCount,
    ...calibrationErrors(reliability),
    reliability,
  };
  const input: RunFileInput = {
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
  };
  const file = buildRunFile(input);

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

  it('carries the per-epoch calibration fields and the temperature fit of the final logits', () => {
    const parsed = JSON.parse(JSON.stringify(file)) as typeof file;
    expect(parsed.epochs[0].reliability.count).toHaveLength(15);
    expect(
      parsed.epochs[0].validationLossCorrect + parsed.epochs[0].validationLossWrong,
    ).toBeCloseTo(parsed.epochs[0].validationLoss, 12);
    const { T, bound, nllBefore, nllAfter, eceBefore, eceAfter } = temperatureFit(
      logits,
      labels,
      config.seed,
    );
    expect(parsed.temperature).toEqual({ T, bound, nllBefore, nllAfter, eceBefore, eceAfter });
    // Seed 7's calibration half is examples 0 and 1 (heldOutSplit.test.ts): margins 1.14 and
    // −24, mean below 0, so NLL falls as T grows and the file says the fit stopped at the upper end.
    expect(parsed.temperature?.T).toBe(100);
    expect(parsed.temperature?.bound).toEqual({
      side: 'upper',
      reason: expect.stringMatching(/^the logits favour the wrong class on average/),
    });
    expect(parsed.earlyStop).toBeNull();
  });

  it('records early stopping when given, and no temperature when it cannot be fitted', () => {
    const earlyStop = { metric: 'loss', bestEpoch: 1, stoppedAfterEpoch: 6 } as const;
    expect(buildRunFile({ ...input, earlyStop }).earlyStop).toEqual(earlyStop);
    // NaN in example 2, seed 7's evaluation half.
    const diverged = new Float32Array([0.62, -0.52, 12, -12, Number.NaN, 0]);
    expect(buildRunFile({ ...input, validationLogits: diverged }).temperature).toBeNull();
    const single = buildRunFile({
      ...input,
      validationLabels: labels.slice(0, 1),
      validationLogits: logits.slice(0, 2),
    });
    expect(single.temperature).toBeNull();
  });

  it("writes every epoch's logits as float32 base64 when given the history, none otherwise", () => {
    expect(file.epochLogits).toBeUndefined();
    const withHistory = buildRunFile({ ...input, logitsHistory: [logits] });
    expect(withHistory.epochLogits).toEqual({
      encoding: 'float32le-base64',
      epochs: [Buffer.from(logits.buffer).toString('base64')],
    });
    expect(() => buildRunFile({ ...input, logitsHistory: [] })).toThrow(/Expected 1 epochs of 6/);
    expect(() => buildRunFile({ ...input, logitsHistory: [logits.slice(2)] })).toThrow(/got 4/);
  });

  it('rejects mismatched logits and labels', () => {
    expect(() => buildRunFile({ ...input, validationLogits: new Float32Array(2) })).toThrow(
      /Expected K ≥ 2 logits per label, got 2 logits for 3 labels/,
    );
  });

  it('writes K logits per row for a K-class run: three classes, three labels', () => {
    const logits = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const file = buildRunFile({ ...input, validationLogits: logits });
    expect(file.validation.logits).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });
});

describe('runFileName', () => {
  it('is run-<timestamp>.json without colons', () => {
    expect(runFileName(new Date('2026-01-31T12:34:56.789Z'))).toBe('run-2026-01-31T12-34-56Z.json');
  });
});
