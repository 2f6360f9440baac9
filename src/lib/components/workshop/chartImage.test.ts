import { describe, expect, it } from 'vitest';
import { chartImageLayout, pngFileName } from './chartImage';

describe('chartImageLayout', () => {
  it('pads the chart and leaves room for the title', () => {
    const layout = chartImageLayout(600, 300, 1, true);
    expect(layout.padding).toBe(16);
    expect(layout.chartTop).toBe(16 + 18 + 10);
    expect(layout.width).toBe(632);
    expect(layout.height).toBe(44 + 300 + 16);
  });

  it('scales padding and type with the device-pixel ratio', () => {
    const layout = chartImageLayout(1200, 600, 2, true);
    expect(layout.padding).toBe(32);
    expect(layout.titleFontPx).toBe(36);
    expect(layout.width).toBe(1264);
  });

  it('needs no title strip without a title, and survives a bad scale', () => {
    expect(chartImageLayout(100, 50, 1, false).chartTop).toBe(16);
    expect(chartImageLayout(100, 50, Number.NaN, false).padding).toBe(16);
    expect(chartImageLayout(100, 50, 0, false).padding).toBe(16);
  });
});

describe('pngFileName', () => {
  it.each([
    ['Validation loss vs accuracy', 'validation-loss-vs-accuracy.png'],
    ['logit-gap.png', 'logit-gap.png'],
    ['How confident: the |z₁ − z₀| gap', 'how-confident-the-z-z-gap.png'],
    ['  ', 'chart.png'],
  ])('makes a safe file name from a title or name: %j → %s', (title, fileName) => {
    expect(pngFileName(title)).toBe(fileName);
  });
});
