// How many images a class of the user's own dataset may have. Fewer than the minimum leaves a
// validation set of one or two images per class (every figure would be noise); more than the
// maximum would not fit the model's device memory budget comfortably (40,000 images are
// 125 MB as float32) nor a browser tab's patience to decode.

export const MIN_IMAGES_PER_CLASS = 10;
export const MAX_IMAGES_PER_CLASS = 20_000;
/** A single file above this is skipped unread: a decoded 100-megapixel photo alone is 400 MB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Checked on the files chosen, before any is decoded: a class with too many is refused whole,
 * with the reason, rather than cut at an arbitrary file.
 */
export function tooManyImages(className: string, files: number): string | null {
  if (files <= MAX_IMAGES_PER_CLASS) return null;
  return (
    `“${className}” has ${count(files)} images; at most ${count(MAX_IMAGES_PER_CLASS)} per ` +
    `class are accepted. Choose a smaller folder.`
  );
}

/** Checked on the images decoded, before saving or training. */
export function tooFewImages(className: string, images: number): string | null {
  if (images >= MIN_IMAGES_PER_CLASS) return null;
  return (
    `“${className}” has ${count(images)} usable image${images === 1 ? '' : 's'}; at least ` +
    `${MIN_IMAGES_PER_CLASS} per class are needed to train.`
  );
}

/** Both checks for a class of `images` usable images: the first problem, or null. */
export function classSizeProblem(className: string, images: number): string | null {
  return tooManyImages(className, images) ?? tooFewImages(className, images);
}
