// Reads a run file a person dropped on the page. The text is untrusted: anything may arrive
// (another app's JSON, a truncated download, a crafted file), so every field the UI uses is
// checked and copied into fresh objects; nothing else of the input survives. Never throws.
// Plain data only, like runFile.ts: no tfjs, no DOM. The version check is runFileVersion.ts,
// the epochs' reader runFileEpochs.ts, the other parts' readers runFileSections.ts.

import { validationTotal } from '../data';
import {
  RUN_FILE_FORMAT,
  type RunFile,
  type RunFileEpochTemperature,
  type RunFileTemperature,
} from './runFile';
import { epochMetrics, type ParsedEpochMetrics } from './runFileEpochs';
import {
  config,
  earlyStop,
  environment,
  epochFixes,
  epochLogits,
  optionalObject,
  settingEvents,
  temperature,
  validation,
} from './runFileSections';
import { checkFormat, NOT_OURS } from './runFileVersion';
import { runClassCount, type EarlyStopInfo, type SettingChangeEvent } from '../types';
import { fail, Fields, Invalid, plain } from './untrustedJson';

export type { ParsedEpochMetrics } from './runFileEpochs';

/** Files above this are refused unread: a 500-epoch run with 2000 validation logits is ~3 MB. */
export const MAX_RUN_FILE_BYTES = 50 * 1024 * 1024;
/** Error messages are cut to this length so a banner stays readable. */
const MAX_MESSAGE_CHARS = 240;
/** Keys that could reach Object.prototype if a consumer ever merged the data with Object.assign. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A run file as read back. Older run@1 files lack the calibration metrics (optional here), the
 * temperature fit and the early-stopping record (null here, as when a run has none); their
 * missing config fields (label smoothing, L2, dropout, early stopping) get the defaults, which
 * is what those runs trained with.
 */
export type ParsedRunFile = Omit<
  RunFile,
  'epochs' | 'temperature' | 'earlyStop' | 'epochLogits' | 'events' | 'epochFixes'
> & {
  /** Settings changed mid-run, in order; [] for files from before such changes existed. */
  events: SettingChangeEvent[];
  epochs: ParsedEpochMetrics[];
  temperature: RunFileTemperature | null;
  earlyStop: EarlyStopInfo | null;
  /**
   * Every epoch's validation logits, decoded (index e − 1 holds epoch e's K logits per example); null
   * when the file has none (run@1 files, or a run@2 file written without them): not replayable.
   */
  epochLogits: Float32Array[] | null;
  /** Temperature scaling at every epoch (index e − 1: epoch e); null for files without it. */
  epochFixes: (RunFileEpochTemperature | null)[] | null;
};

export type ParseResult = { ok: true; run: ParsedRunFile } | { ok: false; error: string };

function runFile(value: unknown): ParsedRunFile {
  checkFormat(value);
  const file = new Fields(value, 'file');
  const runConfig = config(file.object('config'));
  const examples = runConfig.dataset
    ? validationTotal(runConfig.dataset)
    : runConfig.validationSize;
  const classCount = runClassCount(runConfig);
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
    epochs: epochs.map((epoch, i) => epochMetrics(epoch, i, examples, classCount)),
    validation: validation(file.object('validation'), examples, classCount),
    temperature: optionalObject(file, 'temperature', temperature),
    earlyStop: optionalObject(file, 'earlyStop', (fields) => earlyStop(fields, epochs.length)),
    events: settingEvents(file, runConfig.epochs),
    epochLogits: optionalObject(file, 'epochLogits', (fields) =>
      epochLogits(fields, epochs.length, examples, classCount),
    ),
    epochFixes: epochFixes(file, epochs.length),
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
