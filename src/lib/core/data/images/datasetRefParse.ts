// Reads the own-dataset part of a run file's config (TrainConfig.dataset) from untrusted JSON:
// every field checked and copied, in the same style as runFileParse.ts. A file names the
// dataset and says what it held; the pixels never travel in it.

import { Fields, fail, POSITIVE_COUNT } from '../../files';
import { MAX_IMAGES_PER_CLASS, MIN_IMAGES_PER_CLASS } from './limits';
import type { OwnDatasetRef } from './ownDataset';

/** Longest dataset or class name kept (the page's inputs allow no more). */
export const MAX_NAME_CHARS = 100;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function name(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_NAME_CHARS) {
    fail(path, `a name of 1 to ${MAX_NAME_CHARS} characters`, value);
  }
  return value;
}

function pair(fields: Fields, key: string): [number, number] {
  const [first, second] = fields.numbers(key, { ...POSITIVE_COUNT, max: MAX_IMAGES_PER_CLASS }, 2);
  return [first, second];
}

export function parseDatasetRef(fields: Fields): OwnDatasetRef {
  const classNames = fields
    .list('classNames', 2)
    .map((value, i) => name(value, `${fields.at('classNames')}[${i}]`));
  const hash = fields.string('hash');
  if (!SHA256_HEX.test(hash)) fail(fields.at('hash'), 'a SHA-256 in lowercase hex', hash);
  const counts = fields.object('counts');
  const train = pair(counts, 'train');
  const validation = pair(counts, 'validation');
  for (const label of [0, 1]) {
    const total = train[label] + validation[label];
    if (total < MIN_IMAGES_PER_CLASS || total > MAX_IMAGES_PER_CLASS) {
      fail(
        `${counts.path} (class ${label})`,
        `${MIN_IMAGES_PER_CLASS} to ${MAX_IMAGES_PER_CLASS} images in all`,
        total,
      );
    }
  }
  return {
    id: fields.string('id'),
    name: name(fields.raw('name'), fields.at('name')),
    classNames: [classNames[0], classNames[1]],
    hash,
    counts: { train, validation },
  };
}
