// static/data/manifest.json: which files exist, how many images each holds, and the sha256 of
// each file exactly as served. Written by scripts/build-dataset.mjs; validated here because it
// arrives over the network and everything downstream trusts its counts and hashes.

import { CLASS_SLUGS, type ClassSlug } from '../types';

export const MANIFEST_FORMAT = 'overconfidence-playground/dataset@1';

export type SplitName = 'train' | 'test';

export interface SplitEntry {
  /** File name relative to the manifest's folder. */
  file: string;
  /** Images in the file. */
  count: number;
  /** Size of the gzipped file as served. */
  bytes: number;
  /** Lower-case hex sha256 of the gzipped file as served. */
  sha256: string;
}

export interface ClassEntry {
  index: number;
  slug: ClassSlug;
  name: string;
  splits: Record<SplitName, SplitEntry>;
}

export interface DatasetManifest {
  format: typeof MANIFEST_FORMAT;
  source: string;
  license: string;
  /** [height, width] of every image. */
  imageShape: [number, number];
  classes: ClassEntry[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
// Plain names only: the manifest must not be able to point fetches outside its folder.
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function parseManifest(json: unknown): DatasetManifest {
  const root = record(json, 'manifest');
  if (root.format !== MANIFEST_FORMAT) {
    throw new Error(
      `Dataset manifest: format is ${JSON.stringify(root.format)}, expected "${MANIFEST_FORMAT}"`,
    );
  }
  const imageShape = root.imageShape;
  if (
    !Array.isArray(imageShape) ||
    imageShape.length !== 2 ||
    !imageShape.every((size) => isPositiveInteger(size))
  ) {
    throw new Error('Dataset manifest: imageShape must be [height, width] of positive integers');
  }
  if (!Array.isArray(root.classes) || root.classes.length === 0) {
    throw new Error('Dataset manifest: classes must be a non-empty array');
  }
  const classes = root.classes.map((value, i) => parseClass(value, `classes[${i}]`));
  const seen = new Set<ClassSlug>();
  for (const entry of classes) {
    if (seen.has(entry.slug))
      throw new Error(`Dataset manifest: class "${entry.slug}" appears twice`);
    seen.add(entry.slug);
  }
  return {
    format: MANIFEST_FORMAT,
    source: string(root.source, 'source'),
    license: string(root.license, 'license'),
    imageShape: [imageShape[0] as number, imageShape[1] as number],
    classes,
  };
}

/** The entry for `slug`; throws if the manifest does not list it. */
export function classEntry(manifest: DatasetManifest, slug: ClassSlug): ClassEntry {
  const entry = manifest.classes.find((candidate) => candidate.slug === slug);
  if (!entry) throw new Error(`Dataset manifest has no class "${slug}"`);
  return entry;
}

function parseClass(value: unknown, path: string): ClassEntry {
  const entry = record(value, path);
  const slug = entry.slug;
  if (!isClassSlug(slug)) {
    throw new Error(
      `Dataset manifest: ${path}.slug ${JSON.stringify(slug)} is not one of ${CLASS_SLUGS.join(', ')}`,
    );
  }
  if (!isNonNegativeInteger(entry.index)) {
    throw new Error(`Dataset manifest: ${path}.index must be a non-negative integer`);
  }
  const splits = record(entry.splits, `${path}.splits`);
  return {
    index: entry.index,
    slug,
    name: string(entry.name, `${path}.name`),
    splits: {
      train: parseSplit(splits.train, `${path}.splits.train`),
      test: parseSplit(splits.test, `${path}.splits.test`),
    },
  };
}

function parseSplit(value: unknown, path: string): SplitEntry {
  const split = record(value, path);
  const file = string(split.file, `${path}.file`);
  if (!SAFE_FILE_NAME.test(file)) {
    throw new Error(`Dataset manifest: ${path}.file "${file}" is not a plain file name`);
  }
  if (!isPositiveInteger(split.count)) {
    throw new Error(`Dataset manifest: ${path}.count must be a positive integer`);
  }
  if (!isPositiveInteger(split.bytes)) {
    throw new Error(`Dataset manifest: ${path}.bytes must be a positive integer`);
  }
  const sha256 = string(split.sha256, `${path}.sha256`);
  if (!SHA256_HEX.test(sha256)) {
    throw new Error(`Dataset manifest: ${path}.sha256 must be 64 lower-case hex digits`);
  }
  return { file, count: split.count, bytes: split.bytes, sha256 };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Dataset manifest: ${path} must be an object`);
  }
  return value as Record<string, unknown>;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`Dataset manifest: ${path} must be a non-empty string`);
  }
  return value;
}

function isClassSlug(value: unknown): value is ClassSlug {
  return typeof value === 'string' && (CLASS_SLUGS as readonly string[]).includes(value);
}

function isPositiveInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

function isNonNegativeInteger(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
