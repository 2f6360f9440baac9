// Any run's per-epoch validation logits as a logits@1 JSON file: the same format a practitioner
// imports (core/files/logitsImport/logitsJson.ts), so an imported run downloads as what it came in as,
// and a playground run can be diagnosed like anyone's. Plain data: no tfjs, no DOM.

import { LOGITS_JSON_FORMAT } from './logitsImport/logitsJson';
import type { Labels } from '../types';

export interface LogitsExportInput {
  classNames: readonly string[];
  labels: Labels;
  /** Index e − 1: epoch e's N × K logits, row-major. */
  epochLogits: readonly Float32Array[];
  /** Per epoch; NaN (unknown) values are left out, and so is the curve when all are NaN. */
  trainLoss?: readonly number[];
  trainAccuracy?: readonly number[];
}

export interface LogitsJsonEpoch {
  epoch: number;
  logits: number[][];
  trainLoss?: number;
  trainAccuracy?: number;
}

export interface LogitsJsonFile {
  format: typeof LOGITS_JSON_FORMAT;
  classes: string[];
  labels: number[];
  epochs: LogitsJsonEpoch[];
}

/** A curve only when every epoch has a finite value: the importer takes all or none. */
function wholeCurve(
  values: readonly number[] | undefined,
  epochs: number,
): readonly number[] | null {
  if (!values || values.length !== epochs) return null;
  return values.every(Number.isFinite) ? values : null;
}

export function logitsJson(input: LogitsExportInput): LogitsJsonFile {
  const classes = input.classNames.length;
  const count = input.labels.length;
  const trainLoss = wholeCurve(input.trainLoss, input.epochLogits.length);
  const trainAccuracy = wholeCurve(input.trainAccuracy, input.epochLogits.length);
  const epochs = input.epochLogits.map((values, index): LogitsJsonEpoch => {
    if (values.length !== count * classes) {
      throw new Error(
        `Epoch ${index + 1} has ${values.length} logits, expected ${count} × ${classes}`,
      );
    }
    // Float32 → number is exact, and JSON prints the shortest text that reads back to it.
    const logits: number[][] = [];
    for (let i = 0; i < count; i++)
      logits.push(Array.from(values.subarray(i * classes, (i + 1) * classes)));
    return {
      epoch: index + 1,
      logits,
      ...(trainLoss ? { trainLoss: trainLoss[index] } : {}),
      ...(trainAccuracy ? { trainAccuracy: trainAccuracy[index] } : {}),
    };
  });
  return {
    format: LOGITS_JSON_FORMAT,
    classes: [...input.classNames],
    labels: Array.from(input.labels),
    epochs,
  };
}

/** `logits-<name>.json`, with characters file systems reject replaced. */
export function logitsFileName(name: string): string {
  return `logits-${name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'run'}.json`;
}
