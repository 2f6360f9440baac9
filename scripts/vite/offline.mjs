// Vite plugin: builds src/sw/sw.ts into sw.js and writes into it the list of files to precache
// (the built files index.html needs, data/manifest.json and the default pair's files, the recorded
// run that Replay plays) and the cache versions, hashed from the files' contents. See src/sw/sw.ts
// for the caching rules.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SERVICE_WORKER_FILE = 'sw.js';
const SERVICE_WORKER_SOURCE = 'src/sw/sw.ts';
const PLACEHOLDER = '__OFFLINE_PRECACHE__';
const INDEX_HTML = 'index.html';
const DATA_FOLDER = 'data/';
const DATASET_MANIFEST = 'manifest.json';
/**
 * The default class pair (SETTINGS.classes.default; offline.test.ts keeps the two equal). Not
 * imported: the config loader would then have to bundle the app's TypeScript.
 */
export const PRECACHED_CLASSES = ['pullover', 'coat'];
/**
 * The recorded run Replay plays (RECORDED_RUN_URL in src/lib/app/replayPlayer.svelte.ts) and the
 * recorded sweep the Sweep view opens (RECORDED_SWEEP_URL in src/lib/app/recordedSweep.ts;
 * offline.test.ts keeps them equal): precached, so both work in a workshop on bad Wi-Fi.
 */
export const PRECACHED_RECORDINGS = ['replay/default-run.json', 'replay/remedies-sweep.json'];
/** Hex digits of a content hash kept in a cache name. */
const VERSION_LENGTH = 16;

/** @param {string | Uint8Array} content */
function sha256(content) {
  return createHash('sha256').update(content).digest('hex');
}

/** Bytes of a file's content (a string's UTF-8 length, not its count of UTF-16 code units). */
export function byteLength(/** @type {string | Uint8Array} */ content) {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

/**
 * @typedef {object} BuiltFile
 * @property {string} path relative to the output folder, e.g. "assets/index-abc.js"
 * @property {string | Uint8Array} content
 * @property {string[]} [links] files the bundler says it loads beside it (a lazy chunk's CSS)
 */

/**
 * The built files the page needs: index.html and, transitively, every file whose name appears
 * in a needed file (script and style tags, imports, the worker's `new URL(…)`, CSS url()s), and
 * the files the bundler links to a needed chunk: a lazily loaded panel's CSS is named in the
 * entry's preload list only after this plugin has run.
 * Other pages of a multi-page build, and their chunks, stay out of the precache.
 * @param {string} entry
 * @param {BuiltFile[]} files
 * @returns {BuiltFile[]}
 */
export function reachableFiles(entry, files) {
  const text = new Map(
    files.map((file) => [
      file.path,
      typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content),
    ]),
  );
  const needed = new Set([entry]);
  const queue = [entry];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    const body = text.get(current) ?? '';
    const links = files.find((file) => file.path === current)?.links ?? [];
    for (const file of files) {
      const name = path.posix.basename(file.path);
      if (!needed.has(file.path) && (body.includes(name) || links.includes(file.path))) {
        needed.add(file.path);
        queue.push(file.path);
      }
    }
  }
  return files.filter((file) => needed.has(file.path));
}

/**
 * The manifest sw.js is built with (the shape of PrecacheManifest in src/sw/precacheManifest.ts).
 * @param {object} input
 * @param {BuiltFile[]} input.appFiles
 * @param {string} input.datasetManifestText contents of data/manifest.json
 * @param {readonly string[]} input.classes slugs whose train and test files are precached
 * @param {readonly BuiltFile[]} input.recordings static files Replay fetches, with their contents
 */
