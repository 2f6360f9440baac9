// Mid-run setting changes as plain data: where one sits on an epoch axis, what a run's settings
// are after its changes, how one reads in words, and the check of the changes a command asks
// for (with the settings table's bounds). No tfjs: the page, the charts, the run file and the
// worker all use these.

import type {
  AdjustableField,
  AdjustableSettings,
  SettingChangeEvent,
  SettingChanges,
  TrainConfig,
} from '../core/types';
import { LIVE_KEYS } from './settingKeys';
import { SETTINGS, type Parsed, type SettingSpec } from './settings';

/**
 * The event's place on an epoch axis where x = e marks the end of epoch e: a change applied
 * after b of B batches of epoch e sits at e − 1 + b/B (a change before epoch e's first batch
 * sits at e − 1, the end of the epoch before).
 */
export function settingChangePosition(event: SettingChangeEvent): number {
  const fraction = event.batchesPerEpoch > 0 ? event.batch / event.batchesPerEpoch : 0;
  return event.epoch - 1 + fraction;
}

/** The adjustable settings after every change: the config's values with each event applied. */
export function settingsAfter(
  config: AdjustableSettings,
  events: readonly SettingChangeEvent[],
): AdjustableSettings {
  const { learningRate, l2, labelSmoothing, focalGamma } = config;
  const current: AdjustableSettings = { learningRate, l2, labelSmoothing, focalGamma };
  for (const event of events) current[event.field] = event.to;
  return current;
}

/** The changes that take a trainer built from `config` to the settings after `events`. */
export function changesToReplay(
  config: TrainConfig,
  events: readonly SettingChangeEvent[],
): SettingChanges {
  return events.length === 0 ? {} : settingsAfter(config, events);
}

/** Short names for chart labels. */
const SHORT_NAMES: Record<AdjustableField, string> = {
  learningRate: 'lr',
  l2: 'L2',
  labelSmoothing: 'smoothing',
  focalGamma: 'focal γ',
};

/** Names in sentences. */
const LONG_NAMES: Record<AdjustableField, string> = {
  learningRate: 'learning rate',
  l2: 'L2 weight decay',
  labelSmoothing: 'label smoothing',
  focalGamma: 'focal loss γ',
};

function shown(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** e.g. "lr 0.001→0.0003" */
export function settingChangeLabel(event: SettingChangeEvent): string {
  return `${SHORT_NAMES[event.field]} ${shown(event.from)}→${shown(event.to)}`;
}

/** e.g. "epoch 3, after batch 5 of 31: learning rate 0.001 → 0.0003" */
export function settingChangeSentence(event: SettingChangeEvent): string {
  const where =
    event.batch === 0
      ? `from the start of epoch ${event.epoch}`
      : `epoch ${event.epoch}, after batch ${event.batch} of ${event.batchesPerEpoch}`;
  return `${where}: ${LONG_NAMES[event.field]} ${shown(event.from)} → ${shown(event.to)}`;
}

/** The table's spec of an adjustable field, or undefined for any other name. */
function liveSpec(field: string): SettingSpec<unknown> | undefined {
  const key = LIVE_KEYS.find((live) => SETTINGS[live].config === field);
  return key === undefined ? undefined : SETTINGS[key];
}

/**
 * One value of an adjustable setting (a change's `from` or `to` in a run file) checked with the
 * table's own bounds, so a file cannot record a change the form and the worker would refuse.
 */
export function checkAdjustableValue(field: AdjustableField, value: unknown): Parsed<number> {
  const spec = liveSpec(field);
  if (spec === undefined) return { ok: false, reason: 'cannot change during a run' };
  return spec.fromJson(value) as Parsed<number>;
}

/**
 * Checks mid-run changes (config field → value) with the table's own bounds: the worker refuses
 * what the hash would refuse. Unknown or not-adjustable fields are refused too.
 */
export function parseSettingChanges(
  json: object,
): { ok: true; changes: SettingChanges } | { ok: false; field: string; reason: string } {
  const changes: SettingChanges = {};
  for (const [field, value] of Object.entries(json)) {
    const spec = liveSpec(field);
    if (spec === undefined) return { ok: false, field, reason: 'cannot change during a run' };
    const parsed = spec.fromJson(value);
    if (!parsed.ok) return { ok: false, field, reason: parsed.reason };
    changes[field as AdjustableField] = parsed.value as number;
  }
  return { ok: true, changes };
}
