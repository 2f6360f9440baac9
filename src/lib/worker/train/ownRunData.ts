// The training worker's data for a run on the user's own images: the stored dataset the run's
// config names, read from this browser's dataset store by id, checked against the config and
// split by the run's seed (core/data/images/ownDataset.ts). Resume and saved runs come through here
// too: the config is all a run keeps of its dataset.

import type { ClassData } from '../../core/data';
import { checkedOwnClassData } from '../../core/data';
import type { TrainConfig } from '../../core/types';
import { OwnDatasetStore } from '../../persist/ownDatasetStore';

export async function ownRunData(config: TrainConfig): Promise<ClassData> {
  const ref = config.dataset;
  if (!ref) throw new Error('This run does not train on your own images.');
  if (config.validationPercent === undefined) {
    throw new Error('A run on your own images needs its validation share (split).');
  }
  const store = await OwnDatasetStore.open();
  if (!store) {
    throw new Error(
      'This browser does not let the page read its stored datasets (IndexedDB unavailable), so your images cannot be trained on here.',
    );
  }
  try {
    const pixels = await store.pixels(ref.id);
    if (!pixels) {
      throw new Error(
        `The dataset “${ref.name}” is no longer stored in this browser: add its images again under Your images.`,
      );
    }
    return await checkedOwnClassData(ref, pixels, config.validationPercent, config.seed);
  } finally {
    store.close();
  }
}
