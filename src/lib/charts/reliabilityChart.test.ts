import { describe, expect, it } from 'vitest';
import { reliabilityEdges } from '../core/metrics';
import type { ReliabilityDiagram } from '../core/types';
import {
  binRangeText,
  confidenceTickText,
  peakReliabilityCount,
  reliabilityBins,
} from './reliabilityChart';

/** 15 bins, empty except those given as bin → [count, accuracy, confidence]. */
function diagram(filled: Record<number, [number, number, number]>): ReliabilityDiagram {
  const zeros = () => new Array<number>(15).fill(0);
  const result = {
    edges: reliabilityEdges(15),
    count: zeros(),
    accuracy: zeros(),
    confidence: zeros(),
  };
  for (const [bin, [count, accuracy, confidence]] of Object.entries(filled)) {
    result.count[Number(bin)] = count;
    result.accuracy[Number(bin)] = accuracy;
    result.confidence[Number(bin)] = confidence;
  }
  return result;
}

describe('reliabilityBins', () => {
  it('starts at the bin holding confidence 0.5 and marks empty bins NaN', () => {
    const bins = reliabilityBins(diagram({ 9: [10, 0.5, 0.63], 14: [90, 0.97, 0.99] }));
    expect(bins).toHaveLength(8); // bins 7..14: 0.467–0.533 up to 0.933–1
    expect(bins[0].lower).toBeCloseTo(7 / 15);
    expect(bins[0].centre).toBeCloseTo(0.5);
    expect(bins[0].count).toBe(0);
    expect(bins[0].accuracy).toBeNaN();
    expect(bins[2]).toMatchObject({ count: 10, accuracy: 0.5, confidence: 0.63 });
    expect(bins[7].upper).toBe(1);
  });

  it('reaches down to a non-empty bin below 0.5', () => {
    const bins = reliabilityBins(diagram({ 3: [1, 0, 0.25], 14: [5, 1, 0.99] }));
    expect(bins[0].lower).toBeCloseTo(3 / 15);
    expect(bins).toHaveLength(12);
  });
});

describe('peakReliabilityCount', () => {
  it('is the fullest bin over all diagrams, 0 for none', () => {
    expect(peakReliabilityCount([])).toBe(0);
    expect(
      peakReliabilityCount([diagram({ 14: [90, 1, 1] }), diagram({ 12: [120, 1, 0.9] })]),
    ).toBe(120);
  });
});

describe('equal-mass bin labels', () => {
  it('use the digits a narrow bin near 1 needs', () => {
    expect(binRangeText(0.5, 0.82)).toBe('0.5–0.82');
    expect(binRangeText(0.9999962, 0.99999991)).toBe('0.999996–1');
    expect(binRangeText(0.99999991, 0.99999999)).toBe('0.9999999–1');
    expect(confidenceTickText(0.6844)).toBe('0.6844');
    expect(confidenceTickText(0.99999977)).toBe('1−2e-7');
    expect(confidenceTickText(1)).toBe('1');
  });
});
