// A run's config, generated from the settings table: each run setting names its config field
// (`train` → `trainSize`, …), so the worker's commands and run files use the table's own
// bounds and defaults. Pure: no DOM.

import type { BackendPreference, TrainConfig } from '../core/types';
import { copied } from './settingValues';
import { RUN_KEYS } from './settingKeys';
import { SETTINGS, type Settings, type SettingSpec } from './settings';

/** A run's config: the training settings plus the backend preference, in run-file field names. */
export type RunConfig = TrainConfig & { backend: BackendPreference };

/** The run settings under their config field names (RUN_KEYS; nothing else). */
export function toRunConfig(settings: Settings): RunConfig {
  const config: Partial<Record<string, unknown>> = {};
  for (const key of RUN_KEYS) config[SETTINGS[key].config as string] = copied(settings[key]);
  return config as unknown as RunConfig;
}

/** What the worker trains: the run config without the backend preference (a worker has one). */
export function toTrainConfig(settings: Settings): TrainConfig {
  const { backend: _preference, ...config } = toRunConfig(settings);
  return config;
}

/**
 * Reads a run file's config with the table's own rules (the same bounds and choices as the
 * hash), field by field; settings newer than the file get their defaults. Returns the first
 * problem as `field reason`, e.g. "labelSmoothing is above the maximum 0.49".
 */
export function parseRunConfig(
  json: object,
): { ok: true; config: RunConfig } | { ok: false; field: string; reason: string } {
  const fields = json as Readonly<Record<string, unknown>>;
  const config: Partial<Record<string, unknown>> = {};
  for (const key of RUN_KEYS) {
    const spec: SettingSpec<unknown> = SETTINGS[key];
    const field = spec.config as string;
    if (!Object.hasOwn(fields, field)) {
      if (!spec.optionalInRunFile) return { ok: false, field, reason: 'is missing' };
      config[field] = copied(spec.default);
      continue;
    }
    const parsed = spec.fromJson(fields[field]);
    if (!parsed.ok) return { ok: false, field, reason: parsed.reason };
    config[field] = parsed.value;
  }
  return { ok: true, config: config as unknown as RunConfig };
}
