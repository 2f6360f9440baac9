import { describe, expect, it } from 'vitest';
import { epochWith as epoch } from '../../core/metrics/epochMetrics.fixture';
import {
  formatDuration,
  formatEdge,
  formatPercent,
  formatRate,
  formatSignificant,
} from '../../format';
import { bestEpochs } from './summary';

describe('bestEpochs', () => {
  it('is empty for no epochs', () => {
    expect(bestEpochs([])).toEqual({ lowestValidationLoss: null, highestValidationAccuracy: null });
  });

  it('finds the earliest best loss and accuracy, ignoring NaN losses', () => {
    const history = [
      epoch(1, 0.6, 0.8),
      epoch(2, 0.3, 0.9),
      epoch(3, NaN, 0.92),
      epoch(4, 0.3, 0.92),
      epoch(5, 0.45, 0.91),
    ];
    const best = bestEpochs(history);
    expect(best.lowestValidationLoss?.epoch).toBe(2);
    expect(best.highestValidationAccuracy?.epoch).toBe(3);
  });
});

describe('formatting', () => {
  it('formats figures for people', () => {
    expect(formatSignificant(0.693147)).toBe('0.693');
    expect(formatSignificant(12.3456)).toBe('12.3');
    expect(formatSignificant(NaN)).toBe('—');
    expect(formatPercent(0.91234)).toBe('91.2%');
    expect(formatPercent(null)).toBe('—');
    expect(formatDuration(65_432)).toBe('01:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatRate(12345.6)).toBe('12,346');
    expect(formatEdge(0.5)).toBe('0.5');
    expect(formatEdge(2)).toBe('2');
  });
});
