// The seeded, stratified split of a user's images into training and validation: each class
// gives the same share to validation, so both sets keep the dataset's class balance, and the
// run's seed picks which images, so a seed reproduces the split.

import { deriveSeed, mulberry32, shuffledIndices } from '../../prng';
import type { SplitCounts } from '../../types';

export type { SplitCounts };

/**
 * The PRNG stream of the split, apart from the per-epoch shuffles (streams 0, 1, …): changing
 * how many epochs ran can never change which images were held out.
 */
const SPLIT_STREAM = -1;

/** Per class: how many of `count` images validate (round(count × percent / 100), at least 1 and leaving at least 1 to train on). */
export function validationCount(count: number, validationPercent: number): number {
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(`A class needs at least 2 images to split, got ${count}`);
  }
  const wanted = Math.round((count * validationPercent) / 100);
  return Math.min(count - 1, Math.max(1, wanted));
}

export function splitCounts(counts: readonly number[], validationPercent: number): SplitCounts {
  const validation = counts.map((count) => validationCount(count, validationPercent));
  return { train: counts.map((count, label) => count - validation[label]), validation };
}

/**
 * Indices into a dataset stored class by class (class 0's `counts[0]` images, then class 1's,
 * …): per class a seeded shuffle picks the validation images; both lists are then in dataset
 * order (class 0 first, ascending), so validation examples are numbered the same on every run.
 */
export function stratifiedSplit(
  counts: readonly number[],
  validationPercent: number,
  seed: number,
): { train: Int32Array; validation: Int32Array } {
  const random = mulberry32(deriveSeed(seed, SPLIT_STREAM));
  const sizes = splitCounts(counts, validationPercent);
  const train: number[] = [];
  const validation: number[] = [];
  let offset = 0;
  counts.forEach((count, label) => {
    const order = shuffledIndices(count, random);
    const held = order.subarray(0, sizes.validation[label]).slice().sort();
    const kept = order.subarray(sizes.validation[label]).slice().sort();
    for (const index of held) validation.push(offset + index);
    for (const index of kept) train.push(offset + index);
    offset += count;
  });
  return { train: Int32Array.from(train), validation: Int32Array.from(validation) };
}
