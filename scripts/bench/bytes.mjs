// Bytes of the production build: main-thread JS and worker JS (raw and gzip -9), found by
// following the built index.html's scripts and their static imports, and the dataset bytes of
// the default class pair from data/manifest.json.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';

/** The default pair (SETTINGS.classes.default in src/lib/settings/settings.ts). */
export const DEFAULT_PAIR = ['pullover', 'coat'];

/** @param {string} text */
const relativeJsImports = (text) =>
  [...text.matchAll(/(?:\bimport|\bfrom)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map(
    (m) => m[1],
  );

/** Static imports only (`import "…"`, `from "…"`): what loads before the first screen shows. */
const staticJsImports = (/** @type {string} */ text) =>
  [...text.matchAll(/(?:\bimport|\bfrom)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map((m) => m[1]);

/** Worker scripts the page starts: `new Worker(new URL("…", import.meta.url))` after bundling. */
const workerUrls = (/** @type {string} */ text) =>
  [
    ...text.matchAll(
      /new URL\(\s*["'`](?:\.\/|\/)?([^"'`]*?worker[^"'`]*?\.js)["'`]\s*,\s*import\.meta\.url/g,
    ),
  ].map((m) => m[1]);

/**
 * The JS files reachable from `entries` by static or dynamic relative imports.
 * @param {string} root build folder
 * @param {string[]} entries paths relative to root
 */
async function importClosure(root, entries, imports = relativeJsImports) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(path.join(root, file), 'utf8');
    for (const spec of imports(text)) queue.push(path.posix.join(path.posix.dirname(file), spec));
  }
  return [...seen];
}

/**
 * @param {string} root
 * @param {string[]} files
 */
async function weigh(root, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(root, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  }
  return { files, raw, gzip };
}

/**
 * @param {string} appDir the app's build folder
 */
export async function measureBytes(appDir) {
  const html = await readFile(path.join(appDir, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\.?\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1]);
  if (entries.length === 0) throw new Error('No module script in the built index.html');
  const mainFiles = await importClosure(appDir, entries);
  const firstScreenFiles = await importClosure(appDir, entries, staticJsImports);
  const lazyFiles = mainFiles.filter((file) => !firstScreenFiles.includes(file));
  /** @type {string[]} */
  const workerEntries = [];
  for (const file of mainFiles) {
    const text = await readFile(path.join(appDir, file), 'utf8');
    for (const url of workerUrls(text)) {
      workerEntries.push(path.posix.join(path.posix.dirname(file), url));
    }
  }
  if (workerEntries.length === 0) throw new Error('No worker script found in the main bundle');
  const workerFiles = await importClosure(appDir, workerEntries);
  const assets = await readdir(path.join(appDir, 'assets'));
  const counted = new Set([...mainFiles, ...workerFiles]);
  const otherJs = assets
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !counted.has(f));

  const manifest = JSON.parse(await readFile(path.join(appDir, 'data', 'manifest.json'), 'utf8'));
  /** @type {{ file: string, bytes: number }[]} */
  const datasetFiles = [];
  for (const slug of DEFAULT_PAIR) {
    const entry = manifest.classes.find((/** @type {{ slug: string }} */ c) => c.slug === slug);
    if (!entry) throw new Error(`manifest.json has no class ${slug}`);
    for (const split of ['train', 'test']) {
      const { file } = entry.splits[split];
      // The served file's real size, not the manifest's claim.
      const bytes = (await readFile(path.join(appDir, 'data', file))).length;
      datasetFiles.push({ file, bytes });
    }
  }
  const rootJs = (await readdir(appDir)).filter((f) => f.endsWith('.js'));
  const manifestBytes = (await readFile(path.join(appDir, 'data', 'manifest.json'))).length;
  return {
    mainThreadJs: await weigh(appDir, mainFiles),
    /** The entry chunk, its static imports and its modulepreloads: what the first screen waits for. */
    firstScreenJs: await weigh(appDir, firstScreenFiles),
    /** Chunks the page imports lazily (views, panels, charts), loaded when first shown. */
    lazyJs: await weigh(appDir, lazyFiles),
    workerJs: await weigh(appDir, workerFiles),
    /** Root-level scripts (the offline service worker, sw.js): their own thread, fetched once. */
    serviceWorkerJs: await weigh(appDir, rootJs),
    /** JS in assets/ that neither the page nor its worker loads (should be empty). */
    unreferencedJs: otherJs,
    dataset: {
      pair: DEFAULT_PAIR,
      files: datasetFiles,
      manifestBytes,
      total: datasetFiles.reduce((sum, f) => sum + f.bytes, 0) + manifestBytes,
    },
  };
}
