/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ChecksumError,
  DatasetFetchError,
  DatasetStore,
  IMAGE_PIXELS,
  evenShares,
  gunzip,
  loadClasses,
  samplePixels,
  sha256Hex,
} from './dataset';
import { parseIdx } from './idx';
import { classEntry, parseManifest } from './manifest';
import { CLASS_NAMES, CLASS_SLUGS } from '../types';

const DATA_DIR = new URL('../../../../static/data/', import.meta.url);
const BASE_URL = 'https://example.test/data/';
const PAIR_BUDGET_BYTES = 5_000_000;

function readStatic(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(file, DATA_DIR)));
}

const committedManifest = parseManifest(
  JSON.parse(readFileSync(new URL('manifest.json', DATA_DIR), 'utf8')),
);

/** Index of the first differing byte, or -1 (toEqual on megabyte arrays takes seconds). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

type Override = (file: string) => Response | Error | undefined;

/** A fetch that serves the committed static/data files and records what was asked for. */
function fakeFetch(override: Override = () => undefined) {
  const requests: string[] = [];
  const fetchFn: typeof fetch = async (input) => {
    const url = String(input);
    expect(url.startsWith(BASE_URL)).toBe(true);
    const file = url.slice(BASE_URL.length);
    requests.push(file);
    const replacement = override(file);
    if (replacement instanceof Error) throw replacement;
    if (replacement) return replacement;
    return new Response(readStatic(file) as Uint8Array<ArrayBuffer>);
  };
  return { fetchFn, requests };
}

describe('committed dataset files', () => {
  it('lists every class with the slugs and names of types.ts', () => {
    expect(committedManifest.classes.map((entry) => entry.slug)).toEqual([...CLASS_SLUGS]);
    expect(committedManifest.classes.map((entry) => entry.name)).toEqual([...CLASS_NAMES]);
    committedManifest.classes.forEach((entry, i) => expect(entry.index).toBe(i));
    expect(committedManifest.imageShape).toEqual([28, 28]);
  });

  it('match the manifest sha256 and decode to count × 28 × 28', async () => {
    for (const entry of committedManifest.classes) {
      for (const split of [entry.splits.train, entry.splits.test]) {
        const gz = readStatic(split.file);
        expect(gz.length, split.file).toBe(split.bytes);
        expect(await sha256Hex(gz), split.file).toBe(split.sha256);
        expect(parseIdx(await gunzip(gz)).dims, split.file).toEqual([split.count, 28, 28]);
      }
      expect(entry.splits.train.count).toBe(3000);
      expect(entry.splits.test.count).toBe(1000);
    }
  });
});

