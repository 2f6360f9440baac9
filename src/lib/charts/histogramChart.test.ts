import { describe, expect, it } from 'vitest';
import { binLabels, histogramAxisTitles, peakBinCount } from './histogramChart';

describe('the logit-gap histogram', () => {
  it('labels its bins by their edges, the last one open', () => {
    expect(binLabels([0, 1.5, 3, 4.5])).toEqual(['0–1.5', '1.5–3', '≥ 3']);
  });

  it('keeps the y-axis at the tallest stacked bar over every epoch', () => {
    const epochs = [
      { correct: [5, 1], wrong: [0, 2] },
      { correct: [1, 4], wrong: [3, 3] },
    ];
    expect(peakBinCount(epochs as never)).toBe(7);
  });

  it('takes short axis titles in a narrow canvas, where Chart.js would squeeze the long ones', () => {
    expect(histogramAxisTitles(419)).toEqual({ x: 'Logit margin', y: 'Examples' });
    expect(histogramAxisTitles(420).y).toBe('Validation examples');
    expect(histogramAxisTitles(563).x).toMatch(/^Margin: top logit − runner-up/);
  });
});
