// Reads the own-dataset part of a run file's config (TrainConfig.dataset) from untrusted JSON:
// every field checked and copied, in the same style as runFileParse.ts. A file names the
// dataset and says what it held; the pixels never travel in it.

import { Fields, fail, POSITIVE_COUNT } from '../../files';
import { MAX_IMAGES_PER_CLASS, MIN_IMAGES_PER_CLASS } from './limits';
import type { OwnDatasetRef } from './ownDataset';
import { MAX_CLASSES, MIN_CLASSES } from '../../types';

/** Longest dataset or class name kept (the page's inputs allow no more). */
export const MAX_NAME_CHARS = 100;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function name(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_NAME_CHARS) {
    fail(path, `a name of 1 to ${MAX_NAME_CHARS} characters`, value);
  }
  return value;
}

function perClass(fields: Fields, key: string, classes: number): number[] {
  return fields.numbers(key, { ...POSITIVE_COUNT, max: MAX_IMAGES_PER_CLASS }, classes);
}

export function parseDatasetRef(fields: Fields): OwnDatasetRef {
  const classCount = fields.raw('classNames');
  const classes = Array.isArray(classCount) ? classCount.length : 0;
  if (classes < MIN_CLASSES || classes > MAX_CLASSES) {
    fail(
      fields.at('classNames'),
      `a list of ${MIN_CLASSES} to ${MAX_CLASSES} class names`,
      classCount,
    );
  }
  const classNames = fields
    .list('classNames', classes)
    .map((value, i) => name(value, `${fields.at('classNames')}[${i}]`));
  const hash = fields.string('hash');
  if (!SHA256_HEX.test(hash)) fail(fields.at('hash'), 'a SHA-256 in lowercase hex', hash);
  const counts = fields.object('counts');
  const train = perClass(counts, 'train', classes);
  const validation = perClass(counts, 'validation', classes);
  for (const label of classNames.keys()) {
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
    classNames,
    hash,
    counts: { train, validation },
  };
}
