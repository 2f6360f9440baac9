import { describe, expect, it } from 'vitest';
import { allRows, expectRelativelyClose } from './logits.fixture';
import { validationMetrics } from './metrics';
import {
  calibrationSplit,
  evaluateAtTemperature,
  fitTemperature,
  nllAtTemperature,
  temperatureFit,
} from './temperature';
import {
  expectImprovedEvaluationHalf,
  expectRecoveredScale,
  overConfidentPairs as overConfident,
} from './temperature.fixture';

describe('calibrationSplit', () => {
  it('is the run’s seeded, stratified split (heldOutSplit.test.ts tests it)', () => {
    // One example of each class: class 0's to calibration, class 1's to evaluation.
    expect(calibrationSplit(Uint8Array.from([1, 0]), 9)).toEqual({
      seed: 9,
      calibration: [1],
      evaluation: [0],
    });
    expect(calibrationSplit(new Uint8Array(0), 9)).toEqual({
      seed: 9,
      calibration: [],
      evaluation: [],
    });
  });
});

describe('nllAtTemperature', () => {
  it('is the validation loss at T = 1 and the loss of logits / T otherwise', () => {
    const logits = new Float32Array([2, -1, 0.5, 1.5, 3, 0, -2, 4]);
    const labels = new Uint8Array([0, 1, 1, 1]);
    expect(nllAtTemperature(logits, labels, [0, 1, 2, 3], 1)).toBeCloseTo(
      validationMetrics(logits, labels).loss,
      12,
    );
    // Example 2 alone, T = 3: logits [1, 0], label 1 → loss 1 + log(1 + e^-1).
    expect(nllAtTemperature(logits, labels, [2], 3)).toBeCloseTo(1 + Math.log1p(Math.exp(-1)), 12);
    expect(() => nllAtTemperature(logits, labels, [0], -1)).toThrow(/Temperature/);
  });
});

describe('fitTemperature', () => {
  it('recovers the known over-confidence factor (T = 3 within 5%)', () => {
    expectRecoveredScale(overConfident(20_000, 3, 17), 3);
  });

  it('finds T < 1 for an under-confident network', () => {
    const { logits, labels } = overConfident(20_000, 0.5, 18);
    const { T } = fitTemperature(logits, labels, calibrationSplit(labels, 18).calibration);
    expectRelativelyClose(T, 0.5, 0.05);
  });

  it('returns 1 when the logits carry no scale and ignores non-finite logits', () => {
    const zeros = new Float32Array(8);
    const labels = new Uint8Array([0, 1, 0, 1]);
    const one = { T: 1, bound: null };
    expect(fitTemperature(zeros, labels, [0, 1, 2, 3])).toEqual(one);
    expect(fitTemperature(new Float32Array([Number.NaN, 0]), new Uint8Array([0]), [0])).toEqual(
      one,
    );
    const { logits, labels: drawn } = overConfident(4000, 3, 19);
    logits[0] = Number.NaN;
    logits[3] = Number.POSITIVE_INFINITY;
    const { T } = fitTemperature(logits, drawn, allRows(drawn.length));
    expect(Number.isFinite(T)).toBe(true);
    expect(T).toBeGreaterThan(2);
  });
});

