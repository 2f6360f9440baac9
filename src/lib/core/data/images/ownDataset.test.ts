import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../dataset';
import { contentHash } from './contentHash';
import { checkedOwnClassData, datasetRef, ownClassData, validationTotal } from './ownDataset';

/** `count` images, image i filled with the value `first + i` (so an image says where it came from). */
function images(count: number, first: number): Uint8Array {
  const pixels = new Uint8Array(count * IMAGE_PIXELS);
  for (let i = 0; i < count; i++) pixels.fill(first + i, i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
  return pixels;
}

const pixels: [Uint8Array, Uint8Array] = [images(10, 0), images(13, 100)];
const firstPixels = (set: { images: Uint8Array; count: number }) =>
  Array.from({ length: set.count }, (_, i) => set.images[i * IMAGE_PIXELS]);

describe('ownClassData', () => {
  it('splits 10 + 13 images at 20 % into 8 + 10 training and 2 + 3 validation images', () => {
    const { train, validation } = ownClassData(pixels, 20, 1);
    expect(train.count).toBe(18);
    expect(validation.count).toBe(5);
    expect([...validation.labels]).toEqual([0, 0, 1, 1, 1]);
    expect([...train.labels]).toEqual([...new Array(8).fill(0), ...new Array(10).fill(1)]);
    // Each image keeps its label (class 0's values are 0…9, class 1's 100…112) and appears once.
    const seen = [...firstPixels(train), ...firstPixels(validation)];
    expect(seen.sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => i),
      ...Array.from({ length: 13 }, (_, i) => 100 + i),
    ]);
    for (const set of [train, validation]) {
      firstPixels(set).forEach((value, i) => expect(set.labels[i]).toBe(value >= 100 ? 1 : 0));
    }
  });
});

describe('checkedOwnClassData', () => {
  const summary = {
    id: 'dataset-1',
    name: 'Digits',
    classNames: ['low', 'high'] as [string, string],
    counts: [10, 13] as [number, number],
    hash: '',
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('gives the stored images split by the run’s seed when they are what the run names', async () => {
    const ref = datasetRef({ ...summary, hash: await contentHash(pixels) }, 20);
    expect(ref.counts).toEqual({ train: [8, 10], validation: [2, 3] });
    expect(validationTotal(ref)).toBe(5);
    expect(await checkedOwnClassData(ref, pixels, 20, 1)).toEqual(ownClassData(pixels, 20, 1));
  });

  it('refuses images that changed, another split, or a class under 10', async () => {
    const ref = datasetRef({ ...summary, hash: await contentHash(pixels) }, 20);
    const changed: [Uint8Array, Uint8Array] = [pixels[0].slice(), pixels[1]];
    changed[0][5] = 255;
    await expect(checkedOwnClassData(ref, changed, 20, 1)).rejects.toThrow(/content hash differs/);
    await expect(checkedOwnClassData(ref, pixels, 30, 1)).rejects.toThrow(/split of “Digits”/);
    const nine: [Uint8Array, Uint8Array] = [images(9, 0), pixels[1]];
    const small = datasetRef({ ...summary, counts: [9, 13], hash: await contentHash(nine) }, 20);
    await expect(checkedOwnClassData(small, nine, 20, 1)).rejects.toThrow(
      '“low” has 9 usable images; at least 10 per class are needed to train.',
    );
  });
});
