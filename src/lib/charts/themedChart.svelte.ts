// The life of a chart on a canvas, as an attachment: build it, colour it from the theme (and
// again when the theme changes), redraw it whenever what the drawing step reads changes, destroy
// it with the canvas. The new panels use this instead of repeating the steps each.

import type { Attachment } from 'svelte/attachments';
import { followTheme, type ChartTheme } from './theme';

export function themedChart<C extends { update(): void; destroy(): void }>(
  create: (canvas: HTMLCanvasElement) => C,
  applyTheme: (chart: C, theme: ChartTheme) => void,
  /** Given the chart once, returns the drawing step, which reruns whenever what it reads changes. */
  drawing: (chart: C) => () => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const chart = create(canvas);
    const stopWatching = followTheme(canvas, chart, applyTheme);
    const draw = drawing(chart);
    $effect(draw);
    return () => {
      stopWatching();
      chart.destroy();
    };
  };
}
