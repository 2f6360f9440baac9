// `npm run regress`: trains every run of a spec in headless Chromium against the production
// build, saves each run file, compares it with its baseline and the spec's checks, prints a
// table, writes an HTML report and exits non-zero on any regression or failed run.
// Usage and spec format: regress/README.md, or `node scripts/regress/run.mjs --help`.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Browsers, runInBrowser } from './browser.mjs';
import {
  BASELINE_FORMAT,
  baselineFromRun,
  checkExpectation,
  checkSpread,
  compareWithBaseline,
  isPassing,
  metricSeries,
  noteRow,
  tolerances,
} from './compare.mjs';
import { formatTable, renderHtml } from './report.mjs';
import { build, serve } from './server.mjs';
import { parseSpec } from './spec.mjs';

const USAGE = `node scripts/regress/run.mjs [options]
  --spec FILE          the runs to do (default regress/spec.json)
  --out DIR            run files, report.html, summary.json (default regress-out)
  --baselines DIR      baseline folder (default regress/baselines)
  --only A,B           only the named spec entries
  --update-baselines   write the baselines from this run instead of comparing
  --no-build           serve an existing build (default folder: dist) instead of building
  --dist DIR           the build folder (default: OUT/dist when building, dist with --no-build)
  --help`;

/** @param {string[]} argv */
function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      spec: { type: 'string', default: 'regress/spec.json' },
      out: { type: 'string', default: 'regress-out' },
      baselines: { type: 'string', default: 'regress/baselines' },
      only: { type: 'string' },
      'update-baselines': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      dist: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const out = /** @type {string} */ (values.out);
  return {
    spec: /** @type {string} */ (values.spec),
    out,
    baselines: /** @type {string} */ (values.baselines),
    only: values.only ? values.only.split(',').map((name) => name.trim()) : null,
    update: Boolean(values['update-baselines']),
    build: !values['no-build'],
    dist: values.dist ?? (values['no-build'] ? 'dist' : path.join(out, 'dist')),
    help: Boolean(values.help),
  };
}

/** @param {string} file */
async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * The baseline rows of one finished run: written in update mode, else compared.
 * @param {import('./spec.mjs').SpecEntry} entry
 * @param {{ run: string, backend: string }} label
 * @param {any} run the downloaded run file
 * @param {string} baselineFile
 * @param {boolean} update
 * @returns {Promise<import('./compare.mjs').Row[]>}
 */
async function baselineRows(entry, label, run, baselineFile, update) {
  if (update) {
    const baseline = baselineFromRun({ ...entry, backend: label.backend }, run, new Date());
    await writeFile(baselineFile, `${JSON.stringify(baseline, null, 1)}\n`);
    return [noteRow(label, 'baseline', 'updated', { now: baselineFile })];
  }
  if (!existsSync(baselineFile)) {
    const cells = { baseline: 'absent', now: baselineFile, limit: 'run --update-baselines' };
    return [noteRow(label, 'baseline', 'NO BASELINE', cells)];
  }
  const baseline = await readJson(baselineFile);
  if (baseline.format !== BASELINE_FORMAT || baseline.hash !== entry.hash) {
    const cells = { baseline: `#${baseline.hash}`, now: `#${entry.hash}`, limit: 'same settings' };
    return [noteRow(label, 'baseline recorded for other settings', 'REGRESSION', cells)];
  }
  return compareWithBaseline(label, baseline, metricSeries(run), tolerances(entry.tolerance));
}

