// What a Fashion-MNIST class choice downloads: the gzipped training and test files of each
// class that is not already stored for offline use (the service worker precaches the default
// pair only), as the manifest lists their sizes. Pure: the settings form shows it.

import type { DatasetManifest } from './manifest';
import type { ClassSlug } from '../types';

export interface ClassDownload {
  /** The chosen classes whose files are not stored offline. */
  slugs: ClassSlug[];
  /** Their training and test files' bytes, as served (gzipped). */
  bytes: number;
}

export function classDownload(
  manifest: DatasetManifest,
  chosen: readonly ClassSlug[],
  storedOffline: readonly ClassSlug[],
): ClassDownload {
  const slugs = chosen.filter((slug) => !storedOffline.includes(slug));
  const bytes = slugs.reduce((sum, slug) => {
    const entry = manifest.classes.find((candidate) => candidate.slug === slug);
    return entry ? sum + entry.splits.train.bytes + entry.splits.test.bytes : sum;
  }, 0);
  return { slugs, bytes };
}
