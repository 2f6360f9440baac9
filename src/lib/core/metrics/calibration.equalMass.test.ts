import { describe, expect, it } from 'vitest';
import { logitsConfidentInClass0 } from './logits.fixture';
import { calibrationErrors, equalMassBinsOfSorted, equalMassDiagram } from './calibration';

describe('equal-mass bins', () => {
  it('put the same number of examples in each bin', () => {
    const confidences = [0.55, 0.6, 0.7, 0.8, 0.95, 0.99];
    const diagram = equalMassDiagram(
      logitsConfidentInClass0(confidences),
      Uint8Array.from([0, 1, 0, 0, 1, 0]),
      {
        bins: 3,
      },
    );
    expect(diagram.count).toEqual([2, 2, 2]);
    expect(diagram.accuracy).toEqual([0.5, 1, 0.5]);
    expect(diagram.confidence[0]).toBeCloseTo(0.575, 6);
    expect(diagram.edges[0]).toBe(0.5);
    expect(diagram.edges[1]).toBeCloseTo(0.65, 6);
    expect(diagram.edges[2]).toBeCloseTo(0.875, 6);
    expect(diagram.edges[3]).toBe(1);
    // ECE by hand: (2/6)(|0.5 − 0.575| + |1 − 0.75| + |0.5 − 0.97|).
    expect(calibrationErrors(diagram).ece).toBeCloseTo((0.075 + 0.25 + 0.47) / 3, 6);
  });

  it('keep tied confidences together, so a bin may be empty', () => {
    expect(Array.from(equalMassBinsOfSorted([0.6, 0.6, 0.6, 0.9], null, 2))).toEqual([0, 0, 0, 1]);
    const diagram = equalMassDiagram(
      logitsConfidentInClass0([0.6, 0.6, 0.6, 0.9]),
      Uint8Array.from([0, 0, 1, 0]),
      {
        bins: 2,
      },
    );
    expect(diagram.count).toEqual([3, 1]);
  });

  it('count weights: a bootstrap multiplicity moves the boundaries', () => {
    expect(Array.from(equalMassBinsOfSorted([0.6, 0.7, 0.8, 0.9], [3, 0, 0, 1], 2))).toEqual([
      0, 1, 1, 1,
    ]);
    expect(Array.from(equalMassBinsOfSorted([0.6, 0.7, 0.8, 0.9], [1, 1, 1, 1], 4))).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it('uneven counts differ by at most one', () => {
    const confidences = Array.from({ length: 17 }, (_, i) => 0.5 + (i + 1) / 40);
    const labels = new Uint8Array(17);
    const diagram = equalMassDiagram(logitsConfidentInClass0(confidences), labels, { bins: 5 });
    expect(diagram.count.reduce((a, b) => a + b, 0)).toBe(17);
    expect(Math.max(...diagram.count) - Math.min(...diagram.count)).toBeLessThanOrEqual(1);
    for (let i = 1; i < diagram.edges.length; i++)
      expect(diagram.edges[i]).toBeGreaterThan(diagram.edges[i - 1]);
  });
});
