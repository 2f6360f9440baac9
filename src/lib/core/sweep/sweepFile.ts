// The sweep file, format overconfidence-playground/sweep@1 (docs/sweep-file.md): a sweep's link,
// arms and seeds, and each finished run's summary figures and per-epoch curves, optionally with
// the run's own file or its id. The link defines the sweep (settings table, `sweep` and `seeds`);
// the arms and seeds are written out for readers without this code, and the parser checks they
// are the ones the link makes. Plain data: no tf, no DOM.

import { defaultSettings, formatHash, SETTING_KEYS, SETTINGS, type Settings } from '../../settings';
import { fileStamp } from '../files';
import type { BackendName } from '../types';
import { compareRuns, type Arm, type SweepDefinition } from './definition';
import type { RunCurves, RunSummary } from './summaryFields';

export const SWEEP_FILE_FORMAT = 'overconfidence-playground/sweep@1';

/** Where and how fast a run trained: set aside when sweeps are compared for identity. */
export interface SweepRunEnvironment {
  backend: BackendName;
  /** Workers the sweep ran at once on that machine. */
  pool: number;
  userAgent: string;
}

export interface SweepFileRun {
  arm: string;
  seed: number;
  summary: RunSummary;
  curves: RunCurves;
  /** Mean training speed over the run's epochs. */
  imagesPerSecond: number;
  environment: SweepRunEnvironment;
  /** The saved run's id on the machine that trained it. */
  runId?: string;
  /** The run's own file (run@2), when the sweep was saved with them. */
  file?: unknown;
}

export interface SweepFile {
  format: typeof SWEEP_FILE_FORMAT;
  createdAt: string;
  /** A shipped recording, not trained here: the page labels it so. */
  recorded?: boolean;
  /** The URL hash of the base settings with `sweep` and `seeds`: the sweep itself. */
  link: string;
  arms: Arm[];
  seeds: number[];
  /** The arm the others are compared to. */
  reference: string;
  /** Finished runs in (arm, seed) order; a sweep cut short or one shard holds some of them. */
  runs: SweepFileRun[];
}

/** Keys that never decide a sweep's result: a sweep is identical to another without them. */
export const VOLATILE_KEYS = ['createdAt', 'imagesPerSecond', 'environment'] as const;

/**
 * The link of a sweep: its settings with every page-only key at its default except `sweep`
 * and `seeds`. The pool size is left out, since a sweep gives the same runs on any pool.
 */
export function sweepLink(settings: Settings): string {
  const defaults = defaultSettings();
  const kept: Partial<Record<keyof Settings, unknown>> = { ...settings };
  for (const key of SETTING_KEYS) {
    if (SETTINGS[key].config === undefined && key !== 'sweep' && key !== 'seeds') {
      kept[key] = defaults[key];
    }
  }
  return formatHash(kept as Settings);
}

/** A sweep file of `runs` (any order; written in (arm, seed) order). */
export function buildSweepFile(input: {
  definition: SweepDefinition;
  runs: readonly SweepFileRun[];
  createdAt: Date;
  recorded?: boolean;
}): SweepFile {
  const { definition } = input;
  return {
    format: SWEEP_FILE_FORMAT,
    createdAt: input.createdAt.toISOString(),
    ...(input.recorded ? { recorded: true } : {}),
    link: sweepLink(definition.base),
    arms: definition.arms.map((arm) => ({ ...arm, overrides: { ...arm.overrides } })),
    seeds: [...definition.seeds],
    reference: definition.reference,
    runs: [...input.runs].sort(compareRuns(definition)),
  };
}

/** The file as text. NaN (a fix that does not apply) is written null, as JSON must. */
export function sweepFileText(file: SweepFile): string {
  return JSON.stringify(file);
}

/** A copy without VOLATILE_KEYS at any depth (embedded run files included). */
export function withoutVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVolatile);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !(VOLATILE_KEYS as readonly string[]).includes(key))
      .map(([key, inner]) => [key, withoutVolatile(inner)]),
  );
}

/** `sweep-<timestamp>.json`, e.g. sweep-2026-01-31T12-34-56Z.json (the run file's stamp). */
export function sweepFileName(createdAt: Date): string {
  return `sweep-${fileStamp(createdAt)}.json`;
}
