// The run file of a run as the page holds it, live or saved: one builder, so "Download run"
// before a reload, after Runs → Open and from the Runs list give the same file.

import type { RunState } from '../core/runState';
import { logitsFileName, logitsJson } from '../core/files';
import { buildRunFile, runFileName } from '../core/files';
import type { RunSource } from '../core/runSource';
import type { EpochMetrics, Labels, TrainConfig } from '../core/types';
import { downloadJson } from '../download';
import type { RunIdentity } from '../worker/train/protocol';

/** A run's parts, each as the worker reported it (never recomputed here). */
export interface RunView {
  identity: RunIdentity;
  config: TrainConfig;
  state: RunState;
  epochs: readonly EpochMetrics[];
  validationLabels: Labels;
  /** Every epoch's validation logits (index e − 1: epoch e), written for replay. */
  logitsHistory: readonly Float32Array[];
}

/**
 * A run imported from a logits file downloads as a logits file again (it has no playground
 * settings to write); a run trained here downloads as a run file.
 */
export function downloadRun(view: RunView, source: RunSource | null, userAgent: string): void {
  if (source?.kind !== 'imported') {
    downloadRunFile(view, userAgent);
    return;
  }
  const file = logitsJson({
    classNames: source.classNames,
    labels: view.validationLabels,
    epochLogits: view.logitsHistory,
    ...(source.hasTrainCurve
      ? {
          trainLoss: view.epochs.map((epoch) => epoch.trainLoss),
          trainAccuracy: view.epochs.map((epoch) => epoch.trainAccuracy),
        }
      : {}),
  });
  downloadJson(logitsFileName(source.name), file);
}

export function downloadRunFile(view: RunView, userAgent: string): void {
  const { identity, config, state, epochs, validationLabels, logitsHistory } = view;
  const createdAt = new Date(identity.createdAt);
  const file = buildRunFile({
    config,
    backendPreference: identity.backendPreference,
    link: identity.link,
    backend: state.backend,
    userAgent,
    epochs: [...epochs],
    validationLabels,
    validationLogits: state.model.validationLogits,
    createdAt,
    earlyStop: state.earlyStop,
    events: state.events,
    logitsHistory,
  });
  downloadJson(runFileName(createdAt), file);
}
