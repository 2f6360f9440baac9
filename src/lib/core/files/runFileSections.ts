// Reads the parts of a run file around its epochs: the config (with the settings table's own
// rules), the environment, the last epoch's validation logits, the per-epoch logits, the
// temperature fit, mid-run setting changes and early stopping. Part of the untrusted-file
// reader (runFileParse.ts): each part is checked and copied, nothing else survives.

import { checkAdjustableValue, parseRunConfig } from '../../settings';
import { BACKEND_ORDER } from '../train/backend';
import { parseDatasetRef } from '../data';
import { decodeFloat32, LOGITS_ENCODING } from './logitsCodec';
import type { RunFile, RunFileEpochTemperature, RunFileTemperature } from './runFile';
import {
  ADJUSTABLE_FIELDS,
  type AdjustableField,
  type EarlyStopInfo,
  type SettingChangeEvent,
} from '../types';
import {
  COUNT,
  describe,
  fail,
  Fields,
  Invalid,
  NON_NEGATIVE,
  numbers,
  POSITIVE,
  POSITIVE_COUNT,
  PROBABILITY,
} from './untrustedJson';

/**
 * The config, read with the settings table's own rules (settings/settings.ts): a file cannot
 * describe a run the app refuses, and settings newer than the file get their defaults, which is
 * what those runs trained with.
 */
export function config(fields: Fields): RunFile['config'] {
  const result = parseRunConfig(fields.source);
  if (!result.ok) {
    // The message names the field, the value the file holds and the bound it breaks. A list's
    // reason quotes the entry at fault itself ("names an unknown class …"): no "= a list of 2".
    const value = fields.has(result.field) ? fields.raw(result.field) : undefined;
    const scalar = value !== undefined && (value === null || typeof value !== 'object');
    const held = scalar ? ` = ${describe(value)}` : '';
    throw new Invalid(`${fields.at(result.field)}${held} ${result.reason}`);
  }
  // Not a setting (no link carries it): the user's own dataset the run trained on, if any.
  if (!fields.has('dataset')) return result.config;
  return { ...result.config, dataset: parseDatasetRef(fields.object('dataset')) };
}

export function environment(fields: Fields): RunFile['environment'] {
  return {
    backend: fields.oneOf('backend', BACKEND_ORDER),
    adapter: fields.string('adapter'),
    fallbackReason: fields.raw('fallbackReason') === null ? null : fields.string('fallbackReason'),
    userAgent: fields.string('userAgent'),
    tfjs: fields.string('tfjs'),
  };
}

/** `examples` labels (0 … K − 1) and rows of K logits, K = `classCount` (the config's classes). */
export function validation(
  fields: Fields,
  examples: number,
  classCount: number,
): RunFile['validation'] {
  const labels = fields.numbers('labels', { min: 0, max: classCount - 1, integer: true }, examples);
  const logits = fields
    .list('logits', examples)
    .map((row, i) => numbers(row, `${fields.at('logits')}[${i}]`, {}, classCount));
  return { labels, logits };
}

/** One decoded Float32Array of K × `examples` logits per epoch; every string must decode. */
export function epochLogits(
  fields: Fields,
  epochs: number,
  examples: number,
  classCount: number,
): Float32Array[] {
  fields.oneOf('encoding', [LOGITS_ENCODING]);
  const path = fields.at('epochs');
  return fields.list('epochs', epochs).map((text, i) => {
    if (typeof text !== 'string') fail(`${path}[${i}]`, 'a base64 string', text);
    const decoded = decodeFloat32(text, classCount * examples);
    if (typeof decoded === 'string') throw new Invalid(`${path}[${i}] is not valid: ${decoded}`);
    return decoded;
  });
}

export function temperature(fields: Fields): RunFileTemperature {
  return {
    T: fields.number('T', POSITIVE),
    // Files from before it existed lack it: their fits are read as true minima.
    bound: optionalObject(fields, 'bound', (bound) => ({
      side: bound.oneOf('side', ['lower', 'upper']),
      reason: bound.string('reason'),
    })),
    nllBefore: fields.number('nllBefore', NON_NEGATIVE),
    nllAfter: fields.number('nllAfter', NON_NEGATIVE),
    eceBefore: fields.number('eceBefore', PROBABILITY),
    eceAfter: fields.number('eceAfter', PROBABILITY),
  };
}

/**
 * Temperature scaling at every epoch: one entry per epoch (null where it could not be fitted),
 * each naming its epoch and read like `temperature`. Null for files from before it.
 */
export function epochFixes(
  file: Fields,
  epochs: number,
): (RunFileEpochTemperature | null)[] | null {
  if (!file.has('epochFixes') || file.raw('epochFixes') === null) return null;
  return file.list('epochFixes', epochs).map((value, i) => {
    if (value === null) return null;
    const fields = new Fields(value, `epochFixes[${i}]`);
    const epoch = fields.number('epoch', POSITIVE_COUNT);
    if (epoch !== i + 1) fail(fields.at('epoch'), `${i + 1}`, epoch);
    return { epoch, ...temperature(fields) };
  });
}

/** Mid-run changes: where each took effect (within the run's epochs) and from/to what. */
export function settingEvents(file: Fields, lastEpoch: number): SettingChangeEvent[] {
  if (!file.has('events')) return [];
  return file.list('events').map((value, i) => {
    const fields = new Fields(value, `events[${i}]`);
    const batchesPerEpoch = fields.number('batchesPerEpoch', POSITIVE_COUNT);
    const field = fields.oneOf('field', ADJUSTABLE_FIELDS);
    return {
      epoch: fields.number('epoch', { min: 1, max: lastEpoch, integer: true }),
      batch: fields.number('batch', { ...COUNT, max: batchesPerEpoch }),
      batchesPerEpoch,
      field,
      from: settingValue(fields, 'from', field),
      to: settingValue(fields, 'to', field),
    };
  });
}

/**
 * A change's value, checked with the settings table's bounds for its field (the same check as
 * the config's and the worker's), e.g. "events[0].to (labelSmoothing) = 5 is above the maximum 0.49".
 */
function settingValue(fields: Fields, key: 'from' | 'to', field: AdjustableField): number {
  const value = fields.raw(key);
  const parsed = checkAdjustableValue(field, value);
  if (!parsed.ok) {
    throw new Invalid(`${fields.at(key)} (${field}) = ${describe(value)} ${parsed.reason}`);
  }
  return parsed.value;
}

export function earlyStop(fields: Fields, epochs: number): EarlyStopInfo {
  const bestEpoch = fields.number('bestEpoch', { min: 1, max: epochs, integer: true });
  return {
    metric: fields.oneOf('metric', ['loss', 'accuracy']),
    bestEpoch,
    stoppedAfterEpoch: fields.number('stoppedAfterEpoch', {
      min: bestEpoch,
      max: epochs,
      integer: true,
    }),
  };
}

/** A field older files lack and newer ones may set to null: both read as null. */
export function optionalObject<T>(
  file: Fields,
  key: string,
  read: (fields: Fields) => T,
): T | null {
  return file.has(key) && file.raw(key) !== null ? read(file.object(key)) : null;
}
