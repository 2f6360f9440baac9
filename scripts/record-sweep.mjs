// Records the sweep the Sweep view opens at once: the app itself trains every (arm, seed) run of
// a sweep in headless Chromium, each page's own "Download run" button saves the run file, and
// this script reads each file with the app's own code (core/files, core/sweep, loaded through
// Vite) into one sweep@1 file without per-epoch logits, marked `recorded`.
//   npx vite build --outDir /tmp/dist-record && node scripts/record-sweep.mjs /tmp/dist-record
// Options: a second argument names the output (default static/replay/remedies-sweep.json);
// SWEEP_HASH=... the sweep's link (default: the Remedies preset, 3 seeds, default settings on
// WASM: 7 arms × 3 seeds × 40 epochs × 2000 images, ~30 min on a 2-core machine); SWEEP_POOL=2
// pages train at once; SWEEP_CACHE=<folder> keeps each run's file there, so a rerun trains only
// the runs it lacks. A reduced recording (e.g. SWEEP_HASH='#sweep=remedies&seeds=3&train=500
// &epochs=20') says so in its own link, which the page reads to label it.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { runnerImport } from 'vite';
import { launchOptions } from './chromium.mjs';
import { startPreview } from './preview.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'dist'));
const out = path.resolve(
  process.argv[3] ?? path.join(REPO_ROOT, 'static/replay/remedies-sweep.json'),
);
const sweepHash = process.env.SWEEP_HASH ?? '#sweep=remedies&seeds=3';
const pool = Number(process.env.SWEEP_POOL ?? 2);
const cache = process.env.SWEEP_CACHE ? path.resolve(process.env.SWEEP_CACHE) : null;
/** A poll, not a test: each page's status is read this often while its run trains. */
const POLL_MS = 5_000;
/** Longer than any default run should take on WASM (~10 min on a loaded machine). */
const RUN_TIMEOUT_MS = 60 * 60_000;

/** @param {...unknown} parts */
const log = (...parts) => console.log(new Date().toISOString(), ...parts);

/** The app's own TypeScript, so the file is read and summarised exactly as the page would. */
const load = async (/** @type {string} */ file) =>
  (await runnerImport(path.join(REPO_ROOT, file), { configFile: false, logLevel: 'warn' })).module;
/** @type {typeof import('../src/lib/settings')} */
const settingsModule = await load('src/lib/settings/index.ts');
/** @type {typeof import('../src/lib/core/sweep')} */
const sweep = await load('src/lib/core/sweep/index.ts');
/** @type {typeof import('../src/lib/core/files')} */
const files = await load('src/lib/core/files/index.ts');

const parsedLink = settingsModule.parseHash(sweepHash);
if (parsedLink.problems.length > 0) throw new Error(JSON.stringify(parsedLink.problems));
const definition = sweep.sweepDefinition(parsedLink.settings);
const runs = sweep.sweepRuns(definition);
if (runs.length === 0) throw new Error(`${sweepHash} defines no sweep`);
log(`${definition.arms.length} arms × ${definition.seeds.length} seeds = ${runs.length} runs`);

/**
 * One run: the page trains it from its link on WASM and its Download run button gives its file.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {(typeof runs)[number]} run
 */
async function trainRun(browser, url, run) {
  const hash = settingsModule.formatHash({ ...run.settings, backend: 'wasm', autostart: true });
  // Named by the run's whole link: a changed setting never reuses another run's file.
  const name = createHash('sha256').update(hash).digest('hex').slice(0, 24);
  const cached = cache && path.join(cache, `${name}.json`);
  const started = Date.now();
  const text = await readFile(cached ?? '', 'utf8').catch(async () => {
    const trained = await downloadTrainedRun(browser, `${url}${hash}`, run.arm.name);
    if (cached) await writeFile(cached, trained);
    return trained;
  });
  return sweepRun(run, text, (Date.now() - started) / 1000);
}

/**
 * The page trains the run its link sets and its Download run button gives the file.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} address
 * @param {string} name
 */
async function downloadTrainedRun(browser, address, name) {
  const page = await browser.newPage({ acceptDownloads: true });
  try {
    const started = Date.now();
    await page.goto(address);
    for (;;) {
      const status = (await page.getByTestId('status').textContent()) ?? '';
      if (/done/i.test(status)) break;
      if (await page.getByTestId('error').isVisible()) {
        throw new Error(await page.getByTestId('error').innerText());
      }
      if (Date.now() - started > RUN_TIMEOUT_MS) throw new Error(`${name} timed out`);
      await page.waitForTimeout(POLL_MS);
    }
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download run' }).click();
    return await readFile(await (await downloadPromise).path(), 'utf8');
  } finally {
    await page.close();
  }
}

/**
 * A sweep's run from a run file, read and summarised by the app's own code.
 * @param {(typeof runs)[number]} run
 * @param {string} text
 * @param {number} seconds
 */
function sweepRun(run, text, seconds) {
  const parsed = files.parseRunFile(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const file = parsed.run;
  if (file.epochLogits === null) throw new Error('the run file has no logits');
  const { summary, curves } = sweep.summarizeRun({
    seed: run.seed,
    labels: Uint16Array.from(file.validation.labels),
    epochs: file.epochs,
    epochLogits: file.epochLogits,
    // After early stopping the run holds its restored best epoch (docs/run-file.md).
    heldEpoch: file.earlyStop?.bestEpoch,
  });
  const imagesPerSecond =
    file.epochs.reduce((sum, epoch) => sum + epoch.imagesPerSecond, 0) / file.epochs.length;
  log(
    `${run.arm.name} seed ${run.seed}: ${file.epochs.length} epochs in ${seconds.toFixed(0)} s,`,
    `final NLL ${summary.finalNll.toFixed(4)}, ECE ${summary.finalEce.toFixed(4)}`,
  );
  return {
    arm: run.arm.name,
    seed: run.seed,
    summary,
    curves,
    imagesPerSecond,
    environment: {
      backend: file.environment.backend,
      pool,
      userAgent: file.environment.userAgent,
    },
  };
}

if (cache) await mkdir(cache, { recursive: true });
const preview = await startPreview(outDir);
const browser = await chromium.launch(launchOptions('wasm'));
try {
  const started = Date.now();
  /** @type {Awaited<ReturnType<typeof trainRun>>[]} */
  const finished = [];
  let next = 0;
  // `pool` pages take runs in (arm, seed) order; the result does not depend on who trains what.
  const worker = async () => {
    for (let index = next++; index < runs.length; index = next++) {
      finished.push(await trainRun(browser, preview.url, runs[index]));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, pool) }, worker));
  const file = sweep.buildSweepFile({
    definition,
    runs: finished,
    createdAt: new Date(),
    recorded: true,
  });
  // For readers of the raw file; the page labels the recording from its link.
  const recordedBy = {
    script: 'scripts/record-sweep.mjs',
    sweepHash,
    minutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
  };
  const text = JSON.stringify({ ...file, recordedBy });
  const check = sweep.parseSweepFile(text);
  if (!check.ok) throw new Error(check.error);
  await writeFile(out, text);
  log(`${finished.length} runs in ${recordedBy.minutes} min; ${text.length} bytes written to`, out);
} finally {
  await browser.close();
  await preview.close();
}
