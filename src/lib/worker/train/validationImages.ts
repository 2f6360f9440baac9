// A recorded run's validation images, from the worker's preview of the pair: the validation set
// is the first ⌈v/2⌉ held-out images of class 0, then the first ⌊v/2⌋ of class 1.
import type { SampleImages } from './protocol';

export function validationCounts(validationSize: number): [number, number] {
  return [Math.ceil(validationSize / 2), Math.floor(validationSize / 2)];
}

/** The two classes' previewed images, cut to `counts` and joined in dataset order. */
export function validationImagesFrom(samples: SampleImages, counts: [number, number]): Uint8Array {
  const pixels = samples.pixels[0].length / samples.perClass;
  const [first, second] = counts;
  const images = new Uint8Array((first + second) * pixels);
  images.set(samples.pixels[0].subarray(0, first * pixels));
  images.set(samples.pixels[1].subarray(0, second * pixels), first * pixels);
  return images;
}
