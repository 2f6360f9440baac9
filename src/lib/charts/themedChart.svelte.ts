// The life of a chart on a canvas, as an attachment: build it, colour it from the theme (and
// again when the theme changes), redraw it whenever what the drawing step reads changes, destroy
// it with the canvas. Every chart on the page is built this way.

import type { Attachment } from 'svelte/attachments';
import type { Chart } from 'chart.js';
import type { SettingChangeEvent } from '../core/types';
import { linkEpochCursor } from './epochCursor';
import { setEpochMarkers, settingChangeMarkers } from './epochMarkers';
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

/**
 * Inside a chart's drawing step: what every per-epoch chart shares. Hovering an epoch moves the
 * cursor on the other epoch charts, and back; settings changed mid-run are drawn as markers.
 */
export function linkEpochChart(
  chart: { draw(): void },
  cursorId: string,
  events: () => readonly SettingChangeEvent[],
): void {
  // Every epoch chart is a Chart.js chart; their data types differ, which these two never read.
  const epochChart = chart as unknown as Chart;
  const unlinkCursor = linkEpochCursor(epochChart, cursorId);
  $effect(() => unlinkCursor);
  $effect(() => {
    setEpochMarkers(epochChart, settingChangeMarkers(events()));
    chart.draw();
  });
}

/** A chart module's view (its chart and what draws on it) as themedChart's chart. */
export function chartView<V extends { chart: { update(): void; destroy(): void } }>(
  view: V,
): V & { update(): void; destroy(): void } {
  return Object.assign(view, {
    update: () => view.chart.update(),
    destroy: () => view.chart.destroy(),
  });
}
