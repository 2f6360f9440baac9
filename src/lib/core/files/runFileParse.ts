// Reads a run file a person dropped on the page. The text is untrusted: anything may arrive
// (another app's JSON, a truncated download, a crafted file), so every field the UI uses is
// checked and copied into fresh objects; nothing else of the input survives. Never throws.
// Plain data only, like runFile.ts: no tfjs, no DOM.

import { parseRunConfig } from '../../settings';
import { BACKEND_ORDER } from '../train/backend';
import { parseDatasetRef } from '../data';
import { validationTotal } from '../data';
import { decodeFloat32, LOGITS_ENCODING } from './logitsCodec';
import {
  OLDER_RUN_FILE_FORMATS,
  RUN_FILE_FORMAT,
  type RunFile,
  type RunFileTemperature,
} from './runFile';
import {
  ADJUSTABLE_FIELDS,
  type BrierScore,
  type EarlyStopInfo,
  type EceInterval,
  type EpochMetrics,
  type LogitGapHistogram,
  type ReliabilityDiagram,
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
  plain,
  POSITIVE,
  POSITIVE_COUNT,
  PROBABILITY,
} from './untrustedJson';

/** Files above this are refused unread: a 500-epoch run with 2000 validation logits is ~3 MB. */
export const MAX_RUN_FILE_BYTES = 50 * 1024 * 1024;
/** Error messages are cut to this length so a banner stays readable. */
const MAX_MESSAGE_CHARS = 240;
/** Keys that could reach Object.prototype if a consumer ever merged the data with Object.assign. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Fields a run file from before calibration metrics (issue 3) lacks; absent, not guessed. */
type CalibrationKey =
  'validationLossCorrect' | 'validationLossWrong' | 'wrongCount' | 'ece' | 'mce' | 'reliability';
export type ParsedEpochMetrics = Omit<EpochMetrics, CalibrationKey> &
  Partial<Pick<EpochMetrics, CalibrationKey>>;

/**
 * A run file as read back. Older run@1 files lack the calibration metrics (optional here), the
 * temperature fit and the early-stopping record (null here, as when a run has none); their
 * missing config fields (label smoothing, L2, dropout, early stopping) get the defaults, which
 * is what those runs trained with.
 */
export type ParsedRunFile = Omit<
  RunFile,
  'epochs' | 'temperature' | 'earlyStop' | 'epochLogits' | 'events'
> & {
  /** Settings changed mid-run, in order; [] for files from before such changes existed. */
  events: SettingChangeEvent[];
  epochs: ParsedEpochMetrics[];
  temperature: RunFileTemperature | null;
  earlyStop: EarlyStopInfo | null;
  /**
   * Every epoch's validation logits, decoded (index e − 1 holds epoch e's [z0, z1] pairs); null
   * when the file has none (run@1 files, or a run@2 file written without them): not replayable.
   */
  epochLogits: Float32Array[] | null;
};

export type ParseResult = { ok: true; run: ParsedRunFile } | { ok: false; error: string };

const CALIBRATION_KEYS: readonly CalibrationKey[] = [
  'validationLossCorrect',
  'validationLossWrong',
  'wrongCount',
  'ece',
  'mce',
  'reliability',
];

function histogram(fields: Fields, examples: number): LogitGapHistogram {
  const edges = fields.edges('edges');
  const correct = fields.numbers('correct', COUNT, edges.length - 1);
  const wrong = fields.numbers('wrong', COUNT, edges.length - 1);
  const total = [...correct, ...wrong].reduce((sum, count) => sum + count, 0);
  if (total !== examples) fail(`${fields.path} counts`, `${examples} in total`, total);
  return { edges, correct, wrong };
}

function reliability(fields: Fields): ReliabilityDiagram {
  const edges = fields.edges('edges');
  const bins = edges.length - 1;
  return {
    edges,
    count: fields.numbers('count', COUNT, bins),
    accuracy: fields.numbers('accuracy', PROBABILITY, bins),
    confidence: fields.numbers('confidence', PROBABILITY, bins),
  };
}

/** The calibration fields if the epoch has any of them; then it must have all. */
function calibration(fields: Fields, examples: number): Partial<EpochMetrics> {
  if (!CALIBRATION_KEYS.some((key) => fields.has(key))) return {};
  return {
    validationLossCorrect: fields.number('validationLossCorrect', NON_NEGATIVE),
    validationLossWrong: fields.number('validationLossWrong', NON_NEGATIVE),
    wrongCount: fields.number('wrongCount', { ...COUNT, max: examples }),
    ece: fields.number('ece', PROBABILITY),
    mce: fields.number('mce', PROBABILITY),
    reliability: reliability(fields.object('reliability')),
  };
}

/** Murphy's parts must add up to the score they decompose (to rounding): otherwise the file lies. */
const BRIER_SUM_TOLERANCE = 1e-6;

