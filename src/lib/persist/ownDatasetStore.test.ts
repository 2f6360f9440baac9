import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../core/data';
import { DATABASE_NAME } from './runStore';
import { OWN_DATASETS_DATABASE, OwnDatasetStore } from './ownDatasetStore';

const pixels = (count: number, value: number) => new Uint8Array(count * 784).fill(value);

describe('OwnDatasetStore', () => {
  it('stores a dataset with its hash and counts, lists it and gives its pixels back', async () => {
    const store = await OwnDatasetStore.open(new IDBFactory());
    if (!store) throw new Error('no store');
    const images: [Uint8Array, Uint8Array] = [pixels(10, 1), pixels(12, 2)];
    const summary = await store.add(
      { name: 'Stripes', classNames: ['vertical', 'horizontal'], pixels: images },
      new Date('2026-02-01T00:00:00.000Z'),
    );
    expect(summary).toMatchObject({
      name: 'Stripes',
      classNames: ['vertical', 'horizontal'],
      counts: [10, 12],
      hash: await contentHash(images),
      createdAt: '2026-02-01T00:00:00.000Z',
    });
    const later = await store.add(
      { name: 'Later', classNames: ['a', 'b'], pixels: [pixels(10, 3), pixels(10, 4)] },
      new Date('2026-02-02T00:00:00.000Z'),
    );
    expect((await store.list()).map((dataset) => dataset.name)).toEqual(['Later', 'Stripes']);
    expect(await store.summary(summary.id)).toEqual(summary);
    expect(await store.pixels(summary.id)).toEqual(images);

    await store.delete(later.id);
    expect((await store.list()).map((dataset) => dataset.id)).toEqual([summary.id]);
    expect(await store.pixels(later.id)).toBeNull();
    store.close();
  });

  it('lives in a database of its own, apart from the runs', () => {
    expect(OWN_DATASETS_DATABASE).not.toBe(DATABASE_NAME);
  });

  it('opens to null where IndexedDB is missing', async () => {
    expect(await OwnDatasetStore.open(null)).toBeNull();
  });
});
