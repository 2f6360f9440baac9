import { describe, expect, it } from 'vitest';
import { LN2, LN5 } from './logits.fixture';
import { eceBootstrap } from './bootstrap';
import { calibrationErrors, equalMassDiagram, reliabilityDiagram } from './calibration';
import { metricsFromLogits } from './epochMetrics';
import { mulberry32 } from '../prng';

const NO_TRAINING = { epoch: 4, trainLoss: NaN, trainAccuracy: NaN, imagesPerSecond: NaN };

describe('metricsFromLogits', () => {
  // The 3-class set worked by hand in calibration.classes.test.ts: [0, 0, 0] class 0 (right by
  // the tie rule, loss ln 3, margin 0), [0, ln 2, ln 5] class 2 (right, ln 1.6, margin ln 2.5)
  // and class 0 (wrong, ln 8); ECE 11/36.
  const logits = Float32Array.from([0, 0, 0, 0, LN2, LN5, 0, LN2, LN5]);
  const labels = Uint8Array.from([0, 2, 0]);

  it('measures K-class logits, imported without a training curve', () => {
    const metrics = metricsFromLogits(NO_TRAINING, logits, labels);
    expect(metrics.epoch).toBe(4);
    expect(metrics.trainLoss).toBeNaN();
    expect(metrics.trainAccuracy).toBeNaN();
    expect(metrics.classCount).toBe(3);
    expect(metrics.validationLoss).toBeCloseTo((Math.log(3) + Math.log(1.6) + Math.log(8)) / 3, 6);
    expect(metrics.validationAccuracy).toBeCloseTo(2 / 3, 12);
    expect(metrics.wrongCount).toBe(1);
    expect(metrics.validationLossWrong).toBeCloseTo(Math.log(8) / 3, 6);
    // Margins 0, ln 2.5, ln 2.5 all fall in the first bin [0, 1.5).
    expect(metrics.logitGapHistogram.correct[0]).toBe(2);
    expect(metrics.logitGapHistogram.wrong[0]).toBe(1);
    expect(metrics.ece).toBeCloseTo(11 / 36, 6);
    expect(metrics.mce).toBeCloseTo(2 / 3, 12);
    // Brier: (⅔)² + 2·(⅓)² = 6/9 for the tie, 14/64 and 78/64 for the other two (brier.classes.test.ts).
    expect(metrics.brier?.score).toBeCloseTo((6 / 9 + 14 / 64 + 78 / 64) / 3, 6);
    expect(metrics.brier?.reliability).toBeNull();
    expect(metrics.reliabilityAdaptive?.edges[0]).toBe(1 / 3);
    expect(metrics.eceInterval?.resamples).toBe(1000);
  });

  it('adds no classCount for two classes, so their epochs are what they were', () => {
    const metrics = metricsFromLogits(
      { epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, imagesPerSecond: 900 },
      Float32Array.from([2, 0, 0, 1]),
      Uint8Array.from([0, 0]),
    );
    expect('classCount' in metrics).toBe(false);
    expect(metrics.brier?.reliability).not.toBeNull();
    expect(metrics.trainLoss).toBe(0.5);
  });

  it('gives NaN, not an error, for an empty set', () => {
    const metrics = metricsFromLogits(NO_TRAINING, new Float32Array(0), new Uint8Array(0));
    expect(metrics.validationLoss).toBeNaN();
    expect(metrics.ece).toBeNaN();
    expect(metrics.brier?.score).toBeNaN();
  });
});

describe('ECE bootstrap for K classes', () => {
  // 10 classes, 85 % right with margins far larger than that deserves.
  const random = mulberry32(8);
  const count = 600;
  const classes = 10;
  const labels = Uint8Array.from({ length: count }, () => Math.floor(random() * classes));
  const logits = new Float32Array(count * classes);
  for (let i = 0; i < count; i++) {
    const answer = random() < 0.85 ? labels[i] : (labels[i] + 1) % classes;
    logits[i * classes + answer] = 4 + random() * 8;
  }

  it('is reproducible and brackets the measured top-label ECE', () => {
    const interval = eceBootstrap(logits, labels);
    expect(eceBootstrap(logits, labels)).toEqual(interval);
    const width = calibrationErrors(reliabilityDiagram(logits, labels)).ece;
    const mass = calibrationErrors(equalMassDiagram(logits, labels)).ece;
    expect(interval.equalWidth.low).toBeLessThan(width);
    expect(interval.equalWidth.high).toBeGreaterThan(width);
    expect(interval.equalMass.low).toBeLessThan(mass + 0.02);
    expect(interval.equalMass.high).toBeGreaterThan(mass - 0.02);
  });
});