describe('sha256Hex', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('DatasetStore', () => {
  it('loads the pullover/coat pair within 5 MB and caches it', async () => {
    const { fetchFn, requests } = fakeFetch();
    const store = new DatasetStore(BASE_URL, fetchFn);
    const pair = await loadClasses(store, ['pullover', 'coat'], 6000);

    expect(pair.train.count).toBe(6000);
    expect(pair.train.images.length).toBe(6000 * IMAGE_PIXELS);
    expect(pair.validation.count).toBe(2000);
    expect(pair.validation.images.length).toBe(2000 * IMAGE_PIXELS);
    expect(store.bytesFetched).toBeLessThanOrEqual(PAIR_BUDGET_BYTES);
    expect([...requests].sort()).toEqual([
      'coat-test.bin',
      'coat-train.bin',
      'manifest.json',
      'pullover-test.bin',
      'pullover-train.bin',
    ]);

    const fetchedBefore = store.bytesFetched;
    await loadClasses(store, ['coat', 'pullover'], 100);
    await samplePixels(store, 'coat', 4);
    expect(requests.length).toBe(5);
    expect(store.bytesFetched).toBe(fetchedBefore);
  });

  it('shares one in-flight fetch between concurrent calls', async () => {
    const { fetchFn, requests } = fakeFetch();
    const store = new DatasetStore(BASE_URL.slice(0, -1), fetchFn); // no trailing slash
    const [a, b] = await Promise.all([
      store.loadSplit('bag', 'test'),
      store.loadSplit('bag', 'test'),
    ]);
    expect(a).toBe(b);
    expect(requests).toEqual(['manifest.json', 'bag-test.bin']);
  });

  it('rejects a tampered file with ChecksumError naming file and hashes', async () => {
    const file = 'coat-test.bin';
    const { fetchFn } = fakeFetch((requested) => {
      if (requested !== file) return undefined;
      const bytes = readStatic(file);
      bytes[1000] ^= 0x01;
      return new Response(bytes as Uint8Array<ArrayBuffer>);
    });
    const store = new DatasetStore(BASE_URL, fetchFn);
    const error = await store.loadSplit('coat', 'test').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChecksumError);
    const message = (error as ChecksumError).message;
    expect(message).toContain(file);
    expect(message).toContain(classEntry(committedManifest, 'coat').splits.test.sha256);
    expect((error as ChecksumError).actual).toMatch(/^[0-9a-f]{64}$/);
    expect(message).toContain((error as ChecksumError).actual);
  });

  it('hints at Content-Encoding when the server already decompressed the file', async () => {
    const file = 'bag-test.bin';
    const raw = await gunzip(readStatic(file));
    const { fetchFn } = fakeFetch((requested) =>
      requested === file ? new Response(raw as Uint8Array<ArrayBuffer>) : undefined,
    );
    const store = new DatasetStore(BASE_URL, fetchFn);
    await expect(store.loadSplit('bag', 'test')).rejects.toThrow(/Content-Encoding/);
  });

  it('reports a 404 as DatasetFetchError and recovers on retry', async () => {
    let failing = true;
    const { fetchFn, requests } = fakeFetch((file) =>
      failing && file === 'coat-train.bin'
        ? new Response('not here', { status: 404, statusText: 'Not Found' })
        : undefined,
    );
    const store = new DatasetStore(BASE_URL, fetchFn);
    const error = await loadClasses(store, ['pullover', 'coat'], 10).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatasetFetchError);
    expect((error as DatasetFetchError).status).toBe(404);
    expect((error as DatasetFetchError).message).toMatch(/coat-train\.bin.*HTTP 404 Not Found/);

    failing = false;
    const pair = await loadClasses(store, ['pullover', 'coat'], 10);
    expect(pair.train.count).toBe(10);
    expect(requests.filter((file) => file === 'coat-train.bin').length).toBe(2);
    expect(requests.filter((file) => file === 'manifest.json').length).toBe(1);
  });

  it('reports a network failure (manifest) as DatasetFetchError and retries it', async () => {
    let offline = true;
    const { fetchFn } = fakeFetch(() => (offline ? new TypeError('Failed to fetch') : undefined));
    const store = new DatasetStore(BASE_URL, fetchFn);
    await expect(store.manifest()).rejects.toThrow(
      /Could not fetch manifest\.json: network error \(Failed to fetch\)/,
    );
    offline = false;
    expect((await store.manifest()).classes.length).toBe(10);
  });
});

