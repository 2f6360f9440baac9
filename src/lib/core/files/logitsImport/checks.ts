// Checks both formats share, once the arrays are decoded: labels in range, logits finite,
// training curves of the right length, class names clean. Each throws ImportError with a
// message that names the array and, where it helps, the first bad place.

import { plain } from '../untrustedJson';
import { refuse } from './importError';
import { formatCount, MAX_CLASS_NAME_CHARS } from './limits';

/** Shown in the Runs list; the same cleaning as class names. */
const MAX_RUN_NAME_CHARS = 80;

function plural(count: number, singular: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : many}`;
}

/** "resnet_run.v2.npz" → "resnet_run.v2"; control characters become spaces. */
export function runName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '').trim();
  return plain(base === '' ? fileName : base, MAX_RUN_NAME_CHARS).trim() || 'imported run';
}

/**
 * `label(i)` is example i's label as read (any number); all must be integers in 0..classes−1.
 * `where(i)` names example i in the file, e.g. "labels[12]".
 */
export function checkLabels(
  count: number,
  label: (i: number) => number,
  classes: number,
  where: (i: number) => string,
): Uint16Array {
  const labels = new Uint16Array(count);
  let outside = 0;
  let first = -1;
  for (let i = 0; i < count; i++) {
    const value = label(i);
    if (Number.isInteger(value) && value >= 0 && value < classes) labels[i] = value;
    else if (outside++ === 0) first = i;
  }
  if (outside > 0) {
    refuse(
      `${plural(outside, 'label is', 'labels are')} not a class index in 0..${classes - 1} ` +
        `(the logits have ${classes} classes); the first is ${where(first)} = ${label(first)}`,
    );
  }
  return labels;
}

/** Counts NaN and ±Infinity over the epochs as they are decoded, remembering the first. */
export class NonFiniteTally {
  #count = 0;
  #first = '';
  readonly #classes: number;
  readonly #where: (epochIndex: number, example: number, classIndex: number) => string;
  readonly #kinds: string;

  /**
   * `where` names one logit in the file's own terms, e.g. "epoch 3, example 12, class 1";
   * `kinds` says what was found, e.g. "NaN or infinite" (JSON has null instead of NaN).
   */
  constructor(
    classes: number,
    where: (epochIndex: number, example: number, classIndex: number) => string,
    kinds: string,
  ) {
    this.#classes = classes;
    this.#where = where;
    this.#kinds = kinds;
  }

  add(epochIndex: number, logits: Float32Array): void {
    for (let i = 0; i < logits.length; i++) {
      if (Number.isFinite(logits[i])) continue;
      if (this.#count++ === 0) {
        this.#first = this.#where(epochIndex, Math.floor(i / this.#classes), i % this.#classes);
      }
    }
  }

  /** Throws when any logit was not finite. */
  check(): void {
    if (this.#count === 0) return;
    refuse(
      `${plural(this.#count, 'logit is', 'logits are')} ${this.#kinds}; the first at ${this.#first}`,
    );
  }
}

/**
 * Null stays null; otherwise every value finite, accuracies within [0, 1]. The caller has
 * checked there is one value per epoch; `where(i)` names value i in the file.
 */
export function checkCurve(
  values: ArrayLike<number> | null,
  kind: 'loss' | 'accuracy',
  where: (i: number) => string,
): number[] | null {
  if (values === null) return null;
  const curve = Array.from(values);
  curve.forEach((value, i) => {
    if (!Number.isFinite(value)) refuse(`${where(i)} is ${value}; it must be a finite number`);
    if (kind === 'accuracy' && (value < 0 || value > 1)) {
      refuse(`${where(i)} is ${value}; accuracy must be a fraction in [0, 1]`);
    }
  });
  return curve;
}

/** "class 0" … when absent; else exactly `classes` names, trimmed, cleaned and shortened. */
export function checkClassNames(name: string, names: string[] | null, classes: number): string[] {
  if (names === null) return Array.from({ length: classes }, (_, i) => `class ${i}`);
  if (names.length !== classes) {
    refuse(`${name} has ${names.length} names but the logits have ${classes} classes`);
  }
  return names.map((raw, i) => plain(raw.trim(), MAX_CLASS_NAME_CHARS).trim() || `class ${i}`);
}
