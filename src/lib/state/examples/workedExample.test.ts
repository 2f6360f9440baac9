import { describe, expect, it } from 'vitest';
import { formatFigure } from '../story';
import {
  clampLogit,
  lossCurves,
  lossWhenRight,
  lossWhenWrong,
  MAX_GAP,
  WORKED_PRESETS,
  workedExample,
} from './workedExample';

describe('workedExample', () => {
  it('matches the hand calculation for (0.62, −0.52)', () => {
    const example = workedExample(0.62, -0.52);
    // p0 = 1 / (1 + e^−1.14)
    expect(example.p0).toBeCloseTo(0.75768, 5);
    expect(example.p1).toBeCloseTo(0.24232, 5);
    expect(example.p0 + example.p1).toBeCloseTo(1, 12);
    expect(example.lossIfClass0).toBeCloseTo(0.27749, 5);
    expect(example.lossIfClass1).toBeCloseTo(1.41749, 5);
    expect(example.predicted).toBe(0);
    expect(example.gap).toBeCloseTo(1.14, 12);
  });

  it('charges a confidently wrong (12, −12) the full 24 nats, unclipped', () => {
    const example = workedExample(12, -12);
    // 24 + log1p(e^−24): the tail is 3.78e-11, far below any clipping epsilon.
    expect(example.lossIfClass1).toBeCloseTo(24.000000000037, 11);
    expect(example.lossIfClass1 - 24).toBeGreaterThan(3.7e-11);
    expect(example.lossIfClass0).toBeCloseTo(3.775e-11, 13);
    expect(example.p1).toBeCloseTo(3.775e-11, 13);
  });

  it('is a coin flip at (0, 0)', () => {
    const example = workedExample(0, 0);
    expect(example.p0).toBe(0.5);
    expect(example.lossIfClass0).toBeCloseTo(Math.LN2, 12);
    expect(example.lossIfClass1).toBeCloseTo(Math.LN2, 12);
  });
});

describe('loss vs logit gap', () => {
  it('falls to 0 when right and grows linearly when wrong', () => {
    expect(lossWhenRight(0)).toBeCloseTo(Math.LN2, 12);
    expect(lossWhenRight(20)).toBeLessThan(1e-8);
    expect(lossWhenWrong(20) - lossWhenWrong(10)).toBeCloseTo(10, 4);
    // The two differ by exactly the gap: softplus(g) − softplus(−g) = g.
    for (const gap of [0, 0.5, 3, 17])
      expect(lossWhenWrong(gap) - lossWhenRight(gap)).toBeCloseTo(gap, 10);
  });

  it('samples both curves over the sliders’ whole gap range', () => {
    const { right, wrong } = lossCurves(MAX_GAP, 60);
    expect(right).toHaveLength(61);
    expect(wrong.at(-1)?.x).toBe(MAX_GAP);
    expect(wrong.at(-1)?.y).toBeCloseTo(30, 6);
    expect(right.every((point, i) => i === 0 || point.y < right[i - 1].y)).toBe(true);
  });
});

describe('clampLogit', () => {
  it('keeps values in range and ignores unreadable input', () => {
    expect(clampLogit(20, 1)).toBe(15);
    expect(clampLogit(-16, 1)).toBe(-15);
    expect(clampLogit(0.5, 1)).toBe(0.5);
    expect(clampLogit(Number.NaN, 1)).toBe(1);
  });
});

describe('presets', () => {
  it('say what the maths gives', () => {
    const byLabel = new Map(WORKED_PRESETS.map((preset) => [preset.label, preset]));
    const mild = byLabel.get('(0.62, −0.52)');
    expect(mild && workedExample(mild.z0, mild.z1).lossIfClass0).toBeCloseTo(0.277, 3);
    const sure = byLabel.get('(3, −3)');
    expect(sure && workedExample(sure.z0, sure.z1).lossIfClass0).toBeCloseTo(0.002476, 6);
    const wrong = byLabel.get('(12, −12), true class 1');
    expect(wrong?.trueClass).toBe(1);
    expect(wrong && workedExample(wrong.z0, wrong.z1).lossIfClass1).toBeCloseTo(24, 9);
  });
});

describe('as shown', () => {
  it('reads 0.277 and 24.0 for the two headline presets', () => {
    const mild = workedExample(0.62, -0.52);
    expect([formatFigure(mild.p0), formatFigure(mild.p1)]).toEqual(['0.758', '0.242']);
    expect(formatFigure(mild.lossIfClass0)).toBe('0.277');
    const wrong = workedExample(12, -12);
    expect(formatFigure(wrong.lossIfClass1)).toBe('24.0');
    expect(formatFigure(wrong.p0)).toBe('1.00');
    expect(formatFigure(wrong.p1)).toBe('3.78 × 10⁻¹¹');
  });
});
