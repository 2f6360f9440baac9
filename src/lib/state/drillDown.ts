// Drill-down: which validation images sit in one bar of the logit-gap histogram or one bin of
// the reliability diagram, read from the stored logits with the very binning rules the charts'
// figures were counted with (metrics.ts binIndex, calibration.ts confidenceBin), so the images
// listed are exactly the ones the bar counts. Plain numbers, no DOM: tested in Node.

import { confidenceBin } from '../core/calibration';
import { binIndex } from '../core/metrics';
import { readExample, type ExampleReading } from './gallery';

/** Which examples of a bin: the whole bar, or one of its stacks. */
export type DrillStack = 'all' | 'correct' | 'wrong';

/** A bar or bin a chart was asked to open: its bin of `edges`, which stack, at which epoch. */
export interface BinRequest {
  epoch: number;
  edges: readonly number[];
  bin: number;
  stack: DrillStack;
  /** The bin as the chart labels it, e.g. "27–28.5" or "93.3–100%". */
  label: string;
}

/** What the drill-down dialog shows. */
export interface DrillDownView {
  /** E.g. "Logit gap 27–28.5" or "Confidence 93.3–100%". */
  title: string;
  /** Which part of the bin: "wrong only", "correct only" or "correct and wrong". */
  part: string;
  epoch: number;
  examples: readonly ExampleReading[];
}

export const STACK_WORDS: Record<DrillStack, string> = {
  all: 'correct and wrong',
  correct: 'correct only',
  wrong: 'wrong only',
};

/** Highest loss first, ties in dataset order: the confidently wrong ones lead. */
function byLoss(a: ExampleReading, b: ExampleReading): number {
  return b.loss - a.loss || a.index - b.index;
}

function select(
  logits: Float32Array,
  labels: Uint8Array,
  stack: DrillStack,
  inBin: (example: ExampleReading) => boolean,
): ExampleReading[] {
  const found: ExampleReading[] = [];
  for (let i = 0; i < labels.length; i++) {
    const example = readExample(logits, labels, i);
    if (stack === 'correct' && example.wrong) continue;
    if (stack === 'wrong' && !example.wrong) continue;
    if (inBin(example)) found.push(example);
  }
  return found.sort(byLoss);
}

/**
 * The examples whose logit gap |z₁ − z₀| falls in histogram bin `bin` of `edges` (edges[bin] ≤
 * gap < edges[bin + 1]; the last bin also holds everything above), as logitGapHistogram counts
 * them; NaN gaps are in no bin.
 */
export function examplesInGapBin(
  logits: Float32Array,
  labels: Uint8Array,
  edges: readonly number[],
  bin: number,
  stack: DrillStack = 'all',
): ExampleReading[] {
  return select(logits, labels, stack, ({ z0, z1 }) => {
    const gap = Math.abs(z1 - z0);
    return !Number.isNaN(gap) && binIndex(gap, edges) === bin;
  });
}

/**
 * The examples whose confidence (the softmax probability of the predicted class) falls in
 * reliability bin `bin` of `edges` (edges[bin] < c ≤ edges[bin + 1]), as reliabilityDiagram
 * counts them at T = 1; examples without a confidence (NaN) are in no bin.
 */
export function examplesInConfidenceBin(
  logits: Float32Array,
  labels: Uint8Array,
  edges: readonly number[],
  bin: number,
  stack: DrillStack = 'all',
): ExampleReading[] {
  return select(logits, labels, stack, ({ predictedProbability }) => {
    return (
      !Number.isNaN(predictedProbability) && confidenceBin(predictedProbability, edges) === bin
    );
  });
}
