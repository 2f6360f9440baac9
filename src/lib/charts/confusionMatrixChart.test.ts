import { describe, expect, it } from 'vitest';
import { cellSide, classCount } from './confusionMatrixChart';

const names = (count: number) => Array.from({ length: count }, (_, k) => `class${k}`);

describe('the confusion matrix cells', () => {
  it('share the plot by the classes the axes name, whatever ticks Chart.js skips', () => {
    // 20 classes over a 441 × 420 plot: 22.05 − 1 and 21 − 1 px, though only 10 ticks were drawn.
    const chart = {
      options: { scales: { x: { labels: names(20) } } },
      chartArea: { width: 441, height: 420 },
      scales: { x: { ticks: names(10) } },
    };
    expect(classCount(chart as never)).toBe(20);
    expect(cellSide(chart as never, 'width')).toBeCloseTo(21.05, 12);
    expect(cellSide(chart as never, 'height')).toBe(20);
  });

  it('counts one class before any figures arrive', () => {
    expect(classCount({ options: { scales: { x: {} } } } as never)).toBe(1);
    expect(cellSide({ options: {} } as never, 'width')).toBe(-1);
  });
});
