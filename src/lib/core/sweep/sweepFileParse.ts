// Reads a sweep file of unknown origin (a download, a shard from CI, a crafted file): every
// field is checked and copied, with messages that name its path. The link is read by the
// settings table (its bounds, its messages); the arms and seeds must be the ones the link makes;
// each figure is bounded by SUMMARY_FIELDS; an embedded run file is read by the run-file parser.
// Never throws.

import { fail, Fields, Invalid, number, parseRunFile, plain, type NumberRule } from '../files';
import { parseHash, SETTINGS, type Settings } from '../../settings';
import type { BackendName } from '../types';
import { compareRuns, sweepDefinition, type Arm, type SweepDefinition } from './definition';
import {
  CURVE_KEYS,
  SUMMARY_FIELDS,
  SUMMARY_KEYS,
  type RunCurves,
  type RunSummary,
} from './summaryFields';
import { SWEEP_FILE_FORMAT, type SweepFile, type SweepFileRun } from './sweepFile';

/** Refused unread above this: 70 runs with their run files (~3 MB each with logits) fit. */
export const MAX_SWEEP_FILE_BYTES = 256 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 300;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export type SweepParseResult = { ok: true; sweep: SweepFile } | { ok: false; error: string };

/** A number by `rule`, or NaN where the file wrote null and `missing` allows it. */
function figure(value: unknown, path: string, rule: NumberRule, missing: boolean): number {
  if (value === null && missing) return Number.NaN;
  return number(value, path, rule);
}

function definitionOf(file: Fields): SweepDefinition {
  const link = file.string('link');
  if (!link.startsWith('#')) fail('link', 'a "#…" settings link', link);
  const { settings, problems } = parseHash(link);
  if (problems.length > 0) throw new Invalid(`link: ${problems[0].message}`);
  if (settings.sweep.kind === 'off') throw new Invalid('link: sweep is off, so it defines no runs');
  return sweepDefinition(settings);
}

function arm(value: unknown, index: number, expected: Arm | undefined): Arm {
  const path = `arms[${index}]`;
  const fields = new Fields(value, path);
  const name = fields.string('name');
  const overrides = fields.object('overrides');
  const read: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(overrides.source)) {
    if (!Object.hasOwn(SETTINGS, key))
      throw new Invalid(`${path}.overrides.${plain(key, 40)} is not a setting`);
    const parsed = SETTINGS[key as keyof Settings].fromJson(overrides.source[key]);
    if (!parsed.ok) throw new Invalid(`${path}.overrides.${key} ${parsed.reason}`);
    read[key as keyof Settings] = parsed.value;
  }
  if (expected === undefined)
    throw new Invalid(`${path} is one arm more than the link's sweep makes`);
  if (name !== expected.name || JSON.stringify(read) !== JSON.stringify(expected.overrides)) {
    throw new Invalid(
      `${path} is "${plain(name, 60)}", but the link's sweep makes "${expected.name}" there`,
    );
  }
  return { name, label: fields.string('label'), overrides: read as Partial<Settings> };
}

function curves(fields: Fields, epochLimit: number): RunCurves {
  const epoch = fields.numbers('epoch', { min: 1, max: epochLimit, integer: true });
  if (epoch.length === 0) fail(fields.at('epoch'), 'a list of at least 1 epoch', epoch);
  epoch.forEach((value, k) => {
    if (k > 0 && !(value > epoch[k - 1]))
      fail(`${fields.at('epoch')}[${k}]`, `above ${epoch[k - 1]}`, value);
  });
  const read = { epoch } as RunCurves;
  for (const key of CURVE_KEYS) {
    if (key === 'epoch') continue;
    const rule: NumberRule =
      key.endsWith('Accuracy') || key === 'ece' ? { min: 0, max: 1 } : { min: 0 };
    read[key] = fields
      .list(key, epoch.length)
      .map((value, k) => figure(value, `${fields.at(key)}[${k}]`, rule, true));
  }
  return read;
}

function summary(fields: Fields, epochs: readonly number[]): RunSummary {
  const read = {} as RunSummary;
  for (const key of SUMMARY_KEYS) {
    const field = SUMMARY_FIELDS[key];
    read[key] = figure(fields.raw(key), fields.at(key), field, field.mayBeMissing === true);
  }
  if (!epochs.includes(read.bestEpoch))
    fail(fields.at('bestEpoch'), 'one of the run’s epochs', read.bestEpoch);
  return read;
}