function brier(fields: Fields): BrierScore {
  const result: BrierScore = {
    score: fields.number('score', { min: 0, max: 2 }),
    reliability: fields.number('reliability', { min: 0, max: 2 }),
    resolution: fields.number('resolution', { min: 0, max: 2 }),
    uncertainty: fields.number('uncertainty', { min: 0, max: 0.5 }),
    withinBin: fields.number('withinBin', { min: -2, max: 2 }),
    bins: fields.number('bins', POSITIVE_COUNT),
  };
  const sum = result.reliability - result.resolution + result.uncertainty + result.withinBin;
  if (Math.abs(sum - result.score) > BRIER_SUM_TOLERANCE) {
    fail(fields.path, `parts that sum to score ${result.score}`, sum);
  }
  return result;
}

function interval(fields: Fields): { low: number; high: number } {
  const low = fields.number('low', PROBABILITY);
  return { low, high: fields.number('high', { ...PROBABILITY, min: low }) };
}

function eceInterval(fields: Fields): EceInterval {
  return {
    level: fields.number('level', { min: Number.MIN_VALUE, max: 1 }),
    resamples: fields.number('resamples', POSITIVE_COUNT),
    seed: fields.number('seed', COUNT),
    equalWidth: interval(fields.object('equalWidth')),
    equalMass: interval(fields.object('equalMass')),
  };
}

/** The scoring fields (Brier, equal-mass ECE, bootstrap intervals): absent in older files, checked when present. */
function scoring(fields: Fields): Partial<EpochMetrics> {
  const result: Partial<EpochMetrics> = {};
  if (fields.has('brier')) result.brier = brier(fields.object('brier'));
  if (['eceAdaptive', 'mceAdaptive', 'reliabilityAdaptive'].some((key) => fields.has(key))) {
    result.eceAdaptive = fields.number('eceAdaptive', PROBABILITY);
    result.mceAdaptive = fields.number('mceAdaptive', PROBABILITY);
    result.reliabilityAdaptive = reliability(fields.object('reliabilityAdaptive'));
  }
  if (fields.has('eceInterval')) result.eceInterval = eceInterval(fields.object('eceInterval'));
  return result;
}

function epochMetrics(value: unknown, index: number, examples: number): ParsedEpochMetrics {
  const fields = new Fields(value, `epochs[${index}]`);
  const epoch = fields.number('epoch', POSITIVE_COUNT);
  // Charts put epoch i at x = i: a gap or a repeat would misplace every later point.
  if (epoch !== index + 1) fail(fields.at('epoch'), `${index + 1}`, epoch);
  return {
    epoch,
    trainLoss: fields.number('trainLoss', NON_NEGATIVE),
    trainAccuracy: fields.number('trainAccuracy', PROBABILITY),
    validationLoss: fields.number('validationLoss', NON_NEGATIVE),
    validationAccuracy: fields.number('validationAccuracy', PROBABILITY),
    imagesPerSecond: fields.number('imagesPerSecond', NON_NEGATIVE),
    logitGapHistogram: histogram(fields.object('logitGapHistogram'), examples),
    ...calibration(fields, examples),
    ...scoring(fields),
  };
}

/**
 * The config, read with the settings table's own rules (settings/settings.ts): a file cannot
 * describe a run the app refuses, and settings newer than the file get their defaults, which is
 * what those runs trained with.
 */
function config(fields: Fields): ParsedRunFile['config'] {
  const result = parseRunConfig(fields.source);
  if (!result.ok) throw new Invalid(`${fields.at(result.field)} ${result.reason}`);
  // Not a setting (no link carries it): the user's own dataset the run trained on, if any.
  if (!fields.has('dataset')) return result.config;
  return { ...result.config, dataset: parseDatasetRef(fields.object('dataset')) };
}

function environment(fields: Fields): ParsedRunFile['environment'] {
  return {
    backend: fields.oneOf('backend', BACKEND_ORDER),
    adapter: fields.string('adapter'),
    fallbackReason: fields.raw('fallbackReason') === null ? null : fields.string('fallbackReason'),
    userAgent: fields.string('userAgent'),
    tfjs: fields.string('tfjs'),
  };
}

function validation(fields: Fields, examples: number): ParsedRunFile['validation'] {
  const labels = fields.numbers('labels', { min: 0, max: 1, integer: true }, examples);
  const logits = fields.list('logits', examples).map((pair, i) => {
    const [z0, z1] = numbers(pair, `${fields.at('logits')}[${i}]`, {}, 2);
    return [z0, z1] as [number, number];
  });
  return { labels, logits };
}

/** One decoded Float32Array of 2 × `examples` logits per epoch; every string must decode. */
function epochLogits(fields: Fields, epochs: number, examples: number): Float32Array[] {
  fields.oneOf('encoding', [LOGITS_ENCODING]);
  const path = fields.at('epochs');
  return fields.list('epochs', epochs).map((text, i) => {
    if (typeof text !== 'string') fail(`${path}[${i}]`, 'a base64 string', text);
    const decoded = decodeFloat32(text, 2 * examples);
    if (typeof decoded === 'string') throw new Invalid(`${path}[${i}] is not valid: ${decoded}`);
    return decoded;
  });
}

