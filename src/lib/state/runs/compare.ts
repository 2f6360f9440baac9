// Runs shown side by side: imported run files and runs stored in this browser, reduced to what
// the overlay curves and the settings table need. Pure: no DOM, no tfjs.

import type { ParsedRunFile } from '../../core/files';
import type { BackendName, BackendPreference, TrainConfig } from '../../core/types';
import { curvePoint, type CurvePoint } from '../../core/runState';
import { classesLabel, classesText } from './runClasses';
import { RUN_KEYS, SETTINGS, type SettingKey, type SettingSpec } from '../../settings';

/** The per-epoch figures an overlay draws. */
export type OverlayEpoch = CurvePoint;

export interface ComparedRun {
  /** Unique among compared runs: file name + time, or the stored run's id. */
  id: string;
  /** Shown in legends and table headers: the settings that tell it from the other compared
   * runs (see withRunNames); plain text (never rendered as HTML). */
  label: string;
  /** Where it came from (a file name, "Saved <time>"): its name when its settings are unknown. */
  origin: string;
  source: 'file' | 'stored';
  /** Null for a run imported from a logits file: it was trained elsewhere, with unknown settings. */
  config: TrainConfig | null;
  backendPreference: BackendPreference | null;
  backend: BackendName | null;
  createdAt: string | null;
  epochs: OverlayEpoch[];
}

/** Runs compared at once; beyond this the chart's legend stops being readable. */
export const MAX_COMPARED_RUNS = 6;

function overlayEpochs(epochs: readonly OverlayEpoch[]): OverlayEpoch[] {
  return epochs.map(curvePoint);
}

export function comparedFromFile(run: ParsedRunFile, fileName: string, id: string): ComparedRun {
  return {
    id,
    label: fileName,
    origin: fileName,
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
  config: TrainConfig | null,
  backend: BackendName | null,
  createdAt: string,
  epochs: readonly OverlayEpoch[],
): ComparedRun {
  return {
    id,
    label,
    origin: label,
    source: 'stored',
    config: config && { ...config },
    backendPreference: null,
    backend,
    createdAt,
    epochs: overlayEpochs(epochs),
  };
}

/** The run settings the side-by-side table shows: all but the backend preference (the backend used is its own row). */
export const COMPARED_KEYS = RUN_KEYS.filter((key) => key !== 'backend');

/** A setting's value in a run's config, written as the settings table writes it (the classes as "a vs b", or "a, b and c"). */
export function settingText(key: SettingKey, config: TrainConfig | null): string {
  if (config === null) return 'not known (imported)';
  if (key === 'classes') {
    return config.dataset ? classesLabel(config) : classesText(config.classes);
  }
  const spec: SettingSpec<unknown> = SETTINGS[key];
  const dataset = config.dataset;
  if (spec.onlyFor !== undefined && spec.onlyFor !== (dataset ? 'own-images' : 'fashion-mnist')) {
    if (dataset && (key === 'train' || key === 'val')) {
      // An own-images run trains and validates on every image of its split: show those counts.
      const counts = key === 'train' ? dataset.counts.train : dataset.counts.validation;
      return `${counts.reduce((sum, count) => sum + count, 0)} (your images)`;
    }
    return `not used (${dataset ? 'own images' : 'Fashion-MNIST'})`;
  }
  const value = config[spec.config as keyof TrainConfig];
  // A run saved before this setting existed trained without it: its default applied.
  return spec.format(value === undefined ? spec.default : value);
}

export interface SettingsRow {
  label: string;
  values: string[];
  /** True when the runs disagree on this setting: the table highlights it. */
  differs: boolean;
}

export function settingsRows(runs: readonly ComparedRun[]): SettingsRow[] {
  const rows = COMPARED_KEYS.map((key) => {
    const values = runs.map((run) => settingText(key, run.config));
    return { label: SETTINGS[key].label, values, differs: new Set(values).size > 1 };
  });
  const backends = runs.map((run) => run.backend ?? (run.config === null ? 'imported' : '—'));
  rows.push({ label: 'Backend used', values: backends, differs: new Set(backends).size > 1 });
  return rows;
}