describe('loadClasses', () => {
  const store = new DatasetStore(BASE_URL, fakeFetch().fetchFn);

  it('puts class 0 first, then class 1, in the files order, labelled 0 then 1', async () => {
    const pair = await loadClasses(store, ['sneaker', 'sandal'], 7);
    const sneakerTrain = await store.loadSplit('sneaker', 'train');
    const sandalTrain = await store.loadSplit('sandal', 'train');
    expect(pair.train.count).toBe(7);
    expect(Array.from(pair.train.labels)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    const trainImages = pair.train.images;
    const split = 4 * IMAGE_PIXELS;
    expect(firstDifference(trainImages.subarray(0, split), sneakerTrain.subarray(0, split))).toBe(
      -1,
    );
    expect(
      firstDifference(trainImages.subarray(split), sandalTrain.subarray(0, 3 * IMAGE_PIXELS)),
    ).toBe(-1);

    const sneakerTest = await store.loadSplit('sneaker', 'test');
    const sandalTest = await store.loadSplit('sandal', 'test');
    expect(pair.validation.count).toBe(2000);
    expect(pair.validation.labels.subarray(0, 1000).every((label) => label === 0)).toBe(true);
    expect(pair.validation.labels.subarray(1000).every((label) => label === 1)).toBe(true);
    const validationImages = pair.validation.images;
    expect(firstDifference(validationImages.subarray(0, sneakerTest.length), sneakerTest)).toBe(-1);
    expect(firstDifference(validationImages.subarray(sneakerTest.length), sandalTest)).toBe(-1);
  });

  it('splits the sizes evenly over K classes, labels 0 … K − 1 in the order chosen', async () => {
    const three = await loadClasses(store, ['bag', 'tshirt', 'boot'], 8, 7);
    // 8 = 3 + 3 + 2 and 7 = 3 + 2 + 2: the first (n mod K) classes take one more.
    expect(Array.from(three.train.labels)).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
    expect(Array.from(three.validation.labels)).toEqual([0, 0, 0, 1, 1, 2, 2]);
    const bootTrain = await store.loadSplit('boot', 'train');
    const lastTwo = three.train.images.subarray(6 * IMAGE_PIXELS);
    expect(firstDifference(lastTwo, bootTrain.subarray(0, 2 * IMAGE_PIXELS))).toBe(-1);
    const all = await loadClasses(store, [...CLASS_SLUGS], 10);
    expect(Array.from(all.train.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.validation.count).toBe(10_000);
    expect(evenShares(30_000, 10)).toEqual(Array.from({ length: 10 }, () => 3000));
    await expect(loadClasses(store, [...CLASS_SLUGS], 30_001)).rejects.toThrow(/3001 "tshirt"/);
    await expect(loadClasses(store, ['bag'], 10)).rejects.toThrow(/2 to 10 classes/);
    await expect(loadClasses(store, ['bag', 'coat', 'bag'], 10)).rejects.toThrow(/must differ/);
  });

  it('returns new buffers, so callers cannot corrupt the cache', async () => {
    const pair = await loadClasses(store, ['sneaker', 'sandal'], 2);
    pair.validation.images.fill(0);
    const again = await loadClasses(store, ['sneaker', 'sandal'], 2);
    expect(again.validation.images.some((pixel) => pixel !== 0)).toBe(true);
  });

  it('rejects equal classes and sizes beyond what is shipped', async () => {
    await expect(loadClasses(store, ['coat', 'coat'], 10)).rejects.toThrow(RangeError);
    await expect(loadClasses(store, ['coat', 'bag'], 6001)).rejects.toThrow(RangeError);
    await expect(loadClasses(store, ['coat', 'bag'], 0)).rejects.toThrow(RangeError);
    await expect(loadClasses(store, ['coat', 'bag'], 6000)).resolves.toBeDefined();
  });

  it('samplePixels returns the first images of the held-out split', async () => {
    const sample = await samplePixels(store, 'sneaker', 3);
    const sneakerTest = await store.loadSplit('sneaker', 'test');
    expect(firstDifference(sample, sneakerTest.subarray(0, 3 * IMAGE_PIXELS))).toBe(-1);
    expect(sample.buffer).not.toBe(sneakerTest.buffer);
    await expect(samplePixels(store, 'sneaker', 1001)).rejects.toThrow(RangeError);
  });
});

describe('parseManifest', () => {
  const valid = (): Record<string, unknown> => JSON.parse(JSON.stringify(committedManifest));
  const withClass = (edit: (entry: Record<string, unknown>) => void) => {
    const json = valid();
    edit((json.classes as Record<string, unknown>[])[0]);
    return json;
  };
  const split = (entry: Record<string, unknown>) =>
    (entry.splits as Record<string, Record<string, unknown>>).train;

  it('accepts the committed manifest', () => {
    expect(parseManifest(valid())).toEqual(committedManifest);
  });

  it.each([
    ['not an object', 42, /manifest must be an object/],
    ['wrong format', { ...valid(), format: 'other@2' }, /format is "other@2"/],
    ['bad imageShape', { ...valid(), imageShape: [28] }, /imageShape/],
    ['no classes', { ...valid(), classes: [] }, /classes must be a non-empty array/],
    ['unknown slug', withClass((c) => (c.slug = 'hat')), /classes\[0\]\.slug "hat"/],
    ['missing name', withClass((c) => delete c.name), /classes\[0\]\.name/],
    ['missing splits', withClass((c) => delete c.splits), /classes\[0\]\.splits must be/],
    ['bad count', withClass((c) => (split(c).count = -1)), /splits\.train\.count/],
    ['bad sha', withClass((c) => (split(c).sha256 = 'abc')), /splits\.train\.sha256/],
    ['path in file', withClass((c) => (split(c).file = '../x.gz')), /not a plain file name/],
  ])('rejects %s', (_label, json, message) => {
    expect(() => parseManifest(json)).toThrow(message);
  });

  it('rejects a duplicated class', () => {
    const json = valid();
    const classes = json.classes as unknown[];
    classes.push(classes[0]);
    expect(() => parseManifest(json)).toThrow(/"tshirt" appears twice/);
  });

  it('classEntry finds a class or names the missing one', () => {
    expect(classEntry(committedManifest, 'coat').name).toBe('Coat');
    const partial = { ...committedManifest, classes: committedManifest.classes.slice(0, 2) };
    expect(() => classEntry(partial, 'coat')).toThrow(/no class "coat"/);
  });
});
