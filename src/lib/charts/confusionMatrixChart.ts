// The confusion-matrix heatmap: Chart.js with the chartjs-chart-matrix plugin's controller (rows
// the true class, columns the predicted one). Each cell is shaded by its share of the true
// class's examples (so a rare class's mistakes show as plainly as a common one's), right answers
// in the "correct" colour and mistakes in the "wrong" one, and labelled with its count when the
// cell is wide enough to read.

import type { Chart, Plugin } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import type { ClassFigures } from '../core/types';
import { registeredChart, STREAMING_OPTIONS } from './register';
import { applyBaseTheme, type ChartTheme } from './theme';
import { axisTitle } from './parts/axes';

/** One cell: x the predicted class's name, y the true class's; v its count, share of its row. */
export interface MatrixCell {
  x: string;
  y: string;
  v: number;
  share: number;
  trueClass: number;
  predicted: number;
}

/** Cells narrower than this (CSS px) carry no count: even at half their width it would not fit. */
const MIN_LABELLED_CELL_PX = 16;

let matrixRegistered = false;

/** Chart with this app's pieces and the matrix controller registered (once). */
function matrixChart(): typeof Chart {
  const ChartConstructor = registeredChart();
  if (!matrixRegistered) {
    ChartConstructor.register(MatrixController, MatrixElement);
    matrixRegistered = true;
  }
  return ChartConstructor;
}

/** The cells of `figures`, row by row. */
export function matrixCells(figures: ClassFigures, classNames: readonly string[]): MatrixCell[] {
  const name = (index: number) => classNames[index] ?? `class ${index}`;
  return figures.confusion.flatMap((row, trueClass) => {
    const examples = row.reduce((sum, n) => sum + n, 0);
    return row.map((v, predicted) => ({
      x: name(predicted),
      y: name(trueClass),
      v,
      share: examples > 0 ? v / examples : 0,
      trueClass,
      predicted,
    }));
  });
}

/** The theme's colours the scripted options read (set by applyConfusionMatrixTheme). */
const colours = new WeakMap<object, ChartTheme>();

/** `colour` (hex or rgb[a]) at `alpha`, via the canvas's own colour parsing. */
function withAlpha(colour: string, alpha: number): string {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return colour;
  context.fillStyle = colour;
  const hex = context.fillStyle;
  if (!hex.startsWith('#')) return colour;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Draws each cell's count at its centre, in the text colour on light cells, white on dark ones. */
const cellLabels: Plugin<'matrix'> = {
  id: 'confusionCellLabels',
  afterDatasetsDraw(chart) {
    const theme = colours.get(chart);
    const meta = chart.getDatasetMeta(0);
    const { ctx } = chart;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const fontSize = theme?.fontSize ?? 13;
    const family = theme?.fontFamily ?? 'sans-serif';
    meta.data.forEach((element, index) => {
      const cell = chart.data.datasets[0].data[index] as unknown as MatrixCell;
      const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as {
        x: number;
        y: number;
        width: number;
        height: number;
      };
      if (width < MIN_LABELLED_CELL_PX || cell.v === 0) return;
      // Half the cell at most, so three digits fit a 20-class matrix's 21 px cells.
      ctx.font = `${Math.min(fontSize, Math.floor(width / 2))}px ${family}`;
      ctx.fillStyle = cell.share > 0.55 ? '#ffffff' : (theme?.text ?? '#1f2328');
      ctx.fillText(String(cell.v), x + width / 2, y + height / 2);
    });
    ctx.restore();
  },
};

/** The classes the axes name (setConfusionMatrix writes them); at least 1. */
export function classCount(chart: Pick<Chart, 'options'>): number {
  const scales = chart.options.scales as Record<string, { labels?: unknown[] }> | undefined;
  return Math.max(1, scales?.x?.labels?.length ?? 0);
}

/** A cell's width or height: the plot's, shared by the classes, less a 1 px gap. */
export function cellSide(
  chart: Pick<Chart, 'options'> & { chartArea?: { width: number; height: number } },
  side: 'width' | 'height',
): number {
  return (chart.chartArea?.[side] ?? 0) / classCount(chart) - 1;
}

export function createConfusionMatrixChart(
  canvas: HTMLCanvasElement,
  onCell: (cell: MatrixCell) => void,
): Chart<'matrix', MatrixCell[]> {
  const ChartConstructor = matrixChart();
  const chart: Chart<'matrix', MatrixCell[]> = new ChartConstructor<'matrix', MatrixCell[]>(
    canvas,
    {
      type: 'matrix',
      data: {
        datasets: [
          {
            label: 'Examples',
            data: [],
            borderWidth: 1,
            backgroundColor: (context) => {
              const cell = context.raw as MatrixCell | undefined;
              const theme = colours.get(context.chart);
              if (!cell || !theme) return 'transparent';
              const base = cell.trueClass === cell.predicted ? theme.correct : theme.wrong;
              return withAlpha(base, cell.v === 0 ? 0 : 0.12 + 0.88 * cell.share);
            },
            borderColor: (context) => colours.get(context.chart)?.grid ?? 'transparent',
            // One cell per class, counted from the axis's labels, not its ticks: Chart.js may
            // skip ticks, and cells as wide as the ticks' spacing overlapped (seen at K = 20).
            width: ({ chart: c }) => cellSide(c, 'width'),
            height: ({ chart: c }) => cellSide(c, 'height'),
          },
        ],
      },
      plugins: [cellLabels],
      options: {
        ...STREAMING_OPTIONS,
        parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        normalized: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: () => '',
              label: (item) => {
                const cell = item.raw as MatrixCell;
                return `${cell.y} → ${cell.x}: ${cell.v} (${(100 * cell.share).toFixed(1)}% of ${cell.y})`;
              },
            },
          },
        },
        onClick: (event) => {
          const [hit] = chart.getElementsAtEventForMode(
            event as unknown as Event,
            'nearest',
            { intersect: true },
            false,
          );
          if (hit) onCell(chart.data.datasets[0].data[hit.index]);
        },
        scales: {
          x: {
            type: 'category',
            offset: true,
            position: 'top',
            grid: { display: false },
            // Every class named: a skipped name leaves its column unreadable.
            ticks: { autoSkip: false },
            title: axisTitle('Predicted class'),
          },
          y: {
            type: 'category',
            offset: true,
            reverse: false,
            grid: { display: false },
            ticks: { autoSkip: false },
            title: axisTitle('True class'),
          },
        },
      },
    },
  );
  return chart;
}

export function applyConfusionMatrixTheme(
  chart: Chart<'matrix', MatrixCell[]>,
  theme: ChartTheme,
): void {
  colours.set(chart, theme);
  applyBaseTheme(chart.options as Parameters<typeof applyBaseTheme>[0], theme);
}

/** Shows `figures`' cells; the category axes list the class names in class order. */
export function setConfusionMatrix(
  chart: Chart<'matrix', MatrixCell[]>,
  figures: ClassFigures,
  classNames: readonly string[],
): void {
  const names = figures.confusion.map((_, index) => classNames[index] ?? `class ${index}`);
  const scales = chart.options.scales as Record<string, { labels?: string[] }>;
  scales.x.labels = names;
  scales.y.labels = names;
  chart.data.datasets[0].data = matrixCells(figures, classNames);
  chart.update('none');
}