// Margins m = z_true − z_other. NLL at β = 1/T is mean log(1 + e^(−β·m)): convex in β, with
// slope −mean(m)/2 at β = 0. The expectations below follow from that by hand.
describe('fitTemperature at the ends of its range (T in [0.01, 100])', () => {
  const every = [0, 1, 2];

  for (const { name, logits, T, side, reason } of [
    {
      // Margins 3, 2, 1: each log(1 + e^(−m/T)) falls as T shrinks; no finite T is best.
      name: 'at the lower end when every example is right (separable)',
      logits: [3, 0, 0, 2, 1, 0],
      T: 0.01,
      side: 'lower',
      reason:
        'the calibration half is perfectly separated: every example is right, so NLL keeps falling as T shrinks; no finite T is best',
    },
    {
      // Margins −3, −2, −1: each log(1 + e^(|m|/T)) falls as T grows, toward log 2.
      name: 'at the upper end when every example is wrong',
      logits: [0, 3, 2, 0, 0, 1],
      T: 100,
      side: 'upper',
      reason:
        'every calibration example is wrong, so NLL keeps falling as T grows (toward log 2, a coin flip); no finite T is best',
    },
  ]) {
    it(`stops ${name}, saying why`, () => {
      const labels = new Uint8Array([0, 1, 0]);
      expect(fitTemperature(new Float32Array(logits), labels, every)).toEqual({
        T,
        bound: { side, reason },
      });
    });
  }

  it('stops at the upper end when the logits favour the wrong class on average', () => {
    // Margins 2 (right) and −3 (wrong): mean −0.5, so the slope at β = 0 is +0.25 and NLL
    // only rises with β — it falls as T grows, although one example is right.
    const fit = fitTemperature(new Float32Array([2, 0, 3, 0]), new Uint8Array([0, 1]), [0, 1]);
    expect(fit.T).toBe(100);
    expect(fit.bound?.side).toBe('upper');
    expect(fit.bound?.reason).toMatch(/^the logits favour the wrong class on average/);
  });

  it('names a best T beyond either end as such, not as a separated set', () => {
    // Right by 0.05 twice, wrong by 1e-4: the slope at β = 100 is ∝ −2·0.05·σ(−5) + 1e-4·σ(0.01)
    // = −6.7e-4 + 0.5e-4 < 0, still falling at T = 0.01.
    const sharp = fitTemperature(
      new Float32Array([0.05, 0, 0, 0.05, 0, 1e-4]),
      new Uint8Array([0, 1, 0]),
      every,
    );
    expect(sharp.T).toBe(0.01);
    expect(sharp.bound?.side).toBe('lower');
    expect(sharp.bound?.reason).toMatch(
      /^NLL was still falling at T = 0\.01.*the one wrong example/,
    );
    // Margins 10 and −9.9: mean 0.05 > 0, but the slope at β = 0.01 is
    // −(10·σ(−0.1) − 9.9·σ(0.099))/2 ≈ +0.22 > 0, still falling as T grows at T = 100.
    const flat = fitTemperature(new Float32Array([10, 0, 9.9, 0]), new Uint8Array([0, 1]), [0, 1]);
    expect(flat.T).toBe(100);
    expect(flat.bound?.side).toBe('upper');
    expect(flat.bound?.reason).toMatch(/^NLL was still falling at T = 100.*no information/);
  });

  it('finds an inside minimum with no bound when some examples are wrong', () => {
    // Margins 2, 2, −1: the slope −(4σ(−2β) − σ(β))/3 is zero where x = e^β solves
    // x³ − 3x − 4 = 0, i.e. x = ∛(2 + √3) + ∛(2 − √3) ≈ 2.19582, T = 1/ln x ≈ 1.27136.
    const logits = new Float32Array([2, 0, 0, 2, 1, 0]);
    const labels = new Uint8Array([0, 1, 1]);
    const fit = fitTemperature(logits, labels, every);
    expect(fit.bound).toBeNull();
    expect(fit.T).toBeCloseTo(1.27136, 5);
  });
});

describe('temperatureFit', () => {
  it('fits on the calibration half and improves NLL and ECE on the other, accuracy unchanged', () => {
    const { logits, labels } = overConfident(4000, 3, 21);
    const fit = temperatureFit(logits, labels, 21);
    expect(fit.calibrationCount).toBe(2000);
    expect(fit.evaluationCount).toBe(2000);
    expect(fit.T).toBeGreaterThan(2.5);
    expect(fit.T).toBeLessThan(3.5);
    expectImprovedEvaluationHalf(fit);
    expect(fit.bound).toBeNull();
    const { evaluation } = calibrationSplit(labels, 21);
    const before = evaluateAtTemperature(logits, labels, evaluation, 1);
    expect(before.nll).toBe(fit.nllBefore);
    expect(before.lossCorrect + before.lossWrong).toBeCloseTo(before.nll, 12);
    expect(before.reliability.count.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(before.mce).toBeGreaterThanOrEqual(before.ece);
  });

  it('reports a calibration half that is separated although the evaluation half is not', () => {
    // The calibration half right (margins 1 and 2), the evaluation half wrong: T runs to the lower end.
    const labels = new Uint8Array([0, 0, 1, 1]);
    const { calibration } = calibrationSplit(labels, 3);
    const logits = new Float32Array(8);
    labels.forEach((label, i) => {
      const right = calibration.includes(i);
      logits[2 * i + (right === (label === 1) ? 1 : 0)] = 1 + label;
    });
    const fit = temperatureFit(logits, labels, 3);
    expect(fit.T).toBe(0.01);
    expect(fit.bound?.side).toBe('lower');
    expect(fit.accuracyBefore).toBe(0);
  });
});
