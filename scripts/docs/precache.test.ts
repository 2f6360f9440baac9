// What the offline service worker precaches, as docs/reliability.md states it, against the list
// the build writes into sw.js (buildPrecacheManifest in scripts/vite/offline.mjs, the function
// the build itself calls) and the files' sizes in static/.
//
// Only the data files are held to a count and a size here. The app's built files are known only
// after a build (content-hashed names, sizes that change with every edit), and this suite runs
// before the build: a count typed into the docs drifted at the next commit (13 files stayed in
// the docs long after lazy panels brought dozens), so the docs give the rule for them and the
// build prints their count and size (`sw.js: precaches N app files (X MB)`).
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PRECACHED_CLASSES,
  PRECACHED_RECORDINGS,
  buildPrecacheManifest,
} from '../vite/offline.mjs';
import { codeSpans, oneLine, readDoc, section, tableRows } from './markdown';

const manifest = buildPrecacheManifest({
  appFiles: [],
  datasetManifestText: readFileSync('static/data/manifest.json', 'utf8'),
  classes: PRECACHED_CLASSES,
  recordings: PRECACHED_RECORDINGS.map((path) => ({ path, content: readFileSync(`static/${path}`) })),
});
/** The two recordings, each named by the docs with its own size. */
const [RECORDED_RUN, RECORDED_SWEEP] = PRECACHED_RECORDINGS;
const bytes = (files: readonly string[]) =>
  files.reduce((sum, file) => sum + statSync(`static/${file}`).size, 0);
/** Decimal megabytes, two places, as the build's log line writes them. */
const megabytes = (files: readonly string[]) => `${(bytes(files) / 1e6).toFixed(2)} MB`;

const faults = tableRows(section(readDoc('docs/reliability.md'), 'Faults and inputs'), 'fault or input');
const offlineRow = faults.find(([fault]) => fault === 'no network after one visit');

describe('the precache as docs/reliability.md states it', () => {
  it('has a row for the offline case', () => {
    expect(offlineRow).toBeDefined();
  });

  it('names every data file and recording the service worker precaches, and only those', () => {
    const named = codeSpans(offlineRow![1]).filter((span) => /^[\w/.-]+\.(json|bin)$/.test(span));
    expect(named).toEqual([...manifest.data, ...manifest.replay]);
  });

  it('gives their count and size in decimal megabytes', () => {
    const row = oneLine(offlineRow![1]);
    expect(row).toContain(`${manifest.data.length} dataset files (${megabytes(manifest.data)})`);
    expect(row).toContain(`the recorded run Replay plays (${megabytes([RECORDED_RUN])})`);
    expect(row).toContain(`the recorded sweep the Sweep view opens (${megabytes([RECORDED_SWEEP])})`);
  });

  it("the README names the recordings' byte costs", () => {
    const readme = oneLine(readDoc('README.md'));
    expect(readme).toContain(`precaches the recorded run (${megabytes([RECORDED_RUN])})`);
    expect(readme).toContain(`the recorded sweep (${megabytes([RECORDED_SWEEP])})`);
  });
});
