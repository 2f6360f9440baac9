// The content hash a run file records for a user's dataset: it identifies the images without
// containing them. SHA-256 over every image as the model sees it, in dataset order, each as its
// label byte followed by its 784 pixel bytes (class 0's images, then class 1's, …). Decoding
// happens once, so the same folder gives the same hash in the same browser; the name and class
// names are not part of it (renaming a class changes no pixel).

import { IMAGE_PIXELS, sha256Hex } from '../dataset';

export function contentBytes(pixels: readonly Uint8Array[]): Uint8Array {
  const total = pixels.reduce((sum, classPixels) => sum + classPixels.length, 0);
  if (pixels.some((classPixels) => classPixels.length % IMAGE_PIXELS !== 0)) {
    throw new RangeError(`Pixels must come in whole ${IMAGE_PIXELS}-byte images`);
  }
  const bytes = new Uint8Array(total + total / IMAGE_PIXELS);
  let at = 0;
  pixels.forEach((classPixels, label) => {
    for (let start = 0; start < classPixels.length; start += IMAGE_PIXELS) {
      bytes[at++] = label;
      bytes.set(classPixels.subarray(start, start + IMAGE_PIXELS), at);
      at += IMAGE_PIXELS;
    }
  });
  return bytes;
}

export function contentHash(pixels: readonly Uint8Array[]): Promise<string> {
  return sha256Hex(contentBytes(pixels));
}
