// Messages between the page and the image-decoding worker (images.worker.ts): one union each
// way, replies matched by request id. A worker of its own, apart from the training worker, so
// decoding a folder never waits behind a training run's command queue (nor holds it up).

import type { SkippedFile } from '../../core/data';
import type { JobReplies } from '../jobReplies';

export type ToImagesWorker = {
  type: 'decode';
  id: number;
  /** One class's files, as picked or dropped (File is structured-cloneable). */
  files: File[];
  /** The class's name, for the refusal message. */
  className: string;
};

export type FromImagesWorker = JobReplies<
  { done: number; total: number },
  | {
      type: 'decoded';
      /** 28 × 28 uint8 per image, in file path order, concatenated. */
      pixels: Uint8Array;
      count: number;
      /** Files not used: not an image, too large, or undecodable. */
      skipped: SkippedFile[];
    }
  /** Too many images for a class: refused before decoding any. */
  | { type: 'refused'; reason: string }
>;
