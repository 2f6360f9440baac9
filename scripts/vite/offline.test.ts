import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/lib/settings/settings';
import { PRECACHED_CLASSES, buildPrecacheManifest, reachableFiles } from './offline.mjs';

const datasetManifestText = readFileSync('static/data/manifest.json', 'utf8');
const appFiles = [
  { path: 'index.html', content: '<!doctype html>' },
  { path: 'assets/train.worker-abc.js', content: 'worker' },
  { path: 'assets/index-def.js', content: 'main' },
];

describe('buildPrecacheManifest', () => {
  it('precaches the default pair, the one a workshop opens', () => {
    expect(PRECACHED_CLASSES).toEqual(SETTINGS.classes.default);
  });

  it('lists every built file and the default pair with its manifest', () => {
    const manifest = buildPrecacheManifest({
      appFiles,
      datasetManifestText,
      classes: PRECACHED_CLASSES,
    });
    expect(manifest.app).toEqual([
      'assets/index-def.js',
      'assets/train.worker-abc.js',
      'index.html',
    ]);
    expect(manifest.data).toEqual([
      'data/manifest.json',
      'data/pullover-train.bin',
      'data/pullover-test.bin',
      'data/coat-train.bin',
      'data/coat-test.bin',
    ]);
    expect(manifest.appVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(manifest.dataVersion).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes the app version when any file changes, not when the order does', () => {
    const version = (files: typeof appFiles) =>
      buildPrecacheManifest({ appFiles: files, datasetManifestText, classes: PRECACHED_CLASSES })
        .appVersion;
    const base = version(appFiles);
    expect(version([...appFiles].reverse())).toBe(base);
    expect(
      version([...appFiles.slice(1), { path: 'index.html', content: '<!doctype html> ' }]),
    ).not.toBe(base);
  });

  it('refuses a class the dataset does not have', () => {
    expect(() =>
      buildPrecacheManifest({ appFiles, datasetManifestText, classes: ['unicorn'] }),
    ).toThrow(/unicorn/);
  });
});

describe('reachableFiles', () => {
  it('follows names from index.html through chunks and CSS, and leaves other pages out', () => {
    const files = [
      { path: 'index.html', content: '<script src="./assets/index-a.js"></script>' },
      {
        path: 'assets/index-a.js',
        content: 'new URL("assets/train.worker-b.js", import.meta.url)',
      },
      { path: 'assets/train.worker-b.js', content: 'import "./shared-c.js"' },
      { path: 'assets/shared-c.js', content: '' },
      { path: 'assets/index-d.css', content: '' },
      { path: 'bench.html', content: '<script src="./assets/bench-e.js"></script>' },
      { path: 'assets/bench-e.js', content: 'import "./shared-c.js"' },
    ];
    expect(reachableFiles('index.html', files).map((file) => file.path)).toEqual([
      'index.html',
      'assets/index-a.js',
      'assets/train.worker-b.js',
      'assets/shared-c.js',
    ]);
  });

  it('takes the CSS the bundler links to a lazily loaded chunk, though no text names it', () => {
    const files = [
      { path: 'index.html', content: '<script src="./assets/index-a.js"></script>' },
      { path: 'assets/index-a.js', content: 'import("./Panel-b.js")' },
      { path: 'assets/Panel-b.js', content: '', links: ['assets/Panel-c.css'] },
      { path: 'assets/Panel-c.css', content: '' },
      { path: 'assets/Other-d.css', content: '' },
    ];
    expect(reachableFiles('index.html', files).map((file) => file.path)).toEqual([
      'index.html',
      'assets/index-a.js',
      'assets/Panel-b.js',
      'assets/Panel-c.css',
    ]);
  });
});
