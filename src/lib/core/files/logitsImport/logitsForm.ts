// What a file's logits array really holds, read once its values are decoded: plain logits, one
// sigmoid column (a binary classifier with one output), or probabilities (a model that ends in
// softmax or sigmoid). Probabilities are not refused: they are read as log-probabilities, and
// softmax(log p) = p, so every figure the page computes is the one the model's own
// probabilities give; a refusal would only send the owner back to re-export. Each reading the
// owner did not ask for comes with a note the page shows. (ln pₖ = zₖ − ln Σ exp zⱼ: the logs
// differ from the logits by a constant per row, which softmax, margins and T all ignore.)

import type { ImportNote } from '../../runSource';
import { formatCount } from './limits';

/**
 * The log of a probability stored as exactly 0 (softmax underflow in float32): ln 2^-149, the
 * smallest positive float32, so such an example costs 103.28 nats instead of infinity.
 */
export const LOG_ZERO_PROBABILITY = Math.log(2 ** -149);
/**
 * How far a row of probabilities may sum from 1: float16 rounds each value by at most 2^-11 of
 * itself, so a row's sum is off by at most 2^-11 ≈ 4.9e-4 whatever K is; logits rarely sum to 1.
 */
export const PROBABILITY_SUM_TOLERANCE = 1e-3;

/** The classes a logits array of `columns` columns describes: one sigmoid column is two. */
export function classesOf(columns: number): number {
  return columns === 1 ? 2 : columns;
}

/**
 * True when every value lies in [0, 1] and, for two or more columns, every row sums to 1
 * within PROBABILITY_SUM_TOLERANCE: what softmax (or, for one column, sigmoid) outputs.
 */
export function looksLikeProbabilities(epochs: readonly Float32Array[], columns: number): boolean {
  for (const values of epochs) {
    for (let start = 0; start < values.length; start += columns) {
      let sum = 0;
      for (let k = 0; k < columns; k++) {
        const value = values[start + k];
        if (!(value >= 0 && value <= 1)) return false;
        sum += value;
      }
      if (columns > 1 && Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) return false;
    }
  }
  return true;
}

export interface LogitsForm {
  /** N × K logits per epoch, K = classesOf(columns). */
  epochLogits: Float32Array[];
  notes: ImportNote[];
}

/** Counts the zeros met while taking logs. */
class Logs {
  zeros = 0;

  of(probability: number): number {
    if (probability > 0) return Math.log(probability);
    this.zeros++;
    return LOG_ZERO_PROBABILITY;
  }

  /** The part of a note about zeros, or ''. */
  zeroText(): string {
    if (this.zeros === 0) return '';
    const count = formatCount(this.zeros);
    return ` ${count} ${this.zeros === 1 ? 'probability was' : 'probabilities were'} exactly 0 and read as ln 2⁻¹⁴⁹ = −${(-LOG_ZERO_PROBABILITY).toFixed(2)} (float32's smallest), not −∞.`;
  }
}

/** One column: sigmoid probabilities p → [ln(1 − p), ln p]; sigmoid logits z → [0, z]. */
function widenSingleOutput(epochs: readonly Float32Array[]): LogitsForm {
  const probabilities = looksLikeProbabilities(epochs, 1);
  const logs = new Logs();
  const epochLogits = epochs.map((column) => {
    const pairs = new Float32Array(2 * column.length);
    for (let i = 0; i < column.length; i++) {
      const value = column[i];
      // softmax([0, z]) = [1 − σ(z), σ(z)], and softmax([ln(1 − p), ln p]) = [1 − p, p].
      pairs[2 * i] = probabilities ? logs.of(1 - value) : 0;
      pairs[2 * i + 1] = probabilities ? logs.of(value) : value;
    }
    return pairs;
  });
  const text = probabilities
    ? 'logits has one column whose values all lie in [0, 1]: read as sigmoid probabilities p ' +
      `of class 1, that is two-class logits [ln(1 − p), ln p].${logs.zeroText()}`
    : 'logits has one column, a single sigmoid output z: read as two-class logits [0, z], ' +
      'so class 1 has probability sigmoid(z).';
  return { epochLogits, notes: [{ kind: 'single-output', text }] };
}

/** Softmax outputs → their logs, in place (the arrays are the reader's own). */
function logsOfProbabilities(epochs: Float32Array[]): LogitsForm {
  const logs = new Logs();
  for (const values of epochs) {
    for (let i = 0; i < values.length; i++) values[i] = logs.of(values[i]);
  }
  const text =
    'every row of logits lies in [0, 1] and sums to 1: these are probabilities (after softmax), ' +
    'not logits. Read as log-probabilities: they differ from the logits by one constant per ' +
    `row, which softmax, margins and temperature ignore, so every figure is unchanged.${logs.zeroText()}`;
  return { epochLogits: epochs, notes: [{ kind: 'probabilities', text }] };
}

/** The logits the page measures, from `columns` decoded columns per example, with notes. */
export function readLogitsForm(epochs: Float32Array[], columns: number): LogitsForm {
  if (columns === 1) return widenSingleOutput(epochs);
  if (looksLikeProbabilities(epochs, columns)) return logsOfProbabilities(epochs);
  return { epochLogits: epochs, notes: [] };
}
