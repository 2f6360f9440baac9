import { describe, expect, it } from 'vitest';
import { fitIsotonic, fitPlatt, posthocReport, twoClassOnlyReason } from './posthoc';
import { calibrationSplit, evaluateAtTemperature } from './temperature';

describe('post-hoc fixes for K > 2 classes', () => {
  // 4 classes, 6 examples, split by seed 5.
  const logits = Float32Array.from([
    4, 0, 0, 0, 0, 3, 0, 0, 0, 0, 5, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 6, 0, 0,
  ]);
  const labels = Uint8Array.from([0, 1, 2, 0, 1, 1]);

  it('marks Platt and isotonic not applicable, saying why; temperature still applies', () => {
    const report = posthocReport(logits, labels, 5);
    expect(report.platt.notApplicable).toBe(twoClassOnlyReason(4));
    expect(report.isotonic.notApplicable).toMatch(/4 classes, so they do not apply/);
    expect(report.platt.nll).toBeNaN();
    expect(report.isotonic.ece).toBeNaN();
    expect(report.isotonicWarning).toBeNull();
    // The temperature row is the evaluation half at the fitted T; "none" is T = 1.
    const { evaluation } = calibrationSplit(labels, 5);
    expect(report.none.nll).toBe(evaluateAtTemperature(logits, labels, evaluation, 1).nll);
    expect(report.temperature.nll).toBe(
      evaluateAtTemperature(logits, labels, evaluation, report.temperature.T).nll,
    );
    expect(report.calibrationCount).toBe(3);
    expect(report.evaluationCount).toBe(3);
  });

  it('two-class reports carry no notApplicable', () => {
    const report = posthocReport(
      Float32Array.from([0, 1, 1, 0, 0, 2, 3, 0]),
      Uint8Array.from([1, 0, 1, 1]),
      5,
    );
    expect(report.platt.notApplicable).toBeUndefined();
    expect(report.isotonic.notApplicable).toBeUndefined();
  });

  it('the two-class fits refuse K-class logits', () => {
    expect(() => fitPlatt(logits, labels, [0, 2])).toThrow(/do not apply/);
    expect(() => fitIsotonic(logits, labels, [0, 2])).toThrow(/do not apply/);
  });
});
