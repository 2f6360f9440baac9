// Runs shown side by side: imported run files and runs stored in this browser, reduced to what
// the overlay curves and the settings table need. Pure: no DOM, no tfjs.

import type { ParsedRunFile } from '../core/runFileParse';
import type { BackendName, BackendPreference, TrainConfig } from '../core/types';
import type { Settings } from './settings';

/** The per-epoch figures an overlay draws. */
export interface OverlayEpoch {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  validationLoss: number;
  validationAccuracy: number;
}

export interface ComparedRun {
  /** Unique among compared runs: file name + time, or the stored run's id. */
  id: string;
  /** Shown in legends and table headers; plain text (never rendered as HTML). */
  label: string;
  source: 'file' | 'stored';
  config: TrainConfig;
  backendPreference: BackendPreference | null;
  backend: BackendName | null;
  createdAt: string | null;
  epochs: OverlayEpoch[];
}

/** Runs compared at once; beyond this the chart's legend stops being readable. */
export const MAX_COMPARED_RUNS = 6;

function overlayEpochs(epochs: readonly OverlayEpoch[]): OverlayEpoch[] {
  return epochs.map(({ epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy }) => ({
    epoch,
    trainLoss,
    trainAccuracy,
    validationLoss,
    validationAccuracy,
  }));
}

export function comparedFromFile(run: ParsedRunFile, fileName: string, id: string): ComparedRun {
  return {
    id,
    label: fileName,
    source: 'file',
    config: { ...run.config },
    backendPreference: run.config.backend,
    backend: run.environment.backend,
    createdAt: run.createdAt,
    epochs: overlayEpochs(run.epochs),
  };
}

export function comparedFromStored(
  id: string,
  label: string,
  config: TrainConfig,
  backend: BackendName,
  createdAt: string,
  epochs: readonly OverlayEpoch[],
): ComparedRun {
  return {
    id,
    label,
    source: 'stored',
    config: { ...config },
    backendPreference: null,
    backend,
    createdAt,
    epochs: overlayEpochs(epochs),
  };
}

/** Settings rows of the side-by-side table, in the settings table's wording. */
const ROWS: { label: string; read: (config: TrainConfig) => string }[] = [
  { label: 'Classes', read: (c) => c.classes.join(' vs ') },
  { label: 'Training examples', read: (c) => String(c.trainSize) },
  { label: 'Validation examples', read: (c) => String(c.validationSize) },
  { label: 'Epochs', read: (c) => String(c.epochs) },
  { label: 'Batch size', read: (c) => String(c.batchSize) },
  { label: 'Learning rate', read: (c) => String(c.learningRate) },
  { label: 'Optimizer', read: (c) => c.optimizer },
  { label: 'Model', read: (c) => c.model },
  { label: 'Seed', read: (c) => String(c.seed) },
  { label: 'Label smoothing α', read: (c) => String(c.labelSmoothing) },
  { label: 'L2 weight decay λ', read: (c) => String(c.l2) },
  { label: 'Dropout', read: (c) => String(c.dropout) },
  {
    label: 'Early stopping',
    read: (c) => (c.earlyStop === 'off' ? 'off' : `${c.earlyStop}, patience ${c.patience}`),
  },
];

export interface SettingsRow {
  label: string;
  values: string[];
  /** True when the runs disagree on this setting: the table highlights it. */
  differs: boolean;
}

export function settingsRows(runs: readonly ComparedRun[]): SettingsRow[] {
  const rows = ROWS.map(({ label, read }) => {
    const values = runs.map((run) => read(run.config));
    return { label, values, differs: new Set(values).size > 1 };
  });
  const backends = runs.map((run) => run.backend ?? '—');
  rows.push({ label: 'Backend used', values: backends, differs: new Set(backends).size > 1 });
  return rows;
}

/** The settings of a run as the page's own settings, e.g. to load a compared run's setup. */
export function settingsFromConfig(current: Settings, config: TrainConfig): Settings {
  return {
    ...current,
    classes: [config.classes[0], config.classes[1]],
    train: config.trainSize,
    val: config.validationSize,
    epochs: config.epochs,
    batch: config.batchSize,
    lr: config.learningRate,
    optimizer: config.optimizer,
    model: config.model,
    seed: config.seed,
    smoothing: config.labelSmoothing,
    l2: config.l2,
    dropout: config.dropout,
    earlyStop: config.earlyStop,
    patience: config.patience,
  };
}
