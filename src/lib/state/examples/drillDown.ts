// Drill-down: which validation images sit in one bar of the logit-gap histogram or one bin of
// the reliability diagram, read from the stored logits with the very binning rules the charts'
// figures were counted with (metrics.ts binIndex, calibration.ts confidenceBin), so the images
// listed are exactly the ones the bar counts. Plain numbers, no DOM: tested in Node. Any K ≥ 2:
// the histogram bins the margin (top − runner-up), the diagram the top-label confidence.

import { confidenceBin } from '../../core/metrics';
import { argmaxRow, confidenceRow, marginRow } from '../../core/metrics';
import { binIndex, checkLogitShapes } from '../../core/metrics';
import type { Labels } from '../../core/types';
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

/** The examples of one bin of `edges`, of one stack, highest loss first. */
export type BinExamples = (
  logits: Float32Array,
  labels: Labels,
  edges: readonly number[],
  bin: number,
  stack?: DrillStack,
) => ExampleReading[];

/**
 * Bins each row by one figure of its logits (NaN: in no bin) with the rule its chart counted
 * with. Rows are read in full only once found: a bar holds a few of the N examples, so the rest
 * cost no object each.
 */
function examplesInBin(
  figure: (logits: Float32Array, offset: number, classes: number) => number,
  binOf: (value: number, edges: readonly number[]) => number,
): BinExamples {
  return (logits, labels, edges, bin, stack = 'all') => {
    const classes = checkLogitShapes(logits, labels);
    const found: ExampleReading[] = [];
    for (let i = 0, offset = 0; i < labels.length; i++, offset += classes) {
      const wrong = argmaxRow(logits, offset, classes) !== labels[i];
      if (stack === 'correct' && wrong) continue;
      if (stack === 'wrong' && !wrong) continue;
      const value = figure(logits, offset, classes);
      if (!Number.isNaN(value) && binOf(value, edges) === bin) {
        found.push(readExample(logits, labels, i));
      }
    }
    return found.sort(byLoss);
  };
}

/**
 * The examples whose margin (top − runner-up logit; |z₁ − z₀| for two classes) falls in
 * histogram bin `bin` of `edges` (edges[bin] ≤ margin < edges[bin + 1]; the last bin also holds
 * everything above), as logitGapHistogram counts them; NaN margins are in no bin.
 */
export const examplesInGapBin = examplesInBin(marginRow, binIndex);

/**
 * The examples whose top-label confidence (the softmax probability of the predicted class) falls
 * in reliability bin `bin` of `edges` (edges[bin] < c ≤ edges[bin + 1]), as reliabilityDiagram
 * counts them at T = 1; examples without a confidence (NaN) are in no bin.
 */
export const examplesInConfidenceBin = examplesInBin(confidenceRow, confidenceBin);
