// The downloadable run file (format overconfidence-playground/run@2, documented in docs/run-file.md).
// Plain data only: the main thread builds it, so this module must never import tfjs.

import { encodeFloat32, LOGITS_ENCODING } from './logitsCodec';
import { temperatureFit } from '../metrics';
import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  EarlyStopInfo,
  EpochMetrics,
  Labels,
  SettingChangeEvent,
  TemperatureFit,
  TrainConfig,
} from '../types';

export const RUN_FILE_FORMAT = 'overconfidence-playground/run@2';
/** Older formats the parser still reads: run@1 is run@2 without `epochLogits`. */
export const OLDER_RUN_FILE_FORMATS = ['overconfidence-playground/run@1'] as const;

/**
 * Every epoch's validation logits, for replay: `epochs[e − 1]` encodes epoch e's K logits per example
 * (dataset order) as float32, little-endian, base64 (core/files/logitsCodec.ts).
 */
export interface RunFileEpochLogits {
  encoding: typeof LOGITS_ENCODING;
  epochs: string[];
}

/** The temperature-scaling numbers a run file keeps (the rest of TemperatureFit is derivable). */
export type RunFileTemperature = Pick<
  TemperatureFit,
  'T' | 'bound' | 'nllBefore' | 'nllAfter' | 'eceBefore' | 'eceAfter'
>;

export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  createdAt: string;
  /** The URL hash that reproduces this run's settings. */
  link: string;
  config: TrainConfig & { backend: BackendPreference };
  environment: {
    backend: BackendName;
    adapter: string;
    fallbackReason: string | null;
    userAgent: string;
    tfjs: string;
  };
  epochs: EpochMetrics[];
  /** Every validation example's label and logits from the last completed epoch, dataset order. */
  /** `logits` rows hold K numbers each, K the run's class count (2 for a pair). */
  validation: { labels: number[]; logits: number[][] };
  /**
   * Temperature scaling fitted on these validation logits (even examples) and judged on the odd
   * ones; null when it could not be (fewer than 2 examples, or non-finite logits).
   */
  temperature: RunFileTemperature | null;
  /** How early stopping ended the run; null when it did not. Absent in files from before it existed. */
  earlyStop?: EarlyStopInfo | null;
  /**
   * Settings changed mid-run, in the order applied (`config` and `link` hold the starting
   * values). Absent in files from before mid-run changes existed; read back as [].
   */
  events?: SettingChangeEvent[];
  /** Every epoch's validation logits (run@2); absent when the run's history was not at hand. */
  epochLogits?: RunFileEpochLogits;
  /**
   * Temperature scaling at every epoch, fitted and reported on the same halves as `temperature`
   * (`epochFixes[e − 1]`: epoch e; null where it could not be). Written with `epochLogits`;
   * absent in files from before it.
   */
  epochFixes?: (RunFileEpochTemperature | null)[];
}

/** One epoch's temperature fit as the run file keeps it. */
export type RunFileEpochTemperature = RunFileTemperature & { epoch: number };

export interface RunFileInput {
  config: TrainConfig;
  backendPreference: BackendPreference;
  link: string;
  backend: BackendInfo;
  userAgent: string;
  epochs: EpochMetrics[];
  validationLabels: Labels;
  validationLogits: Float32Array;
  createdAt: Date;
  /** Set when early stopping ended the run; omitted or null otherwise. */
  earlyStop?: EarlyStopInfo | null;
  /** Settings changed mid-run (RunState.events); omitted: none. */
  events?: readonly SettingChangeEvent[];
  /** Every epoch's validation logits, epoch order (one per entry of `epochs`); omitted: none written. */
  logitsHistory?: readonly Float32Array[];
}

function epochLogits(input: RunFileInput, history: readonly Float32Array[]): RunFileEpochLogits {
  const values = input.validationLogits.length;
  if (history.length !== input.epochs.length || history.some((row) => row.length !== values)) {
    throw new Error(
      `Expected ${input.epochs.length} epochs of ${values} logits, got ${history.map((row) => row.length).join(', ')}`,
    );
  }
  return { encoding: LOGITS_ENCODING, epochs: history.map(encodeFloat32) };
}

/** The fit, or null when any of its numbers is not finite (JSON would turn NaN into null). */
function fittedTemperature(
  labels: Labels,
  logits: Float32Array,
  seed: number,
): RunFileTemperature | null {
  if (labels.length < 2) return null;
  // The run's seed draws the held-out split, as on the page.
  const { T, bound, nllBefore, nllAfter, eceBefore, eceAfter } = temperatureFit(
    logits,
    labels,
    seed,
  );
  const numbers = { T, nllBefore, nllAfter, eceBefore, eceAfter };
  return Object.values(numbers).every(Number.isFinite) ? { ...numbers, bound } : null;
}

/**
 * Every epoch's fit, by the function that fits the last epoch's (fittedTemperature): the same
 * split, the same T and figures as the page's per-epoch fixes (core/metrics epochFixes).
 */
export function epochTemperatures(
  history: readonly Float32Array[],
  labels: Labels,
  seed: number,
): (RunFileEpochTemperature | null)[] {
  return history.map((logits, index) => {
    const fit = fittedTemperature(labels, logits, seed);
    return fit === null ? null : { epoch: index + 1, ...fit };
  });
}

export function buildRunFile(input: RunFileInput): RunFile {
  const count = input.validationLabels.length;
  // K logits per example, K the run's classes (2 to 10): the logits say how many.
  const classCount = count === 0 ? 2 : input.validationLogits.length / count;
  if (!Number.isInteger(classCount) || classCount < 2) {
    throw new Error(
      `Expected K ≥ 2 logits per label, got ${input.validationLogits.length} logits for ${count} labels`,
    );
  }
  const logits: number[][] = [];
  // Float32 → number is exact, so the file's logits reproduce the reported loss to the bit.
  for (let i = 0; i < count; i++) {
    logits.push(Array.from(input.validationLogits.subarray(classCount * i, classCount * (i + 1))));
  }
  return {
    format: RUN_FILE_FORMAT,
    createdAt: input.createdAt.toISOString(),
    link: input.link,
    config: { ...input.config, backend: input.backendPreference },
    environment: {
      backend: input.backend.name,
      adapter: input.backend.adapter,
      fallbackReason: input.backend.fallbackReason,
      userAgent: input.userAgent,
      tfjs: input.backend.tfjsVersion,
    },
    epochs: input.epochs,
    validation: { labels: Array.from(input.validationLabels), logits },
    temperature: fittedTemperature(
      input.validationLabels,
      input.validationLogits,
      input.config.seed,
    ),
    earlyStop: input.earlyStop ?? null,
    events: (input.events ?? []).map((event) => ({ ...event })),
    ...(input.logitsHistory
      ? {
          epochLogits: epochLogits(input, input.logitsHistory),
          epochFixes: epochTemperatures(
            input.logitsHistory,
            input.validationLabels,
            input.config.seed,
          ),
        }
      : {}),
  };
}

/** The time in downloaded files' names, e.g. 2026-01-31T12-34-56Z (no characters file systems reject). */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** `run-<timestamp>.json`, e.g. run-2026-01-31T12-34-56Z.json. */
export function runFileName(date: Date): string {
  return `run-${fileStamp(date)}.json`;
}
