// The Sweep view's form as plain data: which settings a grid can vary and how each value is
// edited (from the settings table's control kinds and bounds), the sweep text a choice makes
// (read back by the table's own `sweep` row, so a value a single run would refuse is refused
// here with the same words), and the ETA before a sweep starts. No DOM: Node tests reach it.

import {
  formatSweep,
  SETTINGS,
  sweepableKeys,
  SWEEP_PRESETS,
  type SettingControl,
  type Settings,
  type SweepPreset,
  type SweepSpec,
} from '../../settings';
import { sweepEtaSeconds, type SweepRun } from '../../core/sweep';

/** The presets as the view names them, in the order it offers them. */
export const PRESET_LABELS: Readonly<Record<SweepPreset, string>> = {
  remedies: 'Remedies',
  capacity: 'Capacity',
  'learning-rate': 'Learning rate',
};
export const PRESET_IDS: readonly SweepPreset[] = SWEEP_PRESETS;

/** How one swept setting's values are edited: a list of numbers within bounds, or options. */
export type AxisEditor =
  | { kind: 'numbers'; integer: boolean; min: number; max: number }
  | { kind: 'options'; options: readonly { value: string; label: string }[] };

export interface AxisOption {
  key: string;
  label: string;
  editor: AxisEditor;
}

type Table = Readonly<Record<string, { label: string; control: SettingControl }>>;

function editorOf(control: SettingControl): AxisEditor | null {
  if (control.kind === 'integer' || control.kind === 'number') {
    return {
      kind: 'numbers',
      integer: control.kind === 'integer',
      min: control.min,
      max: control.max,
    };
  }
  if (control.kind === 'choice') return { kind: 'options', options: control.options };
  return null;
}

/** The settings a grid can vary (the table's sweepable keys), each with its editor. */
export function axisOptions(table: Table = SETTINGS): AxisOption[] {
  return sweepableKeys(table as never).flatMap((key) => {
    const editor = editorOf(table[key].control);
    return editor ? [{ key, label: table[key].label, editor }] : [];
  });
}

/** What a numbers editor says of its bounds, e.g. "whole numbers from 10 to 30000". */
export function boundsText(editor: AxisEditor): string {
  if (editor.kind === 'options') return `any of ${editor.options.map((o) => o.label).join(', ')}`;
  return `${editor.integer ? 'whole numbers' : 'numbers'} from ${editor.min} to ${editor.max}`;
}

/** One axis as the form holds it: the setting and its values as typed (numbers) or ticked. */
export interface AxisDraft {
  key: string;
  /** Values as text, in order: typed numbers, or the chosen options' values. */
  values: string[];
}

/**
 * Two values to start from: the setting's current value and one beside it (for options, the
 * first two). The user edits them; the table checks them.
 */
export function suggestedAxis(key: string, settings: Settings, table: Table = SETTINGS): AxisDraft {
  const editor = editorOf(table[key].control);
  const current = (settings as unknown as Record<string, unknown>)[key];
  if (editor === null) return { key, values: [] };
  if (editor.kind === 'options') {
    const first = String(current);
    const other = editor.options.find((option) => option.value !== first)?.value ?? first;
    return { key, values: [first, other] };
  }
  const value = Number(current);
  // Double the value, or (at 0, a remedy's "off") a tenth of the range; kept within bounds.
  const raw = value === 0 ? editor.min + (editor.max - editor.min) / 10 : value * 2;
  const beside = Math.min(
    editor.max,
    editor.integer ? Math.round(raw) : Number(raw.toPrecision(2)),
  );
  return { key, values: beside === value ? [String(value)] : [String(value), String(beside)] };
}

/** The `sweep` text of a one- or two-setting grid: `smoothing(0,0.1)*train(500,1000)`. */
export function gridText(axes: readonly AxisDraft[]): string {
  return axes
    .map((axis) => `${axis.key}(${axis.values.map((value) => value.trim()).join(',')})`)
    .join('*');
}

export type GridResult = { ok: true; spec: SweepSpec } | { ok: false; message: string };