async function main() {
  const args = options(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let entries = parseSpec(await readJson(args.spec));
  if (args.only) {
    const unknown = args.only.filter((name) => !entries.some((entry) => entry.name === name));
    if (unknown.length > 0) throw new Error(`--only: no spec entry named ${unknown.join(', ')}`);
    entries = entries.filter((entry) => args.only?.includes(entry.name));
  }
  const runsDir = path.join(args.out, 'runs');
  await mkdir(runsDir, { recursive: true });
  await mkdir(args.baselines, { recursive: true });
  if (args.build) await build(args.dist);
  const server = await serve(args.dist);
  const browsers = new Browsers();
  const started = Date.now();
  /** @type {import('./compare.mjs').Row[]} */
  const rows = [];
  /** @type {import('./report.mjs').ReportRun[]} */
  const reportRuns = [];
  console.log(`== serving ${args.dist} on ${server.url}`);
  try {
    for (const entry of entries) {
      /** @type {Array<{ label: string, series: Record<string, number[]> }>} */
      const firstOfEachBackend = [];
      for (const backend of entry.backends) {
        /** @type {Array<{ label: string, series: Record<string, number[]> }>} */
        const repeats = [];
        for (let repeat = 1; repeat <= entry.repeat; repeat++) {
          const tag = `${entry.name} ${backend}${entry.repeat > 1 ? ` #${repeat}` : ''}`;
          const file = path.join(
            runsDir,
            `${entry.name}.${backend}${entry.repeat > 1 ? `.${repeat}` : ''}.json`,
          );
          console.log(`[${tag}] starting: #${entry.hash}&backend=${backend}`);
          const runStart = Date.now();
          const outcome = await runInBrowser(browsers, {
            baseUrl: server.url,
            hash: entry.hash,
            backend,
            timeoutSeconds: entry.timeoutSeconds,
            savePath: file,
            onProgress: (text) =>
              console.log(`[${tag}] ${text} (${((Date.now() - runStart) / 1000).toFixed(0)} s)`),
          });
          const now = outcome.run?.epochs ? metricSeries(outcome.run) : {};
          const label = { run: entry.name, backend };
          const baselineFile = path.join(args.baselines, `${entry.name}.${backend}.json`);
          const shownBaseline =
            entry.baseline && !args.update && existsSync(baselineFile)
              ? (await readJson(baselineFile)).metrics
              : null;
          const { error, seconds } = outcome;
          const saved = outcome.run ? file : '';
          reportRuns.push({
            name: entry.name,
            backend,
            repeat,
            hash: entry.hash,
            now,
            error,
            seconds,
            file: saved,
            baseline: shownBaseline,
          });
          if (!outcome.ok) {
            console.log(`[${tag}] FAILED after ${outcome.seconds.toFixed(0)} s: ${outcome.error}`);
            const note =
              outcome.error.length > 160 ? `${outcome.error.slice(0, 159)}…` : outcome.error;
            rows.push(noteRow(label, 'run', 'FAILED', { now: note, limit: 'finishes' }));
            continue;
          }
          console.log(`[${tag}] done in ${outcome.seconds.toFixed(0)} s → ${file}`);
          repeats.push({ label: `#${repeat}`, series: now });
          if (repeat > 1) continue; // baseline and phenomenon checks on the first run only
          firstOfEachBackend.push({ label: backend, series: now });
          if (entry.expect) rows.push(...checkExpectation(label, entry.expect, now));
          if (entry.baseline) {
            rows.push(
              ...(await baselineRows(entry, label, outcome.run, baselineFile, args.update)),
            );
          }
        }
        if (entry.repeat > 1) {
          const check = { metric: 'validationLoss', tolerance: entry.repeatTolerance };
          rows.push(checkSpread(entry.name, `${backend} repeats`, check, repeats));
        }
      }
      if (entry.agree)
        rows.push(
          checkSpread(entry.name, entry.backends.join('/'), entry.agree, firstOfEachBackend),
        );
    }
  } finally {
    await browsers.close();
    await server.stop();
  }
  const passed = rows.every((row) => isPassing(row.verdict));
  console.log(`\n${formatTable(rows)}\n`);
  const report = path.join(args.out, 'report.html');
  const createdAt = new Date().toISOString();
  await writeFile(
    report,
    renderHtml({ title: 'Regression run', createdAt, runs: reportRuns, rows, passed }),
  );
  await writeFile(
    path.join(args.out, 'summary.json'),
    `${JSON.stringify({ createdAt, passed, rows }, null, 1)}\n`,
  );
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const failures = rows.filter((row) => !isPassing(row.verdict)).length;
  console.log(
    `${passed ? 'PASSED' : `FAILED: ${failures} of ${rows.length} checks`} in ${minutes} min · report: ${report}`,
  );
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    if (error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(USAGE);
    process.exit(2);
  },
);
