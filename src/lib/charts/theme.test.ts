import { describe, expect, it } from 'vitest';
import { scaleBorderWidths, type ChartTheme } from './theme';

const theme = (lineWidth: number) => ({ lineWidth }) as ChartTheme;

describe('scaleBorderWidths', () => {
  it('scales each dataset from its built width, so re-theming never compounds', () => {
    const datasets: { borderWidth?: number }[] = [{ borderWidth: 3 }, { borderWidth: 1.5 }, {}];
    scaleBorderWidths(datasets, theme(4)); // projector mode
    expect(datasets.map((dataset) => dataset.borderWidth)).toEqual([6, 3, undefined]);
    scaleBorderWidths(datasets, theme(4));
    expect(datasets.map((dataset) => dataset.borderWidth)).toEqual([6, 3, undefined]);
    scaleBorderWidths(datasets, theme(2)); // back to the default
    expect(datasets.map((dataset) => dataset.borderWidth)).toEqual([3, 1.5, undefined]);
  });
});