export function buildPrecacheManifest({ appFiles, datasetManifestText, classes, recordings }) {
  const sorted = [...appFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const appVersion = sha256(
    sorted.map((file) => `${file.path}\0${sha256(file.content)}`).join('\n'),
  ).slice(0, VERSION_LENGTH);

  /** @type {{ classes: { slug: string; splits: Record<string, { file: string }> }[] }} */
  const dataset = JSON.parse(datasetManifestText);
  const dataFiles = classes.flatMap((slug) => {
    const entry = dataset.classes.find((candidate) => candidate.slug === slug);
    if (!entry) throw new Error(`${DATASET_MANIFEST} has no class "${slug}" to precache`);
    return Object.values(entry.splits).map((split) => `${DATA_FOLDER}${split.file}`);
  });

  return {
    appVersion,
    dataVersion: sha256(datasetManifestText).slice(0, VERSION_LENGTH),
    app: sorted.map((file) => file.path),
    data: [`${DATA_FOLDER}${DATASET_MANIFEST}`, ...dataFiles],
    // Its own cache, versioned by its content: a new recording is fetched without refetching
    // the dataset, and an app build alone refetches neither.
    replayVersion: sha256(
      recordings.map((file) => `${file.path}\0${sha256(file.content)}`).join('\n'),
    ).slice(0, VERSION_LENGTH),
    replay: recordings.map((file) => file.path),
  };
}

/** @returns {import('vite').Plugin} */
export function offlinePlugin() {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  return {
    name: 'overconfidence:offline',
    // The dev server gets no service worker: a cache would hide every edit.
    apply: 'build',
    // After Vite's own plugins, so index.html and the worker chunk are in the bundle.
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: path.resolve(config.root, SERVICE_WORKER_SOURCE),
        fileName: SERVICE_WORKER_FILE,
      });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      if (worker?.type !== 'chunk') return this.error(`${SERVICE_WORKER_FILE} was not built`);
      // A classic service worker cannot import: a shared chunk would break it silently.
      if (worker.imports.length > 0 || worker.dynamicImports.length > 0) {
        return this.error(`${SERVICE_WORKER_FILE} must not import other chunks`);
      }
      const builtFiles = Object.values(bundle)
        .filter((file) => file.fileName !== SERVICE_WORKER_FILE && !file.fileName.endsWith('.map'))
        .map((file) => ({
          path: file.fileName,
          content: file.type === 'chunk' ? file.code : file.source,
          links:
            file.type === 'chunk'
              ? [
                  ...(file.viteMetadata?.importedCss ?? []),
                  ...(file.viteMetadata?.importedAssets ?? []),
                ]
              : [],
        }));
      if (!builtFiles.some((file) => file.path === INDEX_HTML)) {
        return this.error(`${INDEX_HTML} is not in the bundle: cannot precache the page`);
      }
      const appFiles = reachableFiles(INDEX_HTML, builtFiles);
      const datasetManifestText = readFileSync(
        path.join(config.publicDir, DATA_FOLDER, DATASET_MANIFEST),
        'utf8',
      );
      const recordings = PRECACHED_RECORDINGS.map((file) => ({
        path: file,
        content: readFileSync(path.join(config.publicDir, file)),
      }));
      const manifest = buildPrecacheManifest({
        appFiles,
        datasetManifestText,
        classes: PRECACHED_CLASSES,
        recordings,
      });
      const parts = worker.code.split(PLACEHOLDER);
      if (parts.length !== 2) {
        return this.error(`${SERVICE_WORKER_FILE} must use ${PLACEHOLDER} exactly once`);
      }
      worker.code = parts.join(JSON.stringify(manifest));

      const megabytes = (/** @type {readonly BuiltFile[]} */ files) =>
        `${(files.reduce((sum, file) => sum + byteLength(file.content), 0) / 1e6).toFixed(2)} MB`;
      const dataFiles = manifest.data.map((file) => ({
        path: file,
        content: readFileSync(path.join(config.publicDir, file)),
      }));
      const all = [...appFiles, ...dataFiles, ...recordings];
      config.logger.info(
        `${SERVICE_WORKER_FILE}: precaches ${manifest.app.length} app files ` +
          `(${megabytes(appFiles)}), ${manifest.data.length} dataset files ` +
          `(${megabytes(dataFiles)}) and ${recordings.length} recordings ` +
          `(${megabytes(recordings)}): ${all.length} files, ${megabytes(all)}; ` +
          `app cache ${manifest.appVersion}, data cache ${manifest.dataVersion}, ` +
          `replay cache ${manifest.replayVersion}`,
      );
    },
  };
}
