// A user's own two-class dataset as plain data: what the page lists and a run's config names
// (never the pixels), and how the worker turns the stored pixels into the trainer's PairData.
// Pure apart from crypto.subtle (the hash), which the worker and Node 20 both have.

import { IMAGE_PIXELS, type LabelledImages, type PairData } from '../dataset';
import { contentHash } from './contentHash';
import { classSizeProblem } from './limits';
import type { OwnDatasetRef } from '../../types';
import { splitCounts, stratifiedSplit } from './split';

export type { OwnDatasetRef };

/** A stored dataset as listed: everything but its pixels. */
export interface OwnDatasetSummary {
  /** Its key in this browser's dataset store (persist/datasetStore.ts). */
  id: string;
  name: string;
  classNames: [string, string];
  /** Images per class. */
  counts: [number, number];
  /** contentHash of its images and labels. */
  hash: string;
  createdAt: string;
}

/** The ref a run on `summary` records, with `validationPercent` of each class held out. */
export function datasetRef(summary: OwnDatasetSummary, validationPercent: number): OwnDatasetRef {
  const { id, name, classNames, hash, counts } = summary;
  return {
    id,
    name,
    classNames: [classNames[0], classNames[1]],
    hash,
    counts: splitCounts(counts, validationPercent),
  };
}

/** Validation examples of a run on its own dataset (both classes). */
export function validationTotal(ref: OwnDatasetRef): number {
  return ref.counts.validation[0] + ref.counts.validation[1];
}

/** The images at `indices` (into class 0's then class 1's images), with their labels. */
function gathered(pixels: readonly [Uint8Array, Uint8Array], indices: Int32Array): LabelledImages {
  const firstCount = pixels[0].length / IMAGE_PIXELS;
  const images = new Uint8Array(indices.length * IMAGE_PIXELS);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, i) => {
    const label = index < firstCount ? 0 : 1;
    const start = (label === 0 ? index : index - firstCount) * IMAGE_PIXELS;
    images.set(pixels[label].subarray(start, start + IMAGE_PIXELS), i * IMAGE_PIXELS);
    labels[i] = label;
  });
  return { images, labels, count: indices.length };
}

/** The trainer's data from a dataset's pixels: training and validation by the seeded stratified split. */
export function ownPair(
  pixels: readonly [Uint8Array, Uint8Array],
  validationPercent: number,
  seed: number,
): PairData {
  const counts: [number, number] = [
    pixels[0].length / IMAGE_PIXELS,
    pixels[1].length / IMAGE_PIXELS,
  ];
  const split = stratifiedSplit(counts, validationPercent, seed);
  return { train: gathered(pixels, split.train), validation: gathered(pixels, split.validation) };
}

/**
 * The run's data from the stored pixels, after checking they are what the run's config says:
 * the same images (hash), enough of them, and the same split sizes. A run resumed after the
 * dataset was deleted and re-added from other files is refused, not silently retrained.
 */
export async function checkedOwnPair(
  ref: OwnDatasetRef,
  pixels: readonly [Uint8Array, Uint8Array],
  validationPercent: number,
  seed: number,
): Promise<PairData> {
  const counts: [number, number] = [
    pixels[0].length / IMAGE_PIXELS,
    pixels[1].length / IMAGE_PIXELS,
  ];
  for (const label of [0, 1] as const) {
    const problem = classSizeProblem(ref.classNames[label], counts[label]);
    if (problem) throw new RangeError(problem);
  }
  if ((await contentHash(pixels)) !== ref.hash) {
    throw new Error(
      `The stored images of “${ref.name}” are not the ones this run was trained on (their content hash differs).`,
    );
  }
  const expected = JSON.stringify(ref.counts);
  const actual = JSON.stringify(splitCounts(counts, validationPercent));
  if (actual !== expected) {
    throw new Error(`The split of “${ref.name}” gives ${actual}, but the run says ${expected}.`);
  }
  return ownPair(pixels, validationPercent, seed);
}
