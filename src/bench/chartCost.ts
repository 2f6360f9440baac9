// Times the app's own per-epoch chart updates on this page's main thread: the same Chart.js
// builders, themes and update functions the playground's two chart components call, fed one
// synthetic epoch at a time. Each figure is the synchronous cost of one update call, which with
// animation off includes Chart.js' layout and canvas drawing.

import {
  applyHistogramTheme,
  createHistogramChart,
  peakBinCount,
  showHistogram,
} from '../lib/charts/histogramChart';
import { applyLossTheme, createLossChart, createLossSync } from '../lib/charts/lossChart';
import { readChartTheme } from '../lib/charts/theme';
import { LOGIT_GAP_EDGES } from '../lib/core/metrics';
import type { EpochMetrics } from '../lib/core/types';

export interface ChartCost {
  totalEpochs: number;
  /** Per epoch: ms of the loss/accuracy chart update. */
  lossMs: number[];
  /** Per epoch: ms of the logit-gap histogram update. */
  histogramMs: number[];
}

const RELIABILITY_BINS = 15;

/** A plausible epoch: loss falls then rises, accuracy saturates, logit gaps drift right. */
function syntheticEpoch(epoch: number, validationSize: number): EpochMetrics {
  const bins = LOGIT_GAP_EDGES.length - 1;
  const shift = Math.min(bins - 1, Math.floor(epoch / 4));
  const correct = Array.from({ length: bins }, (_, bin) =>
    Math.round((0.9 * validationSize) / (1 + Math.abs(bin - shift))),
  );
  const wrong = correct.map((count) => Math.round(count / 9));
  const validationLoss = 0.25 + 0.002 * (epoch - 15) ** 2;
  const edges = Array.from({ length: RELIABILITY_BINS + 1 }, (_, i) => i / RELIABILITY_BINS);
  return {
    epoch,
    trainLoss: 0.5 / epoch,
    trainAccuracy: 1 - 0.1 / epoch,
    validationLoss,
    validationAccuracy: 0.9 + 0.01 * Math.sin(epoch),
    imagesPerSecond: 1000,
    logitGapHistogram: { edges: [...LOGIT_GAP_EDGES], correct, wrong },
    validationLossCorrect: validationLoss * 0.2,
    validationLossWrong: validationLoss * 0.8,
    wrongCount: Math.round(validationSize * 0.09),
    ece: 0.05,
    mce: 0.2,
    reliability: {
      edges,
      count: edges.slice(1).map(() => validationSize / RELIABILITY_BINS),
      accuracy: edges.slice(1).map((edge) => edge),
      confidence: edges.slice(1).map((edge) => edge),
    },
  };
}

/** A canvas in a box of the app's size (app.css .canvas-box), attached to the page. */
function chartCanvas(host: HTMLElement): HTMLCanvasElement {
  const box = document.createElement('div');
  box.className = 'canvas-box';
  box.style.width = '640px';
  const canvas = document.createElement('canvas');
  box.append(canvas);
  host.append(box);
  return canvas;
}

/** Streams `totalEpochs` synthetic epochs into fresh copies of both charts, timing each update. */
export function measureChartCost(host: HTMLElement, totalEpochs: number): ChartCost {
  const lossCanvas = chartCanvas(host);
  const histogramCanvas = chartCanvas(host);
  const lossChart = createLossChart(lossCanvas, totalEpochs);
  applyLossTheme(lossChart, readChartTheme(lossCanvas));
  lossChart.update();
  const histogramChart = createHistogramChart(histogramCanvas);
  applyHistogramTheme(histogramChart, readChartTheme(histogramCanvas));
  histogramChart.update();
  const syncLoss = createLossSync(lossChart);
  const cost: ChartCost = { totalEpochs, lossMs: [], histogramMs: [] };
  let epochs: EpochMetrics[] = [];
  try {
    for (let epoch = 1; epoch <= totalEpochs; epoch++) {
      // Replaced, never mutated: as the app's client does with each new epoch.
      epochs = [...epochs, syntheticEpoch(epoch, 2000)];
      const lossStart = performance.now();
      syncLoss(epochs, totalEpochs);
      const histogramStart = performance.now();
      const histograms = epochs.map((metrics) => metrics.logitGapHistogram);
      showHistogram(
        histogramChart,
        epochs[epochs.length - 1].logitGapHistogram,
        epochs[0].logitGapHistogram,
        peakBinCount(histograms),
      );
      const end = performance.now();
      cost.lossMs.push(histogramStart - lossStart);
      cost.histogramMs.push(end - histogramStart);
    }
  } finally {
    lossChart.destroy();
    histogramChart.destroy();
    lossCanvas.parentElement?.remove();
    histogramCanvas.parentElement?.remove();
  }
  return cost;
}