/** The grid as the settings table reads it, or its message (`sweep=… gives lr one value…`). */
export function readGrid(axes: readonly AxisDraft[]): GridResult {
  const text = gridText(axes);
  const parsed = SETTINGS.sweep.parse(text);
  return parsed.ok
    ? { ok: true, spec: parsed.value }
    : { ok: false, message: `sweep=${text} ${parsed.reason}` };
}

/** The axes of a grid spec as the form edits them (values in the table's own text). */
export function gridDrafts(spec: SweepSpec): AxisDraft[] {
  if (spec.kind !== 'grid') return [];
  return spec.axes.map((axis) => ({
    key: axis.key,
    values: axis.values.map((value) =>
      (SETTINGS[axis.key as keyof Settings].format as (v: unknown) => string)(value),
    ),
  }));
}

/** The sweep's words in the link, e.g. "remedies" or "lr(0.0001,0.001)". */
export function sweepText(spec: SweepSpec): string {
  return formatSweep(spec, SETTINGS as never);
}

/** Where the speed behind an ETA came from; the view says which. */
export type SpeedSource = 'sweep' | 'timed pool' | 'last run' | 'backend timing';

export interface Speeds {
  /** This sweep's throughput, all workers together, once it has trained a while. */
  sweep?: number | null;
  /** The pool timed on this sweep's first run just now, all workers together. */
  timedPool?: number | null;
  /** The mean speed of the page's last run (one worker). */
  lastRun?: number | null;
  /** What the backend choice timed for the chosen backend (a few warm steps, one worker). */
  backendTiming?: number | null;
}

export interface Eta {
  seconds: number;
  imagesPerSecond: number;
  source: SpeedSource;
}

const usable = (speed: number | null | undefined): speed is number =>
  typeof speed === 'number' && Number.isFinite(speed) && speed > 0;

/**
 * The pool's throughput as a finished sweep measured it: its runs' mean speed times the workers
 * that trained at once. Null before any run finished.
 */
export function poolSpeed(
  results: readonly { imagesPerSecond: number }[],
  poolSize: number,
): number | null {
  const speeds = results.map((run) => run.imagesPerSecond).filter(usable);
  if (speeds.length === 0 || !(poolSize >= 1)) return null;
  return (poolSize * speeds.reduce((sum, speed) => sum + speed, 0)) / speeds.length;
}

/**
 * The ETA of `runs` from the best speed known: the sweep's own, else the timed pool's, else a
 * run's, else the backend timing's.
 */
export function sweepEta(runs: readonly Pick<SweepRun, 'settings'>[], speeds: Speeds): Eta | null {
  const known: [SpeedSource, number | null | undefined][] = [
    ['sweep', speeds.sweep],
    ['timed pool', speeds.timedPool],
    ['last run', speeds.lastRun],
    ['backend timing', speeds.backendTiming],
  ];
  const found = known.find(([, speed]) => usable(speed));
  if (!found || !usable(found[1])) return null;
  return { seconds: sweepEtaSeconds(runs, found[1]), imagesPerSecond: found[1], source: found[0] };
}

/** A duration in words a reader plans by: "about 40 s", "about 12 min", "about 1 h 05 min". */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  return `about ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const SOURCE_WORDS: Readonly<Record<SpeedSource, string>> = {
  sweep: 'this sweep’s measured speed, all workers together',
  'timed pool': 'the pool timed just now on this sweep’s first run, all workers together',
  'last run': 'the last run’s speed on one worker; a pool of several may finish sooner',
  'backend timing': 'the backend timing’s speed on one worker; a pool of several may finish sooner',
};

/** "21 runs, about 30 min at 930 images/s (the last run’s speed …)". */
export function etaText(runCount: number, eta: Eta | null): string {
  const runs = `${runCount} ${runCount === 1 ? 'run' : 'runs'}`;
  if (eta === null)
    return `${runs}; no speed measured yet to time them: time the pool or train one run.`;
  const speed = Math.round(eta.imagesPerSecond).toLocaleString('en-US');
  return `${runs}, ${durationText(eta.seconds)} at ${speed} images/s (${SOURCE_WORDS[eta.source]}).`;
}
