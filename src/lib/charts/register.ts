// Register only the Chart.js pieces the charts use, once, so the rest is tree-shaken. (The
// loss chart's epoch band is a plugin passed to that chart alone: see epochBand.ts. The epoch
// cursor and the setting-change markers are registered for all and act on linked charts only.)
// (No Decimation: at most 500 epochs stay far below the ~4 points per pixel where it would act.)

import type { ChartDataset, ChartOptions, Plugin } from 'chart.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { epochCursorPlugin } from './epochCursor';
import { epochMarkersPlugin } from './epochMarkers';

let registered = false;

/** Returns Chart with the controllers, elements, scales and plugins of this app registered. */
export function registeredChart(): typeof Chart {
  if (!registered) {
    Chart.register(
      LineController,
      LineElement,
      PointElement,
      BarController,
      BarElement,
      LinearScale,
      LogarithmicScale,
      CategoryScale,
      Legend,
      Tooltip,
      // Act only on the charts linked to them (linkEpochCursor, setEpochMarkers).
      epochCursorPlugin,
      epochMarkersPlugin,
    );
    registered = true;
  }
  return Chart;
}

/**
 * Options every chart here shares, from Chart.js' performance guide: no animation, data given
 * as ready {x, y} points (no parsing), sorted and unique (normalized); size from the container.
 */
export const STREAMING_OPTIONS = {
  animation: false,
  parsing: false,
  normalized: true,
  responsive: true,
  maintainAspectRatio: false,
} as const;

/** A line chart with the streaming options above and `options` on top; `plugins` for it alone. */
export function lineChart<TData>(
  canvas: HTMLCanvasElement,
  datasets: ChartDataset<'line', TData[]>[],
  options: ChartOptions<'line'>,
  plugins: Plugin<'line'>[] = [],
): Chart<'line', TData[]> {
  const ChartConstructor = registeredChart();
  return new ChartConstructor<'line', TData[]>(canvas, {
    type: 'line',
    data: { datasets },
    plugins,
    options: { ...STREAMING_OPTIONS, ...options },
  });
}
