/// <reference lib="webworker" />
// Decodes a class's image files off the main thread: createImageBitmap decodes and resizes
// (high quality, so a large photo is averaged down rather than sampled), an OffscreenCanvas
// places it letterboxed in the 28 × 28 square, and core/data/images/letterbox.ts makes the
// grayscale input from the readback. Files it cannot use are skipped and named.

import { IMAGE_PIXELS, IMAGE_SIDE } from '../../core/data';
import { pathOf, sortFiles, UNDECODABLE, type SkippedFile } from '../../core/data';
import { letterboxed, letterboxRect } from '../../core/data';
import { tooManyImages } from '../../core/data';
import type { FromImagesWorker, ToImagesWorker } from './imagesProtocol';

declare const self: DedicatedWorkerGlobalScope;

/** Progress messages at most this often: a folder of 20,000 small files decodes in seconds. */
const PROGRESS_INTERVAL_MS = 100;

function post(message: FromImagesWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function toInput(
  file: File,
  context: OffscreenCanvasRenderingContext2D,
): Promise<Uint8Array> {
  const decoded = await createImageBitmap(file);
  const rect = letterboxRect(decoded.width, decoded.height);
  let resized: ImageBitmap;
  try {
    resized = await createImageBitmap(decoded, {
      resizeWidth: rect.width,
      resizeHeight: rect.height,
      resizeQuality: 'high',
    });
  } finally {
    decoded.close();
  }
  context.clearRect(0, 0, IMAGE_SIDE, IMAGE_SIDE);
  context.drawImage(resized, rect.x, rect.y);
  resized.close();
  return letterboxed(context.getImageData(0, 0, IMAGE_SIDE, IMAGE_SIDE).data, rect);
}

async function decode(command: ToImagesWorker): Promise<void> {
  const { images, skipped } = sortFiles(command.files);
  const refusal = tooManyImages(command.className, images.length);
  if (refusal) return post({ type: 'refused', replyTo: command.id, reason: refusal });
  const canvas = new OffscreenCanvas(IMAGE_SIDE, IMAGE_SIDE);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser offers no 2D OffscreenCanvas to decode images on.');
  const pixels = new Uint8Array(images.length * IMAGE_PIXELS);
  const failed: SkippedFile[] = [];
  let count = 0;
  let reported = performance.now();
  for (const [done, file] of images.entries()) {
    try {
      pixels.set(await toInput(file, context), count * IMAGE_PIXELS);
      count++;
    } catch {
      failed.push({ name: pathOf(file), reason: UNDECODABLE });
    }
    if (performance.now() - reported > PROGRESS_INTERVAL_MS) {
      reported = performance.now();
      post({ type: 'progress', replyTo: command.id, done: done + 1, total: images.length });
    }
  }
  const used = pixels.slice(0, count * IMAGE_PIXELS);
  post(
    { type: 'decoded', replyTo: command.id, pixels: used, count, skipped: [...skipped, ...failed] },
    [used.buffer],
  );
}

self.onmessage = (event: MessageEvent<ToImagesWorker>) => {
  const command = event.data;
  decode(command).catch((error: unknown) =>
    post({
      type: 'error',
      replyTo: command.id,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};
