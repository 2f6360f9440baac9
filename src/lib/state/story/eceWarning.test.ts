import { describe, expect, it } from 'vitest';
import { binAccuracyError, eceSampleWarning } from './eceWarning';

const diagram = (count: number[]) => ({
  edges: Array.from({ length: count.length + 1 }, (_, i) => i / count.length),
  count,
  accuracy: count.map(() => 0),
  confidence: count.map(() => 0),
});

describe('ECE sample-size warning', () => {
  it('is silent from 30 images per bin up', () => {
    expect(eceSampleWarning(diagram([...Array(14).fill(0), 450]), 'equal-width')).toBeNull();
    expect(eceSampleWarning(diagram(Array(15).fill(30)), 'equal-mass')).toBeNull();
  });

  it('names the size, the per-bin count, the noise and the fix', () => {
    const warning = eceSampleWarning(diagram(Array(10).fill(10)), 'equal-mass');
    expect(warning).toMatch(/100 images, about 7 per bin/);
    expect(warning).toMatch(/±\d+ points/);
    expect(warning).toMatch(/at least 450 validation images/);
  });

  it('counts the images in sparse equal-width bins', () => {
    const warning = eceSampleWarning(diagram([...Array(12).fill(0), 5, 20, 75]), 'equal-width');
    expect(warning).toMatch(/25 of them sit in 2 bins of fewer than 30/);
  });

  it('a bin of 100 images at 90 % accuracy is uncertain by 3 points', () => {
    expect(binAccuracyError(100)).toBeCloseTo(3, 12);
  });
});
