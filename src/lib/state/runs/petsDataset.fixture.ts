// A user's own two-class dataset ("Pets": cats and dogs) as a run config refers to it, for the
// tests of what a run on one's own images shows; the split counts are the test's own.

import type { OwnDatasetRef, SplitCounts } from '../../core/types';

export function petsDataset(counts: SplitCounts): OwnDatasetRef {
  return {
    id: 'dataset-1',
    name: 'Pets',
    classNames: ['cats', 'dogs'],
    hash: 'a'.repeat(64),
    counts,
  };
}
