// One epoch cursor shared by every epoch chart: hovering epoch e on one chart draws a vertical
// line at e on all of them (the loss chart, the loss split, the calibration error, …). A small
// bus holds the epoch; a Chart.js plugin, registered once (register.ts), publishes the hovered
// epoch and draws the line on the charts linked to the bus. Other charts redraw with draw(),
// which repaints without touching data or layout: a hover never costs a long task.

import type { Chart, Plugin } from 'chart.js';

type Listener = (epoch: number | null, source: string | null) => void;

/** The hovered epoch and which chart it is hovered on; listeners hear every change. */
export class EpochCursorBus {
  epoch: number | null = null;
  source: string | null = null;
  readonly #listeners = new Set<Listener>();

  set(source: string, epoch: number | null): void {
    if (epoch === null && this.source !== source) return; // another chart holds the cursor
    if (epoch === this.epoch && (epoch === null || source === this.source)) return;
    this.epoch = epoch;
    this.source = epoch === null ? null : source;
    for (const listener of this.#listeners) listener(this.epoch, this.source);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** The page's one cursor. */
export const epochCursor = new EpochCursorBus();

const linked = new WeakMap<Chart, { id: string; bus: EpochCursorBus }>();

/** The whole epoch under pixel `x` of the chart's x-axis, or null outside the plot. */
export function epochAtPixel(chart: Chart, x: number): number | null {
  const scale = chart.scales.x;
  const area = chart.chartArea;
  if (!scale || !area || x < area.left || x > area.right) return null;
  const value = Math.round(scale.getValueForPixel(x) ?? Number.NaN);
  if (!Number.isFinite(value)) return null;
  return Math.min(Math.max(value, Math.ceil(scale.min)), Math.floor(scale.max));
}

/**
 * Links a chart to the cursor: hovering it moves the cursor, and it draws the cursor wherever
 * it is hovered. The canvas carries the epoch in `data-cursor-epoch` (for tests). Returns the
 * unlink function (call it before chart.destroy()).
 */
export function linkEpochCursor(chart: Chart, id: string, bus = epochCursor): () => void {
  linked.set(chart, { id, bus });
  const show = (epoch: number | null) => {
    chart.canvas.dataset['cursorEpoch'] = epoch === null ? '' : String(epoch);
  };
  show(bus.epoch);
  const unsubscribe = bus.subscribe((epoch, source) => {
    show(epoch);
    if (source !== id) chart.draw(); // the hovered chart redraws itself after the event
  });
  return () => {
    unsubscribe();
    bus.set(id, null);
    linked.delete(chart);
  };
}

export const epochCursorPlugin: Plugin = {
  id: 'epochCursor',
  afterEvent(chart, args) {
    const link = linked.get(chart);
    if (!link) return;
    const { event } = args;
    const before = link.bus.epoch;
    if (event.type === 'mouseout') link.bus.set(link.id, null);
    else if (event.type === 'mousemove' && event.x !== null) {
      link.bus.set(link.id, epochAtPixel(chart, event.x));
    } else return;
    if (link.bus.epoch !== before) args.changed = true;
  },
  afterDatasetsDraw(chart) {
    const link = linked.get(chart);
    const epoch = link?.bus.epoch ?? null;
    const scale = chart.scales.x;
    if (epoch === null || !scale) return;
    const x = scale.getPixelForValue(epoch);
    const area = chart.chartArea;
    if (x < area.left || x > area.right) return;
    const context = chart.ctx;
    context.save();
    context.strokeStyle = typeof chart.options.color === 'string' ? chart.options.color : '#555';
    context.globalAlpha = 0.55;
    context.lineWidth = 1.5;
    context.beginPath();
    context.moveTo(x, area.top);
    context.lineTo(x, area.bottom);
    context.stroke();
    context.restore();
  },
};
