import { describe, expect, it } from 'vitest';
import type { Chart, Point } from 'chart.js';
import { lossDatasets, RESTORED_MARKER } from './lossSeries';
import { ghostPoints, labelGhost, showRestoredEpoch } from './lossSync';
import type { EpochMetrics } from '../core/types';

/** Only the validation fields matter to the ghost lines. */
function metrics(epoch: number): EpochMetrics {
  return { epoch, validationLoss: 0.4, validationAccuracy: 0.9 } as EpochMetrics;
}

describe('ghostPoints', () => {
  it('maps a previous run to its validation lines, or none', () => {
    expect(ghostPoints(null)).toEqual({ loss: [], accuracy: [] });
    expect(ghostPoints([metrics(1), metrics(2)])).toEqual({
      loss: [
        { x: 1, y: 0.4 },
        { x: 2, y: 0.4 },
      ],
      accuracy: [
        { x: 1, y: 0.9 },
        { x: 2, y: 0.9 },
      ],
    });
  });
});

describe('labelGhost', () => {
  it('names both faint lines after the previous run', () => {
    const chart = { data: { datasets: lossDatasets() } } as unknown as Chart<'line', Point[]>;
    labelGhost(chart, 'Previous run (plain)');
    const labels = chart.data.datasets.map((dataset) => dataset.label);
    expect(labels).toContain('Previous run (plain): validation loss');
    expect(labels).toContain('Previous run (plain): validation accuracy');
    expect(labels).not.toContain('Previous run: validation loss');
  });
});

describe('the restored-epoch marker', () => {
  it('sits on the restored epoch’s validation loss and says it was chosen on the calibration half', () => {
    const chart = { data: { datasets: lossDatasets() } } as unknown as Chart<'line', Point[]>;
    const epochs = [1, 2, 3].map((epoch) => ({ ...metrics(epoch), validationLoss: epoch / 10 }));
    showRestoredEpoch(chart, epochs, 2);
    const marker = chart.data.datasets[RESTORED_MARKER];
    expect(marker.data).toEqual([{ x: 2, y: 0.2 }]);
    expect(marker.label).toBe('Restored epoch 2, chosen on the calibration half');
    showRestoredEpoch(chart, epochs, null);
    expect(marker.data).toEqual([]);
  });
});
