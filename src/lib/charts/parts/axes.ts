// The y-axes and tick formats the charts here share. A value axis is linear, titled and sits on
// one side; a second axis on the right draws no grid across the plot, so the two grids never
// interleave. Percent ticks read "90%", not "90.0%".

import { formatPercent } from '../../format';
import { MAX_GAP } from '../../state/examples';

/** An axis title that is shown. */
export function axisTitle(text: string) {
  return { display: true, text };
}

/** Ticks as whole percents where they are whole: 0.9 → "90%", 0.925 → "92.5%". */
export function percentTicks() {
  return { callback: (value: number | string) => formatPercent(Number(value)).replace('.0%', '%') };
}

/** A titled linear y-axis on `position`; `extra` adds bounds, stacking or ticks. */
export function valueAxis<TExtra extends object>(
  position: 'left' | 'right',
  title: string,
  extra: TExtra = {} as TExtra,
) {
  return { type: 'linear' as const, position, title: axisTitle(title), ...extra };
}

/** A second y-axis on the right, with no grid lines across the plot. */
export function rightAxis<TExtra extends object>(title: string, extra: TExtra = {} as TExtra) {
  return valueAxis('right', title, { grid: { drawOnChartArea: false }, ...extra });
}

/**
 * The logit-gap charts' scales: gap 0 … MAX_GAP across, 0 … MAX_GAP + 1 up (a wrong answer's
 * loss is about its gap, so its line ends inside the plot).
 */
export function gapScales(xTitle: string, yTitle: string) {
  return {
    x: { type: 'linear' as const, min: 0, max: MAX_GAP, title: axisTitle(xTitle) },
    y: { type: 'linear' as const, min: 0, max: MAX_GAP + 1, title: axisTitle(yTitle) },
  };
}
