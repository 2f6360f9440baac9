// Times the app's own per-epoch chart updates on this page's main thread: the same Chart.js
// builders, themes and update functions the playground's five chart components call, fed one
// synthetic epoch at a time. Each figure is the synchronous cost of one update call, which with
// animation off includes Chart.js' layout and canvas drawing.

import {
  applyHistogramTheme,
  createHistogramChart,
  peakBinCount,
  showHistogram,
} from '../lib/charts/histogramChart';
import {
  applyCalibrationErrorTheme,
  createCalibrationErrorChart,
  createCalibrationErrorSync,
} from '../lib/charts/calibrationErrorChart';
import { applyLossTheme, createLossChart, createLossSync } from '../lib/charts/lossChart';
import { applyLossSplitTheme, createLossSplitChart } from '../lib/charts/lossSplitChart';
import {
  applyReliabilityTheme,
  createReliabilityChart,
  peakReliabilityCount,
} from '../lib/charts/reliabilityChart';
import { readChartTheme } from '../lib/charts/theme';
import { LOGIT_GAP_EDGES } from '../lib/core/metrics';
import type { EpochMetrics } from '../lib/core/types';

export interface ChartCost {
  totalEpochs: number;
  /** Per epoch: ms of the loss/accuracy chart update. */
  lossMs: number[];
  /** Per epoch: ms of the logit-gap histogram update. */
  histogramMs: number[];
  /** Per epoch: ms of the loss-split, reliability and calibration-error chart updates. */
  splitMs: number[];
  reliabilityMs: number[];
  calibrationMs: number[];
}

/** Runs `update` and returns how long it took, in ms. */
function timed(update: () => void): number {
  const start = performance.now();
  update();
  return performance.now() - start;
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

/** Streams `totalEpochs` synthetic epochs into fresh copies of the charts, timing each update. */
export function measureChartCost(host: HTMLElement, totalEpochs: number): ChartCost {
  const canvases = Array.from({ length: 5 }, () => chartCanvas(host));
  const [lossCanvas, histogramCanvas, splitCanvas, reliabilityCanvas, calibrationCanvas] = canvases;
  const lossChart = createLossChart(lossCanvas, totalEpochs);
  applyLossTheme(lossChart, readChartTheme(lossCanvas));
  lossChart.update();
  const histogramChart = createHistogramChart(histogramCanvas);
  applyHistogramTheme(histogramChart, readChartTheme(histogramCanvas));
  histogramChart.update();
  const split = createLossSplitChart(splitCanvas, totalEpochs);
  applyLossSplitTheme(split.chart, readChartTheme(splitCanvas));
  const reliability = createReliabilityChart(reliabilityCanvas);
  applyReliabilityTheme(reliability.chart, readChartTheme(reliabilityCanvas));
  const calibrationChart = createCalibrationErrorChart(calibrationCanvas, totalEpochs);
  applyCalibrationErrorTheme(calibrationChart, readChartTheme(calibrationCanvas));
  const charts = [lossChart, histogramChart, split.chart, reliability.chart, calibrationChart];
  const syncLoss = createLossSync(lossChart);
  const syncCalibration = createCalibrationErrorSync(calibrationChart);
  const cost: ChartCost = {
    totalEpochs,
    lossMs: [],
    histogramMs: [],
    splitMs: [],
    reliabilityMs: [],
    calibrationMs: [],
  };
  let epochs: EpochMetrics[] = [];
  try {
    for (let epoch = 1; epoch <= totalEpochs; epoch++) {
      // Replaced, never mutated: as the app's client does with each new epoch.
      epochs = [...epochs, syntheticEpoch(epoch, 2000)];
      const latest = epochs[epochs.length - 1];
      cost.lossMs.push(timed(() => syncLoss(epochs, totalEpochs)));
      cost.histogramMs.push(
        timed(() =>
          showHistogram(
            histogramChart,
            latest.logitGapHistogram,
            epochs[0].logitGapHistogram,
            peakBinCount(epochs.map((metrics) => metrics.logitGapHistogram)),
          ),
        ),
      );
      cost.splitMs.push(timed(() => split.sync(epochs, totalEpochs, null)));
      cost.reliabilityMs.push(
        timed(() =>
          reliability.show(
            latest.reliability,
            peakReliabilityCount(epochs.map((metrics) => metrics.reliability)),
          ),
        ),
      );
      cost.calibrationMs.push(timed(() => syncCalibration(epochs, totalEpochs, 'equal-width')));
    }
  } finally {
    for (const chart of charts) chart.destroy();
    for (const canvas of canvases) canvas.parentElement?.remove();
  }
  return cost;
}
