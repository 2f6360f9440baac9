// A small Chart.js plugin: a translucent band across the plot between two epochs, drawn under
// the datasets. The loss chart uses it for the stretch between the lowest validation loss and the
// highest validation accuracy, where "better" by one measure is "worse" by the other.

import type { ChartType, Plugin } from 'chart.js';

export interface EpochBandOptions {
  /** Band edges in x-axis units (epochs); no band when either is null or they are equal. */
  from: number | null;
  to: number | null;
  color: string;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    epochBand?: Partial<EpochBandOptions>;
  }
}

export const epochBandPlugin: Plugin<'line', EpochBandOptions> = {
  id: 'epochBand',
  defaults: { from: null, to: null, color: 'transparent' },
  beforeDatasetsDraw(chart, _args, options) {
    const { from, to, color } = options;
    const xScale = chart.scales.x;
    if (from === null || to === null || from === to || xScale === undefined) return;
    const area = chart.chartArea;
    const left = Math.max(area.left, xScale.getPixelForValue(Math.min(from, to)));
    const right = Math.min(area.right, xScale.getPixelForValue(Math.max(from, to)));
    if (!(right > left)) return;
    const context = chart.ctx;
    context.save();
    context.fillStyle = color;
    context.fillRect(left, area.top, right - left, area.bottom - area.top);
    context.restore();
  },
};
