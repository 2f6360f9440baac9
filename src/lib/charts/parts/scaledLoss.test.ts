import { describe, expect, it } from 'vitest';
import type { Chart, Point } from 'chart.js';
import { SCALED_LOSS_DASH, SCALED_LOSS_LABEL, showScaledLoss } from './scaledLoss';
import { strokeLine } from './datasets';

function chart() {
  const raw = strokeLine<Point>('Validation loss', 3, [], 'loss');
  return { data: { datasets: [raw] } } as unknown as Chart<'line', Point[]>;
}

describe('the after-scaling loss curve', () => {
  it('is drawn last, dash-dotted and labelled, one point per epoch with gaps for no fit', () => {
    const target = chart();
    const shown = { current: null };
    expect(showScaledLoss(target, [0.9, null, 0.7], shown)).toBe(true);
    const [raw, scaled] = target.data.datasets;
    expect(raw.label).toBe('Validation loss');
    expect(scaled.label).toBe(SCALED_LOSS_LABEL);
    expect(scaled.borderDash).toEqual(SCALED_LOSS_DASH);
    expect(scaled.yAxisID).toBe('loss');
    expect(scaled.data).toEqual([
      { x: 1, y: 0.9 },
      { x: 2, y: Number.NaN },
      { x: 3, y: 0.7 },
    ]);
  });

  it('is left alone for the same array, replaced for a new one, removed for null', () => {
    const target = chart();
    const shown = { current: null };
    const first = [0.5];
    showScaledLoss(target, first, shown);
    expect(showScaledLoss(target, first, shown)).toBe(false);
    expect(showScaledLoss(target, [0.4, 0.3], shown)).toBe(true);
    expect(target.data.datasets).toHaveLength(2);
    expect(target.data.datasets[1].data).toHaveLength(2);
    // Something else dropped it (compared runs are spliced in after the fixed datasets): back.
    target.data.datasets.pop();
    expect(showScaledLoss(target, shown.current, shown)).toBe(true);
    expect(target.data.datasets).toHaveLength(2);
    expect(showScaledLoss(target, null, shown)).toBe(true);
    expect(target.data.datasets).toHaveLength(1);
  });
});
