// The layer rules of docs/architecture.md as data, and the checks that read the import graph
// against them. Each check returns the breaches it finds as lines a reader can act on.

import { dirname } from 'node:path';
import { type Edge, findCycles, reachable } from './importGraph';

const LIB = 'src/lib/';

/** Folders whose public surface is their index.ts (plus the named modules below). */
export const INDEXED_FOLDERS = [
  'core/data',
  'core/train',
  'core/metrics',
  'core/files',
  'core/sweep',
  'settings',
  'state/story',
  'state/examples',
  'state/runs',
  'state/page',
].map((folder) => LIB + folder);

/** Worker folders: their entry script, protocol and main-thread side are public. */
export const WORKER_FOLDERS = ['train', 'calibrate', 'import', 'images', 'sweep'].map(
  (folder) => `${LIB}worker/${folder}`,
);
// A handler or job is the worker's logic without postMessage: tests and the page's inline path
// for small inputs run it in-process.
const WORKER_PUBLIC = /(\.worker\.ts|[pP]rotocol\.ts|client\.svelte\.ts|Handler\.ts|Job\.ts)$/;

/**
 * Modules importable by name from outside their folder. core/train/backend.ts names and
 * orders the backends for the page without TensorFlow.js; through core/train's index the page
 * would reach the trainer, and with it the whole library.
 */
export const NAMED_PUBLIC = new Set([
  `${LIB}core/train/backend.ts`,
  // The bench sets TensorFlow.js up exactly as the training worker does, by the same module.
  `${LIB}worker/train/tfEnvironment.ts`,
]);

/** "`from` must never import `to`" (folder prefixes), each with the reason a reader is given. */
export const FORBIDDEN: { from: string[]; to: string[]; why: string }[] = [
  {
    from: [`${LIB}core/metrics/`],
    to: [`${LIB}core/train/`, `${LIB}core/files/`, `${LIB}core/data/`, `${LIB}settings/`],
    why: 'statistics read logits only: they run in Node, the import worker and the page alike',
  },
  {
    from: [`${LIB}core/sweep/`],
    to: [`${LIB}core/train/`, `${LIB}core/data/`],
    why: 'a sweep reads runs, it never trains one: the page, its workers and Node scripts share it without TensorFlow.js',
  },
  {
    from: [`${LIB}core/`],
    to: ['state/', 'app/', 'components/', 'charts/', 'worker/', 'persist/', 'panels/'].map(
      (folder) => LIB + folder,
    ),
    why: 'the core is pure TypeScript under the page, never above it',
  },
  {
    from: [`${LIB}settings/`],
    to: ['core/train/', 'core/files/', 'state/', 'app/', 'components/', 'worker/'].map(
      (folder) => LIB + folder,
    ),
    why: 'the settings table is read by parsers, the page and the worker, so it imports none of them',
  },
];

/** Where the page's own code lives: none of it may load TensorFlow.js. */
export const PAGE_ROOTS = ['src/App.svelte', 'src/main.ts'];
export const PAGE_FOLDERS = ['components/', 'charts/', 'app/', 'state/', 'panels/'].map(
  (folder) => LIB + folder,
);

export const MAX_LINES = 300;
export const MAX_FILES_PER_FOLDER = 30;

const isTest = (file: string) => /\.test\.ts$/.test(file);
const isFixture = (file: string) => /\.fixture\.ts$|\/fixtures\//.test(file);
const folderOf = (file: string, folders: string[]) =>
  folders.find((folder) => file.startsWith(folder + '/'));

export function cycles(graph: Map<string, Edge[]>): string[] {
  const adjacency = new Map<string, string[]>();
  for (const [file, edges] of graph) {
    adjacency.set(
      file,
      edges.filter((edge) => !edge.external && edge.kind !== 'worker').map((edge) => edge.to),
    );
  }
  return findCycles(adjacency).map((members) => members.join(' ↔ '));
}

export function forbiddenImports(graph: Map<string, Edge[]>): string[] {
  const breaches: string[] = [];
  for (const [file, edges] of graph) {
    if (isTest(file) || isFixture(file)) continue;
    for (const rule of FORBIDDEN) {
      if (!rule.from.some((prefix) => file.startsWith(prefix))) continue;
      for (const edge of edges) {
        if (rule.to.some((prefix) => edge.to.startsWith(prefix))) {
          breaches.push(`${file} imports ${edge.to}: ${rule.why}`);
        }
      }
    }
  }
  return breaches;
}

/** Imports that reach into another folder past its public surface. */
export function internalReaches(graph: Map<string, Edge[]>): string[] {
  const breaches: string[] = [];
  for (const [file, edges] of graph) {
    for (const edge of edges) {
      if (edge.external || edge.kind === 'worker' || NAMED_PUBLIC.has(edge.to)) continue;
      // Test fixtures are shared by tests anywhere, and by the bench, which trains the same runs.
      if (
        isFixture(edge.to) &&
        (isTest(file) || isFixture(file) || file.startsWith('src/bench/'))
      ) {
        continue;
      }
      const indexed = folderOf(edge.to, INDEXED_FOLDERS);
      if (indexed && !file.startsWith(indexed + '/') && edge.to !== `${indexed}/index.ts`) {
        breaches.push(`${file} imports ${edge.to}: use ${indexed}/index.ts`);
      }
      const worker = folderOf(edge.to, WORKER_FOLDERS);
      if (worker && !file.startsWith(worker + '/') && !WORKER_PUBLIC.test(edge.to)) {
        breaches.push(`${file} imports ${edge.to}: internal to ${worker}`);
      }
    }
  }
  return breaches;
}

/** Page modules that load TensorFlow.js, statically or lazily, with the file that imports it. */
export function pageReachesTensorFlow(graph: Map<string, Edge[]>): string[] {
  const roots = [...graph.keys()].filter(
    (file) =>
      !isTest(file) &&
      !isFixture(file) &&
      (PAGE_ROOTS.includes(file) || PAGE_FOLDERS.some((folder) => file.startsWith(folder))),
  );
  const breaches = new Set<string>();
  for (const root of roots) {
    for (const file of reachable(graph, root, (edge) => edge.kind !== 'worker')) {
      const tf = graph
        .get(file)
        ?.find((edge) => edge.external && edge.to.startsWith('@tensorflow/'));
      if (tf) breaches.add(`${root} reaches ${tf.to} through ${file}`);
    }
  }
  return [...breaches];
}

export function oversizedFiles(lineCounts: Map<string, number>): string[] {
  return [...lineCounts]
    .filter(([, lines]) => lines > MAX_LINES)
    .map(([file, lines]) => `${file}: ${lines} lines (at most ${MAX_LINES})`);
}

/** Folders under src/lib holding more than the limit of source files directly. */
export function crowdedFolders(files: string[]): string[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (!file.startsWith(LIB) || isTest(file) || isFixture(file) || file.endsWith('.d.ts'))
      continue;
    counts.set(dirname(file), (counts.get(dirname(file)) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count > MAX_FILES_PER_FOLDER)
    .map(([folder, count]) => `${folder}: ${count} source files (at most ${MAX_FILES_PER_FOLDER})`);
}