function run(value: unknown, index: number, definition: SweepDefinition): SweepFileRun {
  const fields = new Fields(value, `runs[${index}]`);
  const armName = fields.string('arm');
  const armOf = definition.arms.find((candidate) => candidate.name === armName);
  if (armOf === undefined) fail(fields.at('arm'), 'the name of one of the arms', armName);
  const seed = fields.number('seed', { integer: true });
  if (!definition.seeds.includes(seed))
    fail(fields.at('seed'), `one of the seeds ${definition.seeds.join(', ')}`, seed);
  const epochLimit = { ...definition.base, ...armOf.overrides }.epochs;
  const runCurves = curves(fields.object('curves'), epochLimit);
  const environment = fields.object('environment');
  const read: SweepFileRun = {
    arm: armName,
    seed,
    summary: summary(fields.object('summary'), runCurves.epoch),
    curves: runCurves,
    imagesPerSecond: figure(
      fields.raw('imagesPerSecond'),
      fields.at('imagesPerSecond'),
      { min: 0 },
      true,
    ),
    environment: {
      backend: environment.oneOf('backend', BACKENDS),
      pool: environment.number('pool', { min: 1, integer: true }),
      userAgent: environment.string('userAgent'),
    },
  };
  if (fields.has('runId')) read.runId = fields.string('runId');
  if (fields.has('file')) {
    const parsed = parseRunFile(JSON.stringify(fields.raw('file')));
    if (!parsed.ok) throw new Invalid(`${fields.at('file')}: ${parsed.error}`);
    if (parsed.run.config.seed !== seed)
      fail(`${fields.at('file')}.config.seed`, `the run's seed ${seed}`, parsed.run.config.seed);
    read.file = fields.raw('file');
  }
  return read;
}

function sweepFile(value: unknown): SweepFile {
  const file = new Fields(value, 'file');
  const format = file.raw('format');
  if (format !== SWEEP_FILE_FORMAT) fail('format', `"${SWEEP_FILE_FORMAT}"`, format);
  const createdAt = file.string('createdAt');
  if (Number.isNaN(Date.parse(createdAt))) fail('createdAt', 'a date', createdAt);
  const definition = definitionOf(file);
  const arms = file.list('arms').map((value, i) => arm(value, i, definition.arms[i]));
  if (arms.length < definition.arms.length)
    fail('arms', `a list of ${definition.arms.length} (the link's sweep)`, file.raw('arms'));
  const seeds = file.numbers('seeds', { integer: true });
  if (JSON.stringify(seeds) !== JSON.stringify(definition.seeds)) {
    fail('seeds', `${definition.seeds.join(', ')} (the link's seed and seeds)`, file.raw('seeds'));
  }
  const reference = file.string('reference');
  if (reference !== definition.reference)
    fail('reference', `"${definition.reference}" (the first arm)`, reference);
  const runs = file.list('runs').map((value, i) => run(value, i, definition));
  const order = compareRuns(definition);
  runs.sort(order);
  runs.forEach((current, i) => {
    if (i > 0 && order(runs[i - 1], current) === 0) {
      throw new Invalid(`runs holds arm "${current.arm}" seed ${current.seed} twice`);
    }
  });
  if (file.has('recorded') && file.raw('recorded') !== true)
    fail('recorded', 'true or absent', file.raw('recorded'));
  return {
    format: SWEEP_FILE_FORMAT,
    createdAt,
    ...(file.has('recorded') ? { recorded: true } : {}),
    link: file.string('link'),
    arms,
    seeds,
    reference,
    runs,
  };
}

function rejectForbiddenKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new Invalid(`the file contains the reserved key "${key}"`);
  return value;
}

/** Checks and copies a sweep file; `text` is its content. */
export function parseSweepFile(text: string): SweepParseResult {
  try {
    if (text.length > MAX_SWEEP_FILE_BYTES)
      return { ok: false, error: 'the file is too large for a sweep file' };
    let value: unknown;
    try {
      value = JSON.parse(text, rejectForbiddenKeys);
    } catch (error) {
      if (error instanceof Invalid) throw error;
      return { ok: false, error: 'not a sweep file: it is not valid JSON' };
    }
    return { ok: true, sweep: sweepFile(value) };
  } catch (error) {
    if (error instanceof Invalid)
      return { ok: false, error: plain(error.message, MAX_MESSAGE_CHARS) };
    throw error;
  }
}
