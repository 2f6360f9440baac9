// The shape of the tree, checked on every test run: no import cycles (type-only imports and
// .svelte files included), the layer rules and public surfaces of docs/architecture.md, no
// source file over 300 lines and no crowded folder. Each check is first shown to catch a
// made-up breach, so a passing run means the rule held, not that the check saw nothing.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, type Edge, importSpecifiers } from './importGraph';
import {
  crowdedFolders,
  cycles,
  forbiddenImports,
  internalReaches,
  oversizedFiles,
  pageReachesTensorFlow,
} from './rules';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Tracked files and new ones git does not ignore, so an uncommitted file is checked too. */
function repoFiles(...folders: string[]): string[] {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...folders], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}
const existing = (files: string[]) =>
  files.filter((file) => {
    try {
      readFileSync(ROOT + file);
      return true;
    } catch {
      return false;
    }
  });

const sourceFiles = existing(repoFiles('src')).filter((file) => /\.(ts|svelte)$/.test(file));
const { graph, unresolved } = buildGraph(ROOT, sourceFiles);

const edge = (to: string, kind: Edge['kind'] = 'static'): Edge => ({ to, kind, external: false });
const tf: Edge = { to: '@tensorflow/tfjs', kind: 'static', external: true };
const fake = (entries: [string, Edge[]][]) => new Map(entries);

describe('import reader', () => {
  it('finds static, type-only, re-export, side-effect, dynamic and worker imports, not comments', () => {
    const text = [
      "import { a } from './a';",
      "import type {\n  B,\n} from './b';",
      "export * from './c';",
      "import './d.css';",
      "const e = () => import('./e.svelte');",
      "new Worker(new URL('./f.worker.ts', import.meta.url));",
      "// import { g } from './g';",
      "/** see import('./h') */",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      { spec: './a', kind: 'static' },
      { spec: './b', kind: 'static' },
      { spec: './c', kind: 'static' },
      { spec: './d.css', kind: 'static' },
      { spec: './e.svelte', kind: 'dynamic' },
      { spec: './f.worker.ts', kind: 'worker' },
    ]);
  });

  it('resolves every relative import in src/', () => {
    expect(unresolved).toEqual([]);
    expect(graph.size).toBeGreaterThan(300);
  });
});

describe('no import cycles', () => {
  it('catches a cycle that closes through a type-only import in a .svelte file', () => {
    const found = cycles(
      fake([
        ['a.ts', [edge('b.svelte')]],
        ['b.svelte', [edge('a.ts')]],
      ]),
    );
    expect(found).toEqual(['a.ts ↔ b.svelte']);
  });

  it('holds in src/', () => {
    expect(cycles(graph)).toEqual([]);
  });
});

describe('layers point one way', () => {
  it('catches metrics importing training, and the core importing page state', () => {
    const found = forbiddenImports(
      fake([
        ['src/lib/core/metrics/x.ts', [edge('src/lib/core/train/model.ts')]],
        ['src/lib/core/files/y.ts', [edge('src/lib/state/story/caption.ts')]],
      ]),
    );
    expect(found).toHaveLength(2);
  });

  it('holds in src/', () => {
    expect(forbiddenImports(graph)).toEqual([]);
  });

  it('catches a reach past a folder’s index.ts or into a worker’s internals', () => {
    const found = internalReaches(
      fake([
        ['src/lib/app/x.ts', [edge('src/lib/core/metrics/brier.ts')]],
        ['src/lib/app/y.ts', [edge('src/lib/worker/train/runController.ts')]],
        ['src/lib/app/z.ts', [edge('src/lib/core/metrics/index.ts')]],
      ]),
    );
    expect(found).toHaveLength(2);
  });

  it('holds in src/: other folders import each other’s public surface only', () => {
    expect(internalReaches(graph)).toEqual([]);
  });

  it('catches page code that reaches TensorFlow.js through another module', () => {
    const found = pageReachesTensorFlow(
      fake([
        ['src/lib/components/A.svelte', [edge('src/lib/core/train/index.ts')]],
        ['src/lib/core/train/index.ts', [tf]],
      ]),
    );
    expect(found).toEqual([
      'src/lib/components/A.svelte reaches @tensorflow/tfjs through src/lib/core/train/index.ts',
    ]);
  });

  it('holds in src/: the page never loads TensorFlow.js (workers do)', () => {
    expect(pageReachesTensorFlow(graph)).toEqual([]);
  });
});

describe('small files, uncrowded folders', () => {
  const checked = existing(repoFiles('src', 'scripts', 'e2e')).filter((file) =>
    /\.(ts|svelte|js|mjs|css)$/.test(file),
  );
  const lineCounts = new Map(
    checked.map((file) => [
      file,
      readFileSync(ROOT + file, 'utf8')
        .replace(/\n$/, '')
        .split('\n').length,
    ]),
  );

  it('catches a file of 301 lines and a folder of 31 source files', () => {
    expect(
      oversizedFiles(
        new Map([
          ['a.ts', 301],
          ['b.ts', 300],
        ]),
      ),
    ).toEqual(['a.ts: 301 lines (at most 300)']);
    const folder = Array.from({ length: 31 }, (_, i) => `src/lib/x/m${i}.ts`);
    expect(crowdedFolders([...folder, 'src/lib/x/m0.test.ts'])).toHaveLength(1);
    expect(crowdedFolders(folder.slice(1))).toEqual([]);
  });

  it('holds: no source file in src, scripts or e2e over 300 lines', () => {
    expect(checked.length).toBeGreaterThan(300);
    expect(oversizedFiles(lineCounts)).toEqual([]);
  });

  it('holds: no folder under src/lib with more than 30 source files', () => {
    expect(crowdedFolders(sourceFiles)).toEqual([]);
  });
});
