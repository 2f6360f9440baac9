// Legends under the charts: entries drawn as each line's stroke (with its dash), built from
// Chart.js' own entries with the few fields each chart changes.

import type { Chart, LegendItem } from 'chart.js';
import { registeredChart } from '../register';

/** Chart.js' default legend entries for `chart`, each passed through `restyle`. */
export function restyledLegend(
  restyle: (item: LegendItem, chart: Chart) => LegendItem,
): (chart: Chart) => LegendItem[] {
  return (chart) =>
    registeredChart()
      .defaults.plugins.legend.labels.generateLabels(chart)
      .map((item) => restyle(item, chart));
}

/** A legend under the chart whose entries are drawn as each line's stroke (with its dash). */
export function strokeLegend(
  generateLabels: (chart: Chart) => LegendItem[],
  filter?: (item: LegendItem, data: Chart['data']) => boolean,
) {
  return {
    position: 'bottom' as const,
    labels: {
      usePointStyle: true,
      pointStyleWidth: 28,
      generateLabels,
      ...(filter === undefined ? {} : { filter }),
    },
  };
}
