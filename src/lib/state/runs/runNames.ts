// Names that tell runs apart: each run is named by the settings that differ from the other runs
// it is shown with ("label smoothing 0.1" against "plain"), written as the settings table writes
// them, so the Runs list, the compare legend and the ghost lines say what changed, not when.

import type { TrainConfig } from '../../core/types';
import { defaultSettings, SETTINGS, toTrainConfig, type SettingKey } from '../../settings';
import { COMPARED_KEYS, settingText, type ComparedRun } from './compare';

export interface RunToName {
  /** Null when the settings are not known (a run imported from a logits file). */
  config: TrainConfig | null;
  /** ISO time the run was made; tells apart runs whose settings are the same. */
  createdAt: string | null;
  /** What names a run without known settings, e.g. "imported pets.npz". */
  origin: string;
}

/** A run as stored in this browser (the parts of its record a name reads). */
export interface StoredRunLike {
  config: TrainConfig;
  createdAt: string;
  source?: { kind: 'imported'; name: string };
}

/** A stored run to name: an imported one by its file (its config is a placeholder). */
export function storedRunToName(run: StoredRunLike): RunToName {
  const imported = run.source?.kind === 'imported';
  return {
    config: imported ? null : run.config,
    createdAt: run.createdAt,
    origin: imported ? `imported “${run.source?.name ?? ''}”` : '',
  };
}

/** The name of a run on the default settings, among runs that changed something. */
export const PLAIN_RUN_NAME = 'plain';

/** Beyond this many differing settings a name says "+ n more" (a legend entry stays one line). */
const MAX_NAMED_SETTINGS = 2;

/** "Label smoothing α" → "label smoothing": the symbol and unit in brackets are the form's. */
function shortLabel(key: SettingKey): string {
  const label = SETTINGS[key].label.replace(/\s*\(.*\)$/, '').replace(/\s+[α-ω]$/, '');
  const lowerable = label.length > 1 && label[1] !== label[1].toUpperCase(); // not "L2"
  return lowerable ? label[0].toLowerCase() + label.slice(1) : label;
}

function joined(parts: readonly string[]): string {
  if (parts.length <= MAX_NAMED_SETTINGS) return parts.join(', ');
  const more = parts.length - MAX_NAMED_SETTINGS;
  return `${parts.slice(0, MAX_NAMED_SETTINGS).join(', ')} + ${more} more`;
}

const shortTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

function defaultTime(iso: string): string {
  return shortTime.format(new Date(iso));
}

/**
 * One name per run, in order. The settings that tell the runs apart are those on which runs with
 * known settings disagree (all settings when they agree throughout); each run is named by
 * its values of those that are not the default, or "plain" when it is on the defaults
 * throughout. Runs left with the same name (same settings) add their time, then a number.
 */
export function runNames(
  runs: readonly RunToName[],
  formatTime: (iso: string) => string = defaultTime,
): string[] {
  const configured = runs.flatMap((run) => (run.config === null ? [] : [run.config]));
  const defaults = toTrainConfig(defaultSettings());
  const differing = COMPARED_KEYS.filter(
    (key) => new Set(configured.map((config) => settingText(key, config))).size > 1,
  );
  // Runs that agree on everything (or one alone) are told by what they changed from the defaults.
  const telling = differing.length > 0 ? differing : COMPARED_KEYS;
  const isDefault = (key: SettingKey, config: TrainConfig): boolean =>
    settingText(key, config) === settingText(key, defaults);
  const named = (key: SettingKey, config: TrainConfig): string =>
    `${shortLabel(key)} ${settingText(key, config)}`;

  const names = runs.map((run) => {
    const config = run.config;
    if (config === null) return run.origin;
    const changed = telling.filter((key) => !isDefault(key, config));
    if (changed.length > 0) return joined(changed.map((key) => named(key, config)));
    if (COMPARED_KEYS.every((key) => isDefault(key, config))) return PLAIN_RUN_NAME;
    // Not on the defaults, but on them where the runs differ: say its values there.
    return telling.length > 0 ? joined(telling.map((key) => named(key, config))) : PLAIN_RUN_NAME;
  });
  return distinct(names, runs, formatTime);
}

function distinct(
  names: readonly string[],
  runs: readonly RunToName[],
  formatTime: (iso: string) => string,
): string[] {
  const repeated = (list: readonly string[], name: string): boolean =>
    list.indexOf(name) !== list.lastIndexOf(name);
  const timed = names.map((name, index) => {
    const createdAt = runs[index].createdAt;
    return repeated(names, name) && createdAt !== null
      ? `${name} · ${formatTime(createdAt)}`
      : name;
  });
  const seen = new Map<string, number>();
  return timed.map((name) => {
    if (!repeated(timed, name)) return name;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return `${name} #${count}`;
  });
}

/** The compared runs, each labelled by what tells it from the others (legend, table headers). */
export function withRunNames(
  runs: readonly ComparedRun[],
  formatTime: (iso: string) => string = defaultTime,
): ComparedRun[] {
  const names = runNames(runs, formatTime);
  return runs.map((run, index) =>
    run.label === names[index] ? run : { ...run, label: names[index] },
  );
}

/** The faint lines of the run before this one, as the legend names them. */
export const GHOST_RUN_NAME = 'Previous run';

/**
 * "Previous run (plain)" beside a run with label smoothing: the previous run named by the
 * settings it does not share with the current one (the current run's config, or the next run's
 * settings before it starts).
 */
export function ghostName(previous: TrainConfig | null, current: TrainConfig | null): string {
  if (previous === null) return GHOST_RUN_NAME;
  if (
    current !== null &&
    COMPARED_KEYS.every((key) => settingText(key, previous) === settingText(key, current))
  ) {
    return `${GHOST_RUN_NAME} (same settings)`;
  }
  const others = current === null ? [] : [{ config: current, createdAt: null, origin: '' }];
  const [name] = runNames([{ config: previous, createdAt: null, origin: '' }, ...others]);
  return `${GHOST_RUN_NAME} (${name})`;
}
