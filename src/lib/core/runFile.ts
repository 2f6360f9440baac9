// The downloadable run file (format overconfidence-playground/run@1, documented in README).
// Plain data only: the main thread builds it, so this module must never import tfjs.

import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  EpochMetrics,
  TrainConfig,
} from './types';

export const RUN_FILE_FORMAT = 'overconfidence-playground/run@1';

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
  validation: { labels: number[]; logits: [number, number][] };
}

export interface RunFileInput {
  config: TrainConfig;
  backendPreference: BackendPreference;
  link: string;
  backend: BackendInfo;
  userAgent: string;
  epochs: EpochMetrics[];
  validationLabels: Uint8Array;
  validationLogits: Float32Array;
  createdAt: Date;
}

export function buildRunFile(input: RunFileInput): RunFile {
  const count = input.validationLabels.length;
  if (input.validationLogits.length !== 2 * count) {
    throw new Error(
      `Expected ${2 * count} logits for ${count} labels, got ${input.validationLogits.length}`,
    );
  }
  const logits: [number, number][] = [];
  // Float32 → number is exact, so the file's logits reproduce the reported loss to the bit.
  for (let i = 0; i < count; i++)
    logits.push([input.validationLogits[2 * i], input.validationLogits[2 * i + 1]]);
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
  };
}

/** `run-<timestamp>.json`, e.g. run-2026-01-31T12-34-56Z.json (no characters file systems reject). */
export function runFileName(date: Date): string {
  const stamp = date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `run-${stamp}.json`;
}
