import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { OwnDatasetStore } from '../persist/ownDatasetStore';
import { testConfig } from '../core/train/trainConfig.fixture';
import type { DecodeResult, ImageDecoder } from './imageDecoder';
import { planPanelDrop } from './dropPlan';
import { OwnImages } from './ownImages.svelte';

/** A decoder that turns each file into one 28 × 28 image of a gray value, skipping .txt files. */
function fakeDecoder(): ImageDecoder {
  return {
    async decode(files: File[]): Promise<DecodeResult> {
      const images = files.filter((file) => !file.name.endsWith('.txt'));
      return {
        ok: true,
        pixels: new Uint8Array(images.length * 784).fill(7),
        count: images.length,
        skipped: files
          .filter((file) => file.name.endsWith('.txt'))
          .map((file) => ({ name: file.name, reason: 'not an image' })),
      };
    },
  } as unknown as ImageDecoder;
}

const files = (count: number) => [
  ...Array.from({ length: count }, (_, i) => new File(['x'], `${i}.png`, { type: 'image/png' })),
  new File(['x'], 'notes.txt', { type: 'text/plain' }),
];

describe('OwnImages', () => {
  it('names classes after their folders, refuses a class under 10, then saves and selects', async () => {
    const own = new OwnImages(fakeDecoder(), OwnDatasetStore.open(new IDBFactory()));
    await own.refresh();
    expect(own.saveProblem).toBe('Add images for every class (class 0 has none), or remove it.');
    await own.addFiles(0, files(12), 'vertical');
    await own.addFiles(1, files(9), 'horizontal');
    expect(own.drafts.map((draft) => [draft.name, draft.count, draft.skipped.length])).toEqual([
      ['vertical', 12, 1],
      ['horizontal', 9, 1],
    ]);
    expect(own.saveProblem).toBe(
      '“horizontal” has 9 usable images; at least 10 per class are needed to train.',
    );
    await own.addFiles(1, files(13), 'horizontal');
    expect(own.saveProblem).toBeNull();
    expect(own.datasetName).toBe('vertical vs horizontal');

    await own.save();
    expect(own.datasets).toHaveLength(1);
    expect(own.selected?.counts).toEqual([12, 13]);
    expect(own.selectedPreview?.map((pixels) => pixels.length)).toEqual([8 * 784, 8 * 784]);
    // The next run names the dataset with the split the setting asks for: 12 and 13 at 20 %.
    const config = own.configFor(testConfig({ validationPercent: 20 }));
    expect(config.dataset).toMatchObject({
      name: 'vertical vs horizontal',
      classNames: ['vertical', 'horizontal'],
      counts: { train: [10, 10], validation: [2, 3] },
    });

    await own.select(null);
    expect(own.configFor(testConfig()).dataset).toBeUndefined();
    await own.remove(own.datasets[0].id);
    expect(own.datasets).toEqual([]);
  });

  it('turns three dropped folders into a three-class dataset, label order as dropped', async () => {
    const own = new OwnImages(fakeDecoder(), OwnDatasetStore.open(new IDBFactory()));
    await own.refresh();
    const folder = (name: string, count: number) => ({ folder: name, files: files(count) });
    await own.addDropped(
      planPanelDrop([folder('circles', 10), folder('squares', 11), folder('triangles', 12)], 0),
    );
    expect(own.drafts.map((draft) => [draft.name, draft.count])).toEqual([
      ['circles', 10],
      ['squares', 11],
      ['triangles', 12],
    ]);
    expect(own.saveProblem).toBeNull();
    await own.save();
    expect(own.selected?.classNames).toEqual(['circles', 'squares', 'triangles']);
    expect(own.selected?.counts).toEqual([10, 11, 12]);
    expect(own.selectedPreview).toHaveLength(3);
    // 20 % of 10, 11 and 12: round(2), round(2.2), round(2.4) = 2 each.
    expect(own.configFor(testConfig({ validationPercent: 20 })).dataset?.counts).toEqual({
      train: [8, 9, 10],
      validation: [2, 2, 2],
    });
    own.removeClass(0); // the saved dataset is unaffected; the new list is back to two
    expect(own.drafts).toHaveLength(2);
  });

  it('says why own images cannot be used where nothing can be stored', async () => {
    const own = new OwnImages(fakeDecoder(), Promise.resolve(null));
    await own.refresh();
    expect(own.available).toBe(false);
    expect(own.saveProblem).toMatch(/IndexedDB unavailable/);
  });
});
