// The `sweep` setting's kind: which arms a sweep trains, written in a link as `off`, a preset
// (`remedies`, `capacity`, `learning-rate`) or a grid of one or two settings with their values,
// `smoothing(0,0.1)` or `model(small,wide)*train(500,2000)`. Parentheses and `*` survive
// encodeURIComponent, so a shared link stays readable. Each value is read by its own setting's
// row of the table (the same bounds and messages as `smoothing=0.7` alone), so a sweep can never
// ask for a value a single run would refuse. The table reaches this file through a getter: this
// file must not import settings.ts (the table imports it), and import cycles are refused.

import type { Parsed, SettingSpec } from './settingKinds';
import { shownText } from './shownText';

/** The named sweeps; their arms are core/sweep/presets.ts. */
export const SWEEP_PRESETS = ['remedies', 'capacity', 'learning-rate'] as const;
export type SweepPreset = (typeof SWEEP_PRESETS)[number];

/** One swept setting (its hash key) and its values, as the table parsed them. */
export interface SweepAxis {
  key: string;
  values: readonly unknown[];
}

export type SweepSpec =
  | { kind: 'off' }
  | { kind: 'preset'; preset: SweepPreset }
  | { kind: 'grid'; axes: readonly SweepAxis[] };

/** A grid varies one setting, or two crossed. */
export const MAX_SWEEP_AXES = 2;
/** Values per swept setting: each is an arm, and each arm trains once per seed. */
export const MAX_SWEEP_VALUES = 10;
/** Arms of a grid in all (two settings of 10 values would be 100 arms × up to 10 seeds). */
export const MAX_SWEEP_ARMS = 25;

/** What the kind needs of a table row. */
type Row = SettingSpec<unknown>;
type Table = Readonly<Record<string, Row>>;

/**
 * Settings a sweep can vary: the run's numbers and choices. Not the seed (the `seeds` setting
 * sets it, and arms pair by it), not the backend (sweep workers pick theirs, and arms on
 * different backends would not compare bit for bit), and not the classes (a list, whose commas
 * the grid's own commas would swallow).
 */
export function sweepableKeys(table: Table): string[] {
  return Object.keys(table).filter((key) => {
    const row = table[key];
    const kind = row.control.kind;
    return (
      row.config !== undefined &&
      key !== 'seed' &&
      key !== 'backend' &&
      (kind === 'integer' || kind === 'number' || kind === 'choice')
    );
  });
}

const AXIS = /^([A-Za-z][A-Za-z0-9]*)\((.*)\)$/s;

function parseAxis(text: string, table: Table, keys: readonly string[]): Parsed<SweepAxis> {
  const match = AXIS.exec(text.trim());
  if (match === null) {
    return {
      ok: false,
      reason: `has "${shownText(text)}", which is not a setting with its values in parentheses, e.g. smoothing(0,0.1)`,
    };
  }
  const key = keys.find((known) => known.toLowerCase() === match[1].toLowerCase());
  if (key === undefined) {
    return {
      ok: false,
      reason: `names "${shownText(match[1])}", which is not a setting a sweep can vary (${keys.join(', ')})`,
    };
  }
  const written = match[2].split(',');
  if (written.length < 2)
    return { ok: false, reason: `gives ${key} one value; a sweep compares at least two` };
  if (written.length > MAX_SWEEP_VALUES) {
    return {
      ok: false,
      reason: `gives ${key} ${written.length} values (at most ${MAX_SWEEP_VALUES})`,
    };
  }
  const values: unknown[] = [];
  const shown: string[] = [];
  for (const part of written) {
    const parsed = table[key].parse(part);
    if (!parsed.ok)
      return {
        ok: false,
        reason: `has ${key} "${shownText(part.trim())}", which ${parsed.reason}`,
      };
    const canonical = table[key].format(parsed.value);
    if (shown.includes(canonical)) return { ok: false, reason: `gives ${key} ${canonical} twice` };
    shown.push(canonical);
    values.push(parsed.value);
  }
  return { ok: true, value: { key, values } };
}

/** Reads `off`, a preset name or a grid; the reason is a phrase that follows `sweep=<text>`. */
export function parseSweep(text: string, table: Table): Parsed<SweepSpec> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  const lower = trimmed.toLowerCase();
  if (lower === 'off') return { ok: true, value: { kind: 'off' } };
  const preset = SWEEP_PRESETS.find((name) => name === lower);
  if (preset !== undefined) return { ok: true, value: { kind: 'preset', preset } };
  if (!trimmed.includes('(')) {
    return {
      ok: false,
      reason: `is not off, a preset (${SWEEP_PRESETS.join(', ')}) or a grid such as smoothing(0,0.1)`,
    };
  }
  const parts = trimmed.split('*');
  if (parts.length > MAX_SWEEP_AXES) {
    return { ok: false, reason: `crosses ${parts.length} settings (at most ${MAX_SWEEP_AXES})` };
  }
  const keys = sweepableKeys(table);
  const axes: SweepAxis[] = [];
  for (const part of parts) {
    const axis = parseAxis(part, table, keys);
    if (!axis.ok) return axis;
    if (axes.some((earlier) => earlier.key === axis.value.key)) {
      return { ok: false, reason: `sweeps ${axis.value.key} twice` };
    }
    axes.push(axis.value);
  }
  const arms = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (arms > MAX_SWEEP_ARMS)
    return { ok: false, reason: `makes ${arms} arms (at most ${MAX_SWEEP_ARMS})` };
  return { ok: true, value: { kind: 'grid', axes } };
}

/** The canonical text of a sweep, which parseSweep reads back to the same value. */
export function formatSweep(spec: SweepSpec, table: Table): string {
  if (spec.kind === 'off') return 'off';
  if (spec.kind === 'preset') return spec.preset;
  return spec.axes
    .map(
      (axis) =>
        `${axis.key}(${axis.values.map((value) => table[axis.key].format(value)).join(',')})`,
    )
    .join('*');
}

/** The table row of `sweep`; `table` is read lazily, as this row is part of it. */
export function sweepSetting(
  spec: Pick<SettingSpec<SweepSpec>, 'label' | 'help' | 'view'>,
  table: () => Table,
): SettingSpec<SweepSpec> {
  return {
    ...spec,
    default: { kind: 'off' },
    control: { kind: 'sweep' },
    parse: (text) => parseSweep(text, table()),
    fromJson: (value) =>
      typeof value === 'string' ? parseSweep(value, table()) : { ok: false, reason: 'is not text' },
    format: (value) => formatSweep(value, table()),
  };
}
