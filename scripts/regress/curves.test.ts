import { describe, expect, it } from 'vitest';
import { curvesSvg } from './curves.mjs';

describe('curvesSvg', () => {
  it('draws baseline and now for each charted metric and escapes text', () => {
    // A run's metricSeries (compare.mjs) from an older build: no ece.
    const now = {
      validationLoss: [0.5, 0.4, 0.45],
      validationAccuracy: [0.8, 0.85, 0.86],
      trainLoss: [0.25, 0.2, 0.225],
      trainAccuracy: [0.9, 0.9, 0.9],
    };
    const svg = curvesSvg({ validationLoss: [0.5, 0.41, 0.44] }, now);
    expect(svg.match(/<polyline/g)).toHaveLength(4); // 2 loss curves, accuracy, train loss
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('ece: none');
    expect(svg).not.toMatch(/NaN|undefined/);
  });
});
