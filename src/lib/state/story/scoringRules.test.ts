import { describe, expect, it } from 'vitest';
import { penaltyCurves, rightPenalties, wrongPenalties } from './scoringRules';

describe('scoring rules on one example', () => {
  it('(12, −12) with the other class true: NLL 24 nats, Brier just under its cap of 2', () => {
    const wrong = wrongPenalties(24);
    expect(wrong.nll).toBeCloseTo(24, 9);
    expect(wrong.brier).toBeLessThan(2);
    expect(wrong.brier).toBeCloseTo(2, 9);
    expect(wrong.error).toBe(1);
  });

  it('a coin flip costs ln 2 nats and 0.5 Brier either way', () => {
    expect(wrongPenalties(0).nll).toBe(rightPenalties(0).nll);
    expect(wrongPenalties(0).brier).toBe(rightPenalties(0).brier);
    expect(wrongPenalties(0).nll).toBeCloseTo(Math.LN2, 12);
    expect(wrongPenalties(0).brier).toBeCloseTo(0.5, 12);
  });

  it('the asymmetry: a right answer saves at most ln 2 nats, a wrong one costs without bound', () => {
    expect(rightPenalties(30).nll).toBeCloseTo(0, 12);
    expect(wrongPenalties(30).nll).toBeGreaterThan(30);
    expect(rightPenalties(30).brier).toBeCloseTo(0, 12);
    const { brier, nll } = penaltyCurves(30, 30);
    expect(Math.max(...brier.map((point) => point.y))).toBeLessThanOrEqual(2);
    expect(nll.at(-1)?.y).toBeGreaterThan(30);
  });
});
