// A recorded run's validation images, from the worker's preview of its classes: the validation
// set is the first evenShares(v, K) held-out images of class 0, then of class 1, … (as
// core/data's loadClasses takes them, at most what ships per class).
import { evenShares } from '../../core/data';
import { VALIDATION_EXAMPLES_PER_CLASS } from '../../settings';
import type { SampleImages } from './protocol';

export function validationCounts(validationSize: number, classCount: number): number[] {
  // A share beyond what ships is cut, as the loader cuts it.
  return evenShares(validationSize, classCount).map((share) =>
    Math.min(share, VALIDATION_EXAMPLES_PER_CLASS),
  );
}

/** Each class's previewed images, cut to `counts` and joined in dataset order. */
export function validationImagesFrom(samples: SampleImages, counts: readonly number[]): Uint8Array {
  const pixels = samples.pixels[0].length / samples.perClass;
  const total = counts.reduce((sum, count) => sum + count, 0);
  const images = new Uint8Array(total * pixels);
  let offset = 0;
  counts.forEach((count, label) => {
    images.set(samples.pixels[label].subarray(0, count * pixels), offset * pixels);
    offset += count;
  });
  return images;
}
