import type { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { epochAtPixel, EpochCursorBus } from './epochCursor';
import { settingChangeMarkers } from './epochMarkers';

describe('the shared epoch cursor', () => {
  it('follows the chart being hovered and clears when that chart is left', () => {
    const bus = new EpochCursorBus();
    const heard: (number | null)[] = [];
    bus.subscribe((epoch) => heard.push(epoch));
    bus.set('loss', 3);
    bus.set('loss', 3); // no change, no news
    bus.set('split', 4);
    bus.set('loss', null); // leaving a chart that no longer holds the cursor changes nothing
    expect(bus).toMatchObject({ epoch: 4, source: 'split' });
    bus.set('split', null);
    expect(heard).toEqual([3, 4, null]);
  });

  it('reads the whole epoch under the pointer, inside the plot only', () => {
    // x-axis 1 … 10 over pixels 100 … 1000.
    const chart = {
      chartArea: { left: 100, right: 1000, top: 0, bottom: 100 },
      scales: { x: { min: 1, max: 10, getValueForPixel: (px: number) => 1 + (px - 100) / 100 } },
    } as unknown as Chart;
    expect(epochAtPixel(chart, 100)).toBe(1);
    expect(epochAtPixel(chart, 340)).toBe(3); // 3.4 → 3
    expect(epochAtPixel(chart, 360)).toBe(4);
    expect(epochAtPixel(chart, 1000)).toBe(10);
    expect(epochAtPixel(chart, 50)).toBeNull();
    expect(epochAtPixel(chart, 1001)).toBeNull();
  });
});

describe('setting-change markers', () => {
  it('put each change at its fractional epoch; simultaneous changes share a line', () => {
    const at = { epoch: 3, batch: 8, batchesPerEpoch: 32 };
    expect(
      settingChangeMarkers([
        { ...at, field: 'learningRate', from: 0.001, to: 0.0003 },
        { ...at, field: 'focalGamma', from: 0, to: 2 },
        { ...at, epoch: 5, batch: 0, field: 'l2', from: 0, to: 0.01 },
      ]),
    ).toEqual([
      { x: 2.25, label: 'lr 0.001→0.0003, focal γ 0→2' },
      { x: 4, label: 'L2 0→0.01' },
    ]);
  });
});
