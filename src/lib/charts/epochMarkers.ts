// Markers for mid-run setting changes: a dashed vertical line at the change's fractional epoch
// with a short label ("lr 0.001→0.0003"), drawn over an epoch chart. A Chart.js plugin
// registered once (register.ts); each chart's markers are set with setEpochMarkers.

import type { Chart, Plugin } from 'chart.js';
import { settingChangeLabel, settingChangePosition } from '../settings';
import type { SettingChangeEvent } from '../core/types';

export interface EpochMarker {
  /** Position on the epoch axis (x = e marks the end of epoch e). */
  x: number;
  label: string;
}

const MARKER_DASH = [4, 3];
const LABEL_ROW_PX = 13;
/** Labels of nearby markers are stacked over this many rows so they do not overprint. */
const LABEL_ROWS = 3;

const markersOf = new WeakMap<Chart, readonly EpochMarker[]>();

/** One marker per change; changes made at the same moment share one line and one label. */
export function settingChangeMarkers(events: readonly SettingChangeEvent[]): EpochMarker[] {
  const markers: EpochMarker[] = [];
  for (const event of events) {
    const x = settingChangePosition(event);
    const label = settingChangeLabel(event);
    const same = markers.at(-1);
    if (same && same.x === x) same.label = `${same.label}, ${label}`;
    else markers.push({ x, label });
  }
  return markers;
}

/** Sets the chart's markers (drawn at the next render); the canvas says how many in `data-markers`. */
export function setEpochMarkers(chart: Chart, markers: readonly EpochMarker[]): void {
  markersOf.set(chart, markers);
  chart.canvas.dataset['markers'] = String(markers.length);
}

export const epochMarkersPlugin: Plugin = {
  id: 'epochMarkers',
  afterDatasetsDraw(chart) {
    const markers = markersOf.get(chart);
    const scale = chart.scales.x;
    if (!markers || markers.length === 0 || !scale) return;
    const area = chart.chartArea;
    const context = chart.ctx;
    const colour = typeof chart.options.color === 'string' ? chart.options.color : '#333';
    context.save();
    context.strokeStyle = colour;
    context.fillStyle = colour;
    context.lineWidth = 1.5;
    context.setLineDash(MARKER_DASH);
    context.font = `11px ${chart.options.font?.family ?? 'sans-serif'}`;
    context.textBaseline = 'top';
    markers.forEach((marker, index) => {
      // A change within epoch 1 lies left of an axis that starts at 1: drawn at its left edge.
      const x = Math.max(area.left, scale.getPixelForValue(marker.x));
      if (x > area.right + 1) return;
      context.beginPath();
      context.moveTo(x, area.top);
      context.lineTo(x, area.bottom);
      context.stroke();
      const width = context.measureText(marker.label).width;
      // Right of the line, or left of it near the right edge.
      const textX = x + 3 + width > area.right ? x - 3 - width : x + 3;
      context.fillText(marker.label, textX, area.top + 2 + (index % LABEL_ROWS) * LABEL_ROW_PX);
    });
    context.restore();
  },
};
