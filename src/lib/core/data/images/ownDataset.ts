// A user's own two-class dataset as plain data: what the page lists and a run's config names
// (never the pixels), and how the worker turns the stored pixels into the trainer's ClassData.
// Pure apart from crypto.subtle (the hash), which the worker and Node 20 both have.

import { IMAGE_PIXELS, type LabelledImages, type ClassData } from '../dataset';
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
  /** One name per class, label order. */
  classNames: string[];
  /** Images per class. */
  counts: number[];
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
    classNames: [...classNames],
    hash,
    counts: splitCounts(counts, validationPercent),
  };
}

/** Validation examples of a run on its own dataset (every class). */
export function validationTotal(ref: OwnDatasetRef): number {
  return ref.counts.validation.reduce((sum, count) => sum + count, 0);
}

/** Images per class of pixels stored class by class. */
export function imageCounts(pixels: readonly Uint8Array[]): number[] {
  return pixels.map((classPixels) => classPixels.length / IMAGE_PIXELS);
}

/** The images at `indices` (into class 0's, then class 1's, … images), with their labels. */
function gathered(pixels: readonly Uint8Array[], indices: Int32Array): LabelledImages {
  const starts: number[] = [];
  let offset = 0;
  for (const count of imageCounts(pixels)) {
    starts.push(offset);
    offset += count;
  }
  const images = new Uint8Array(indices.length * IMAGE_PIXELS);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, i) => {
    let label = starts.length - 1;
    while (index < starts[label]) label--;
    const start = (index - starts[label]) * IMAGE_PIXELS;
    images.set(pixels[label].subarray(start, start + IMAGE_PIXELS), i * IMAGE_PIXELS);
    labels[i] = label;
  });
  return { images, labels, count: indices.length };
}

/** The trainer's data from a dataset's pixels: training and validation by the seeded stratified split. */
export function ownClassData(
  pixels: readonly Uint8Array[],
  validationPercent: number,
  seed: number,
): ClassData {
  const split = stratifiedSplit(imageCounts(pixels), validationPercent, seed);
  return { train: gathered(pixels, split.train), validation: gathered(pixels, split.validation) };
}

/**
 * The run's data from the stored pixels, after checking they are what the run's config says:
 * the same images (hash), enough of them, and the same split sizes. A run resumed after the
 * dataset was deleted and re-added from other files is refused, not silently retrained.
 */
export async function checkedOwnClassData(
  ref: OwnDatasetRef,
  pixels: readonly Uint8Array[],
  validationPercent: number,
  seed: number,
): Promise<ClassData> {
  if (pixels.length !== ref.classNames.length) {
    throw new Error(
      `“${ref.name}” holds ${pixels.length} classes, but the run says ${ref.classNames.length}.`,
    );
  }
  const counts = imageCounts(pixels);
  for (const [label, name] of ref.classNames.entries()) {
    const problem = classSizeProblem(name, counts[label]);
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
  return ownClassData(pixels, validationPercent, seed);
}
