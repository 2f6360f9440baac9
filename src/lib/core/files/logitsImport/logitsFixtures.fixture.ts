// Test helpers: the files written by scripts/fixtures/logits_fixtures.py and the values NumPy
// holds for them (expected.json), so tests compare the parser with NumPy, not with itself.

import { readFileSync } from 'node:fs';
import { type ImportResult, type ImportedLogits, parseLogitsFile } from './importedRun';

const FIXTURES = new URL('./fixtures/', import.meta.url);

export interface ExpectedRun {
  classNames: string[];
  labels: number[];
  /** [epoch][example][class], as NumPy holds them (float64, or float32 widened exactly). */
  logits: number[][][];
  trainLoss: number[] | null;
  trainAccuracy: number[] | null;
}

/** A file that is not plain logits and indices, as NumPy converts it (logitsForm.ts's job). */
export interface ExpectedForm {
  labels: number[];
  /** [epoch][example][class] after the conversion, float32 values. */
  logits: number[][][];
  /** The kinds of the notes the page must show, in order. */
  noteKinds: string[];
}

export interface Expected {
  good: Record<string, ExpectedRun>;
  bad: Record<string, Record<string, number>>;
  forms: Record<string, ExpectedForm>;
}

export const expected: Expected = JSON.parse(
  readFileSync(new URL('expected.json', FIXTURES), 'utf8'),
);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export async function parseFixture(
  name: string,
  onProgress?: (fraction: number) => void,
): Promise<ImportResult> {
  return parseLogitsFile(name, fixture(name), onProgress);
}

/** The run, or a failed assertion showing the message. */
export function accepted(result: ImportResult): ImportedLogits {
  if (!result.ok) throw new Error(`expected the file to be accepted, got: ${result.error}`);
  return result.run;
}

/** The message, or a failed assertion when the file was accepted. */
export function refused(result: ImportResult): string {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}
