// What an imported logits file holds once read, as plain data: the readers (npz.ts,
// logitsJson.ts) return it and the entry point (importedRun.ts) names it. Its own module, so
// the readers and their caller never import each other.

import type { ImportNote } from '../../runSource';

export interface ImportedLogits {
  /** File name without extension, for the Runs list. */
  name: string;
  format: 'npz' | 'json';
  /** K entries. */
  classNames: string[];
  /** N entries, each in 0..K-1. */
  labels: Uint16Array;
  /**
   * Per epoch (index e-1 = epoch e): N×K float32, row-major (example i's logits at
   * i*K..i*K+K-1). float64 input is converted to float32: metrics accumulate in float64
   * anyway, and float32 halves the memory of the largest runs the page accepts.
   */
  epochLogits: Float32Array[];
  /** E values or null. */
  trainLoss: number[] | null;
  trainAccuracy: number[] | null;
  /** How the file was read where it was not plain logits and indices; [] when it was. */
  notes: ImportNote[];
}

/** What each format's reader returns; the entry point adds the name and format. */
export type DecodedLogits = Omit<ImportedLogits, 'name' | 'format'>;
