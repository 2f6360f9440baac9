import { describe, expect, it } from 'vitest';
import { fitTemperature, nllAtTemperature, temperatureFit } from './temperature';
import {
  expectImprovedEvaluationHalf,
  expectRecoveredScale,
  overConfidentClasses,
} from './temperature.fixture';
import { LN2, LN5 } from './logits.fixture';

/** Calibrated 3-class logits z ~ N(0, 2²) per class, label drawn from softmax(z), then × scale. */
const overConfident = (count: number, scale: number, seed: number) =>
  overConfidentClasses(count, 3, scale, 2, seed);

describe('NLL(T) for K classes', () => {
  it('is mean(logSumExp(z/T) − z_label/T), by hand', () => {
    // 3 classes: [0, 2 ln 2, 2 ln 5] / 2 = [0, ln 2, ln 5], softmax (1, 2, 5)/8: class 2 costs ln 1.6.
    // [0, 0, 0] costs ln 3 at any T.
    const logits = Float32Array.from([0, 2 * LN2, 2 * LN5, 0, 0, 0]);
    const labels = Uint8Array.from([2, 1]);
    expect(nllAtTemperature(logits, labels, [0], 2)).toBeCloseTo(Math.log(1.6), 6);
    expect(nllAtTemperature(logits, labels, [1], 0.3)).toBeCloseTo(Math.log(3), 12);
    expect(nllAtTemperature(logits, labels, [0, 1], 2)).toBeCloseTo(
      (Math.log(1.6) + Math.log(3)) / 2,
      6,
    );
    // 4 classes: [0, 0, 2 ln 2, 2 ln 4] / 2 = (1, 1, 2, 4)/8: class 3 costs ln 2.
    const four = Float32Array.from([0, 0, 2 * LN2, 2 * Math.log(4)]);
    expect(nllAtTemperature(four, Uint8Array.from([3]), [0], 2)).toBeCloseTo(LN2, 6);
  });
});

describe('temperature fit for K classes', () => {
  it('recovers the known over-confidence factor (T = 2.5 within 5%)', () => {
    expectRecoveredScale(overConfident(20_000, 2.5, 31), 2.5);
  });

  it('improves the evaluation half and keeps accuracy', () => {
    const { logits, labels } = overConfident(4000, 3, 32);
    expectImprovedEvaluationHalf(temperatureFit(logits, labels, 32));
  });

  it('says why it stopped at an end of the range', () => {
    const every = [0, 1, 2];
    // Every example right: NLL falls forever as T shrinks.
    const separated = fitTemperature(
      Float32Array.from([3, 0, 0, 0, 2, 0, 0, 0, 1]),
      Uint8Array.from([0, 1, 2]),
      every,
    );
    expect(separated.T).toBe(0.01);
    expect(separated.bound?.reason).toMatch(/perfectly separated/);
    // Every example wrong: each log(2 + e^(m/T)) (m = 3, 2, 1 ahead of the true class) falls
    // as T grows, toward log 3.
    const wrong = fitTemperature(
      Float32Array.from([0, 3, 0, 2, 0, 0, 1, 0, 0]),
      Uint8Array.from([0, 1, 2]),
      every,
    );
    expect(wrong).toEqual({
      T: 100,
      bound: {
        side: 'upper',
        reason:
          'every calibration example is wrong, so NLL keeps falling as T grows (toward log 3, a uniform guess); no finite T is best',
      },
    });
  });
});
