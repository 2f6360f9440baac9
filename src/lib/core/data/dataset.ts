// Fetches, verifies and decodes the bundled Fashion-MNIST files (see scripts/build-dataset.mjs).
// No DOM: runs in the training worker and in Node 20 (tests) alike, using only fetch,
// crypto.subtle and DecompressionStream, which both environments provide as globals.

import { parseIdx } from './idx';
import { classEntry, parseManifest, type DatasetManifest, type SplitName } from './manifest';
import { MAX_CLASSES, MIN_CLASSES, type ClassSlug } from '../types';

export const IMAGE_SIDE = 28;
/** Bytes (uint8 pixels) per image. */
export const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;
const MANIFEST_FILE = 'manifest.json';
const GZIP_MAGIC = [0x1f, 0x8b];

export class ChecksumError extends Error {
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
    hint = '',
  ) {
    super(`Checksum mismatch for ${file}: expected sha256 ${expected}, got ${actual}.${hint}`);
    this.name = 'ChecksumError';
  }
}

export class DatasetFetchError extends Error {
  constructor(
    readonly file: string,
    /** HTTP status, or null when the request itself failed (offline, CORS, aborted). */
    readonly status: number | null,
    what: string,
  ) {
    super(`Could not fetch ${file}: ${what}`);
    this.name = 'DatasetFetchError';
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', ownedBytes(bytes));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const input = new Blob([ownedBytes(bytes)]).stream();
  const output = input.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/**
 * Lazily fetches the manifest and per-class files, verifies each against the manifest's sha256
 * before decompressing it, and keeps the decoded pixels in memory for the life of the store.
 */
export class DatasetStore {
  readonly #baseUrl: string;
  readonly #fetchFn: typeof fetch;
  #manifest: Promise<DatasetManifest> | null = null;
  readonly #splits = new Map<string, Promise<Uint8Array>>();
  #bytesFetched = 0;

  /**
   * @param baseUrl folder holding manifest.json. In a worker, pass an absolute URL: a relative
   *   one resolves against the worker script's URL, not the page's.
   */
  constructor(baseUrl: string, fetchFn: typeof fetch = fetch) {
    this.#baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    // Browsers throw "Illegal invocation" when the global fetch is called as a method of
    // another object, so never call it as this.#fetchFn(...) with the store as receiver.
    this.#fetchFn = (input, init) => fetchFn(input, init);
  }

  /** Bytes received over the network so far (manifest and gzipped files, as served). */
  get bytesFetched(): number {
    return this.#bytesFetched;
  }

  manifest(): Promise<DatasetManifest> {
    if (!this.#manifest) {
      const pending = this.#fetchManifest();
      this.#manifest = pending;
      // A failure is not cached, so calling again (a Retry button) fetches again.
      pending.catch(() => {
        if (this.#manifest === pending) this.#manifest = null;
      });
    }
    return this.#manifest;
  }

  /**
   * Decoded pixels of one split: count × 28 × 28 uint8, row-major. The array is shared with
   * the cache: copy it before mutating or transferring it.
   */
  loadSplit(slug: ClassSlug, split: SplitName): Promise<Uint8Array> {
    const key = `${slug}/${split}`;
    let pending = this.#splits.get(key);
    if (!pending) {
      pending = this.#fetchSplit(slug, split);
      this.#splits.set(key, pending);
      const settled = pending;
      settled.catch(() => {
        if (this.#splits.get(key) === settled) this.#splits.delete(key);
      });
    }
    return pending;
  }

  async #fetchManifest(): Promise<DatasetManifest> {
    const bytes = await this.#fetchBytes(MANIFEST_FILE);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new Error(`${MANIFEST_FILE} is not valid JSON: ${describe(error)}`);
    }
    return parseManifest(json);
  }

  async #fetchSplit(slug: ClassSlug, split: SplitName): Promise<Uint8Array> {
    const entry = classEntry(await this.manifest(), slug).splits[split];
    const gz = await this.#fetchBytes(entry.file);
    const actual = await sha256Hex(gz);
    if (actual !== entry.sha256) {
      // Servers that add `Content-Encoding: gzip` for .gz files make fetch hand back the
      // decompressed bytes; say so, since the cure is server configuration, not a re-download.
      const decompressed = gz[0] !== GZIP_MAGIC[0] || gz[1] !== GZIP_MAGIC[1];
      const hint = decompressed
        ? ' The body is not gzip data: the server may be sending it with Content-Encoding.'
        : '';
      throw new ChecksumError(entry.file, entry.sha256, actual, hint);
    }
    const { dims, data } = parseIdx(await gunzip(gz));
    const expected = [entry.count, IMAGE_SIDE, IMAGE_SIDE];
    if (dims.length !== expected.length || dims.some((size, i) => size !== expected[i])) {
      throw new Error(
        `${entry.file} holds ${dims.join('×')} images, expected ${expected.join('×')}`,
      );
    }
    return data;
  }

  async #fetchBytes(file: string): Promise<Uint8Array> {
    const fetchFn = this.#fetchFn;
    let response: Response;
    try {
      response = await fetchFn(this.#baseUrl + file);
    } catch (error) {
      throw new DatasetFetchError(file, null, `network error (${describe(error)})`);
    }
    if (!response.ok) {
      const text = response.statusText ? ` ${response.statusText}` : '';
      throw new DatasetFetchError(file, response.status, `HTTP ${response.status}${text}`);
    }
    let body: ArrayBuffer;
    try {
      body = await response.arrayBuffer();
    } catch (error) {
      throw new DatasetFetchError(
        file,
        response.status,
        `download interrupted (${describe(error)})`,
      );
    }
    this.#bytesFetched += body.byteLength;
    return new Uint8Array(body);
  }
}

export interface LabelledImages {
  /** uint8 pixels, IMAGE_PIXELS per example, row-major. */
  images: Uint8Array;
  /** The class of each example: 0 for the first class chosen, 1 for the second, … K − 1. */
  labels: Uint8Array;
  count: number;
}

/** A run's images: training and validation, each class's examples together, label order. */
export interface ClassData {
  train: LabelledImages;
  validation: LabelledImages;
}

/** `total` split evenly across `classes`: each gets ⌊total/K⌋, the first total mod K one more. */
export function evenShares(total: number, classes: number): number[] {
  const base = Math.floor(total / classes);
  const extra = total % classes;
  return Array.from({ length: classes }, (_, label) => base + (label < extra ? 1 : 0));
}

/**
 * The task's data for 2 to 10 classes, label k = classes[k]. Training: the first share of
 * class 0's training images, then class 1's, … (evenShares of trainSize; the trainer shuffles
 * with its own seeded PRNG). Validation: every held-out image of class 0, then of class 1, … —
 * "dataset order", which run files refer to. `validationSize` (default: all) takes the first
 * evenShares of it per class (refused beyond what ships), so a run on an emulated GPU can evaluate a
 * small subset. For a pair this is the first ceil(n/2) and floor(n/2), as it always was.
 */
export async function loadClasses(
  store: DatasetStore,
  classes: readonly ClassSlug[],
  trainSize: number,
  validationSize?: number,
): Promise<ClassData> {
  if (classes.length < MIN_CLASSES || classes.length > MAX_CLASSES) {
    throw new RangeError(
      `A run needs ${MIN_CLASSES} to ${MAX_CLASSES} classes, got ${classes.length}`,
    );
  }
  if (new Set(classes).size !== classes.length) {
    throw new RangeError(`The classes must differ, got ${classes.join(', ')}`);
  }
  if (!Number.isInteger(trainSize) || trainSize < classes.length) {
    throw new RangeError(`trainSize must be an integer ≥ ${classes.length}, got ${trainSize}`);
  }
  const manifest = await store.manifest();
  const perClass = evenShares(trainSize, classes.length);
  classes.forEach((slug, i) => {
    const shipped = classEntry(manifest, slug).splits.train.count;
    if (perClass[i] > shipped) {
      throw new RangeError(
        `trainSize ${trainSize} needs ${perClass[i]} "${slug}" images; only ${shipped} are shipped`,
      );
    }
  });

  if (
    validationSize !== undefined &&
    (!Number.isInteger(validationSize) || validationSize < classes.length)
  ) {
    throw new RangeError(
      `validationSize must be an integer ≥ ${classes.length}, got ${validationSize}`,
    );
  }
  const [train, test] = await Promise.all([
    Promise.all(classes.map((slug) => store.loadSplit(slug, 'train'))),
    Promise.all(classes.map((slug) => store.loadSplit(slug, 'test'))),
  ]);
  const validationShares =
    validationSize === undefined ? null : evenShares(validationSize, classes.length);
  // Refused rather than cut, so a run's validationSize is always its validation count.
  classes.forEach((slug, i) => {
    const shipped = classEntry(manifest, slug).splits.test.count;
    if (validationShares !== null && validationShares[i] > shipped) {
      throw new RangeError(
        `validationSize ${validationSize} needs ${validationShares[i]} held-out "${slug}" images; only ${shipped} are shipped`,
      );
    }
  });
  return {
    train: concatLabelled(train.map((pixels, i) => pixels.subarray(0, perClass[i] * IMAGE_PIXELS))),
    validation: concatLabelled(
      test.map((pixels, i) =>
        validationShares === null ? pixels : pixels.subarray(0, validationShares[i] * IMAGE_PIXELS),
      ),
    ),
  };
}

/** The first `count` held-out images of `slug` (for the preview grid), as a fresh copy. */
export async function samplePixels(
  store: DatasetStore,
  slug: ClassSlug,
  count: number,
): Promise<Uint8Array> {
  const pixels = await store.loadSplit(slug, 'test');
  const available = pixels.length / IMAGE_PIXELS;
  if (!Number.isInteger(count) || count < 0 || count > available) {
    throw new RangeError(`Cannot sample ${count} "${slug}" images; ${available} are available`);
  }
  // slice, not subarray: the caller may transfer it to the page, which would detach the cache.
  return pixels.slice(0, count * IMAGE_PIXELS);
}

/** Class 0's images, then class 1's, …, with labels 0…0 1…1 …, in new buffers. */
export function concatLabelled(perClass: readonly Uint8Array[]): LabelledImages {
  const counts = perClass.map((pixels) => pixels.length / IMAGE_PIXELS);
  const count = counts.reduce((sum, n) => sum + n, 0);
  const images = new Uint8Array(count * IMAGE_PIXELS);
  const labels = new Uint8Array(count);
  let offset = 0;
  perClass.forEach((pixels, label) => {
    images.set(pixels, offset * IMAGE_PIXELS);
    labels.fill(label, offset, offset + counts[label]);
    offset += counts[label];
  });
  return { images, labels, count };
}

/** A Uint8Array backed by a plain ArrayBuffer, as Web APIs' BufferSource requires. */
function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
