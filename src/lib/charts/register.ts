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

/**
 * Writes each chart's plot area (Chart.js `chartArea`, CSS px) on its canvas as
 * data-chart-area="width×height", and its smallest tick-label size as data-tick-font: the
 * layout tests read them to check that legends and axes leave the plot its room, and that
 * projector mode's labels are large.
 */
const chartAreaPlugin: Plugin = {
  id: 'chartAreaSize',
  afterLayout(chart) {
    const { width, height } = chart.chartArea;
    chart.canvas.dataset['chartArea'] = `${Math.round(width)}x${Math.round(height)}`;
    // Chart.js' resolved tick font (a scale without ticks, e.g. a hidden one, has none).
    const sizes = Object.values(chart.scales).flatMap((scale) => {
      const font = (scale.options as { ticks?: { font?: { size?: unknown } } }).ticks?.font;
      return scale.options.display !== false && typeof font?.size === 'number' ? [font.size] : [];
    });
    if (sizes.length > 0) chart.canvas.dataset['tickFont'] = String(Math.min(...sizes));
  },
};

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
      chartAreaPlugin,
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
