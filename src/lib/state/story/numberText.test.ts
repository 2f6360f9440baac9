import { describe, expect, it } from 'vitest';
import { formatFigure, formatLogit } from './numberText';

describe('formatFigure', () => {
  it('keeps trailing zeros at three significant digits', () => {
    expect(formatFigure(0.27722)).toBe('0.277');
    expect(formatFigure(24.000000000037)).toBe('24.0');
    expect(formatFigure(0.99999)).toBe('1.00');
    expect(formatFigure(1)).toBe('1.00');
    expect(formatFigure(0)).toBe('0.00');
    expect(formatFigure(-0.5)).toBe('−0.500');
  });

  it('writes tiny values with a power of ten and large ones whole', () => {
    expect(formatFigure(Math.exp(-24))).toBe('3.78 × 10⁻¹¹');
    expect(formatFigure(-2e-5)).toBe('−2.00 × 10⁻⁵');
    expect(formatFigure(0.000123)).toBe('0.000123');
    expect(formatFigure(1234.5)).toBe('1235');
    expect(formatFigure(999.7)).toBe('1000');
  });

  it('shows a dash for missing or non-finite values', () => {
    expect(formatFigure(null)).toBe('—');
    expect(formatFigure(undefined)).toBe('—');
    expect(formatFigure(Number.NaN)).toBe('—');
    expect(formatFigure(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatLogit', () => {
  it('shows two decimals with a true minus sign', () => {
    expect(formatLogit(12.346)).toBe('12.35');
    expect(formatLogit(-0.52)).toBe('−0.52');
    expect(formatLogit(-0.001)).toBe('0.00');
    expect(formatLogit(Number.NaN)).toBe('—');
  });
});
