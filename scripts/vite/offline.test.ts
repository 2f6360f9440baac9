import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORDED_RUN_URL } from '../../src/lib/app/replayPlayer.svelte';
import { RECORDED_SWEEP_URL } from '../../src/lib/app/recordedSweep';
import { SETTINGS } from '../../src/lib/settings/settings';
import {
  PRECACHED_CLASSES,
  PRECACHED_RECORDINGS,
  buildPrecacheManifest,
  byteLength,
  reachableFiles,
} from './offline.mjs';

const datasetManifestText = readFileSync('static/data/manifest.json', 'utf8');
const recordings = [{ path: 'replay/default-run.json', content: '{"format":"run@2"}' }];
const appFiles = [
  { path: 'index.html', content: '<!doctype html>' },
  { path: 'assets/train.worker-abc.js', content: 'worker' },
  { path: 'assets/index-def.js', content: 'main' },
];

describe('buildPrecacheManifest', () => {
  it('precaches the default pair, the one a workshop opens', () => {
    expect(PRECACHED_CLASSES).toEqual(SETTINGS.classes.default);
  });

  it('precaches the recordings Replay and the Sweep view fetch', () => {
    expect(PRECACHED_RECORDINGS).toEqual([RECORDED_RUN_URL, RECORDED_SWEEP_URL]);
  });

  it('README names the recording’s byte cost as the shipped file has it', () => {
    const megabytes = (statSync(`static/${RECORDED_RUN_URL}`).size / 1e6).toFixed(2);
    expect(readFileSync('README.md', 'utf8').replace(/\s+/g, ' ')).toContain(
      `precaches the recorded run (${megabytes} MB)`,
    );
  });

  it('lists the recording in its own cache, renamed when its content changes, not the app', () => {
    const build = (recorded: typeof recordings, files = appFiles) =>
      buildPrecacheManifest({
        appFiles: files,
        datasetManifestText,
        classes: PRECACHED_CLASSES,
        recordings: recorded,
      });
    const base = build(recordings);
    expect(base.replay).toEqual(['replay/default-run.json']);
    expect(base.replayVersion).toMatch(/^[0-9a-f]{16}$/);
    const rerecorded = build([{ path: 'replay/default-run.json', content: '{"format":"run@3"}' }]);
    expect(rerecorded.replayVersion).not.toBe(base.replayVersion);
    expect(rerecorded.appVersion).toBe(base.appVersion);
    expect(rerecorded.dataVersion).toBe(base.dataVersion);
    const rebuilt = build(recordings, [...appFiles, { path: 'assets/more-z.js', content: '' }]);
    expect(rebuilt.replayVersion).toBe(base.replayVersion);
  });

  it('counts a file’s bytes as UTF-8, as the cache stores them', () => {
    // "z₀" is 2 UTF-16 code units but 4 bytes (₀ is U+2080, three bytes in UTF-8).
    expect(byteLength('z₀')).toBe(4);
    expect(byteLength(new Uint8Array(7))).toBe(7);
  });

  it('lists every built file and the default pair with its manifest', () => {
    const manifest = buildPrecacheManifest({
      appFiles,
      datasetManifestText,
      classes: PRECACHED_CLASSES,
      recordings,
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
      buildPrecacheManifest({
        appFiles: files,
        datasetManifestText,
        classes: PRECACHED_CLASSES,
        recordings,
      }).appVersion;
    const base = version(appFiles);
    expect(version([...appFiles].reverse())).toBe(base);
    expect(
      version([...appFiles.slice(1), { path: 'index.html', content: '<!doctype html> ' }]),
    ).not.toBe(base);
  });

  it('refuses a class the dataset does not have', () => {
    expect(() =>
      buildPrecacheManifest({ appFiles, datasetManifestText, classes: ['unicorn'], recordings }),
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
