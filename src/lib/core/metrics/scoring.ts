// An epoch's scoring figures beyond loss and accuracy — the Brier score and its decomposition,
// equal-mass ECE and the bootstrap intervals — from its validation logits. Plain numbers, no tf,
// so the worker's epochMetrics and the page (e.g. a replay of a file recorded before these
// figures existed, which carries every epoch's logits) compute them with the same code.

import { eceBootstrapOfConfidences } from './bootstrap';
import { brierScore } from './brier';
import {
  calibrationErrors,
  confidences,
  equalMassOfConfidences,
  exampleIndices,
  RELIABILITY_BINS,
  type TopLabel,
} from './calibration';
import { checkLogitShapes } from './metrics';
import type { EpochMetrics, Labels } from '../types';

export type ScoringFields = Required<
  Pick<
    EpochMetrics,
    'brier' | 'eceAdaptive' | 'mceAdaptive' | 'reliabilityAdaptive' | 'eceInterval'
  >
>;

/**
 * For N × K logits of any K ≥ 2 (Brier's parts only for two classes: core/metrics/brier.ts).
 * `topLabel`: each example's confidence and correctness (calibration.ts confidences) when the
 * caller has them already; computed here otherwise.
 */
export function scoringFields(
  logits: Float32Array,
  labels: Labels,
  topLabel: TopLabel = confidences(logits, labels, exampleIndices(labels.length)),
): ScoringFields {
  const classes = checkLogitShapes(logits, labels);
  const reliabilityAdaptive = equalMassOfConfidences(topLabel, classes, RELIABILITY_BINS);
  const adaptive = calibrationErrors(reliabilityAdaptive);
  return {
    brier: brierScore(logits, labels),
    eceAdaptive: adaptive.ece,
    mceAdaptive: adaptive.mce,
    reliabilityAdaptive,
    eceInterval: eceBootstrapOfConfidences(topLabel),
  };
}

/** `metrics` with the scoring figures filled in from its logits where it lacks them (older runs). */
export function withScoring<M extends Partial<EpochMetrics>>(
  metrics: M,
  logits: Float32Array,
  labels: Labels,
): M & ScoringFields {
  if (
    metrics.brier !== undefined &&
    metrics.reliabilityAdaptive !== undefined &&
    metrics.eceInterval !== undefined
  ) {
    return metrics as M & ScoringFields;
  }
  return { ...metrics, ...scoringFields(logits, labels) };
}

/** Epochs already filled in, so a replay that shows epoch e again gets the same object (charts append by identity). */
const scored = new WeakMap<object, unknown>();

/**
 * withScoring, remembered per epoch object: a replayed run recorded before these figures existed
 * computes each epoch's once, when it is first shown, and hands out the same object after.
 */
export function scoredEpoch<M extends Partial<EpochMetrics>>(
  metrics: M,
  logits: Float32Array,
  labels: Labels,
): M & ScoringFields {
  const known = scored.get(metrics) as (M & ScoringFields) | undefined;
  if (known) return known;
  const result = withScoring(metrics, logits, labels);
  scored.set(metrics, result);
  return result;
}