function temperature(fields: Fields): RunFileTemperature {
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

/** Mid-run changes: where each took effect (within the run's epochs) and from/to what. */
function settingEvents(file: Fields, lastEpoch: number): SettingChangeEvent[] {
  if (!file.has('events')) return [];
  return file.list('events').map((value, i) => {
    const fields = new Fields(value, `events[${i}]`);
    const batchesPerEpoch = fields.number('batchesPerEpoch', POSITIVE_COUNT);
    return {
      epoch: fields.number('epoch', { min: 1, max: lastEpoch, integer: true }),
      batch: fields.number('batch', { ...COUNT, max: batchesPerEpoch }),
      batchesPerEpoch,
      field: fields.oneOf('field', ADJUSTABLE_FIELDS),
      from: fields.number('from', NON_NEGATIVE),
      to: fields.number('to', NON_NEGATIVE),
    };
  });
}

function earlyStop(fields: Fields, epochs: number): EarlyStopInfo {
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
function optionalObject<T>(file: Fields, key: string, read: (fields: Fields) => T): T | null {
  return file.has(key) && file.raw(key) !== null ? read(file.object(key)) : null;
}

const NOT_OURS = 'not a run file of this playground';

function checkFormat(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Invalid(`${NOT_OURS}: expected a JSON object, got ${describe(value)}`);
  }
  if (!Object.hasOwn(value, 'format')) throw new Invalid(`${NOT_OURS}: it has no "format" field`);
  const format = (value as { format: unknown }).format;
  if (format === RUN_FILE_FORMAT || OLDER_RUN_FILE_FORMATS.some((older) => older === format))
    return;
  const product = RUN_FILE_FORMAT.slice(0, RUN_FILE_FORMAT.indexOf('@') + 1);
  if (typeof format === 'string' && format.startsWith(product)) {
    throw new Invalid(
      `made by another version of the playground: format is ${describe(format)}, this page reads "${RUN_FILE_FORMAT}"`,
    );
  }
  throw new Invalid(`${NOT_OURS}: format is ${describe(format)}`);
}

function runFile(value: unknown): ParsedRunFile {
  checkFormat(value);
  const file = new Fields(value, 'file');
  const runConfig = config(file.object('config'));
  const examples = runConfig.dataset
    ? validationTotal(runConfig.dataset)
    : runConfig.validationSize;
  const epochs = file.list('epochs');
  if (epochs.length === 0) fail('epochs', 'a list of at least 1 epoch', epochs);
  if (epochs.length > runConfig.epochs) {
    fail('epochs', `at most ${runConfig.epochs} epochs (config.epochs)`, epochs);
  }
  const createdAt = file.string('createdAt');
  if (Number.isNaN(Date.parse(createdAt))) fail('createdAt', 'a date', createdAt);
  const link = file.string('link');
  // The link may become an href: only a same-page hash, never a javascript: or foreign URL.
  if (link !== '' && !link.startsWith('#')) fail('link', 'a "#…" settings link', link);
  return {
    format: RUN_FILE_FORMAT,
    createdAt,
    link,
    config: runConfig,
    environment: environment(file.object('environment')),
    epochs: epochs.map((epoch, i) => epochMetrics(epoch, i, examples)),
    validation: validation(file.object('validation'), examples),
    temperature: optionalObject(file, 'temperature', temperature),
    earlyStop: optionalObject(file, 'earlyStop', (fields) => earlyStop(fields, epochs.length)),
    events: settingEvents(file, runConfig.epochs),
    epochLogits: optionalObject(file, 'epochLogits', (fields) =>
      epochLogits(fields, epochs.length, examples),
    ),
  };
}

/** Rejects prototype-polluting keys anywhere in the document while it is being parsed. */
function rejectForbiddenKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new Invalid(`the file contains the reserved key "${key}"`);
  return value;
}

/** Checks and copies a run file; `text` is the file's content, read as UTF-8. */
export function parseRunFile(text: string): ParseResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'not a run file: no text' };
    // Counted in characters here (the picker can check File.size before reading): refuse
    // before JSON.parse builds a huge object graph.
    if (text.length > MAX_RUN_FILE_BYTES) {
      const megabytes = MAX_RUN_FILE_BYTES / 1024 / 1024;
      return { ok: false, error: `the file is too large for a run file (over ${megabytes} MB)` };
    }
    let value: unknown;
    try {
      value = JSON.parse(text, rejectForbiddenKeys);
    } catch (error) {
      if (error instanceof Invalid) throw error;
      return { ok: false, error: `${NOT_OURS}: it is not valid JSON (cut short, or not JSON)` };
    }
    return { ok: true, run: runFile(value) };
  } catch (error) {
    const message =
      error instanceof Invalid ? error.message : 'the file could not be read as a run file';
    return { ok: false, error: plain(message, MAX_MESSAGE_CHARS) };
  }
}
