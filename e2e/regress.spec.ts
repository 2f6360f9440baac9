// The regression sweep (`npm run regress`; only loaded when REGRESS=1, see playwright.config.ts):
// one test per regress/spec.json entry × backend, which trains the entry in the production app
// as a person would (open the link with autostart, wait for "done", press Download run) and
// holds the run file to its baseline, its repeats and the phenomenon with `expect`. Format and
// flags: regress/README.md.
//
// Agreement between backends is a test of its own per entry with `agree`: it trains each
// backend up to `agree.epoch` side by side (same seed, so same initial weights) and compares
// them there. Keeping every test self-contained costs that short re-run, and buys sharding: any
// test can land on any CI machine (`--shard=i/n`) without waiting for another's results.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium, expect, test, type TestInfo } from '@playwright/test';
import { BACKEND_ARGS, launchOptions } from '../scripts/chromium.mjs';
import {
  baselineFromRun,
  largestDifference,
  metricSeries,
  parseSpec,
  phenomenon,
  worstEpoch,
  type SpecEntry,
} from '../scripts/regress/compare.mjs';
import { curvesSvg } from '../scripts/regress/curves.mjs';
import type { RunFile } from '../src/lib/core/files/runFile';

const SPEC = parseSpec(
  JSON.parse(readFileSync('regress/spec.json', 'utf8')),
  Object.keys(BACKEND_ARGS),
);
/** `UPDATE_BASELINES=1 npm run regress`: write the baselines instead of comparing. */
const UPDATE = process.env.UPDATE_BASELINES === '1';
/** Loading the page and the dataset and starting a backend, on top of the spec's run time. */
const START_MS = 120_000;

const baselineFile = (name: string, backend: string) => `regress/baselines/${name}.${backend}.json`;

/**
 * Trains `hash` on `backend` in a Chromium of its own (WebGPU needs a flag the others do not),
 * fails on an error banner, a console or page error, or a fallback to another backend, and
 * returns the run file that Download run gives (attached to the report as `label`).
 */
async function train(
  hash: string,
  backend: string,
  timeoutSeconds: number,
  testInfo: TestInfo,
  label: string,
): Promise<RunFile> {
  const browser = await chromium.launch(launchOptions(backend));
  try {
    const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.goto(`/#${hash}&backend=${backend}&autostart=1`);
    const timeout = timeoutSeconds * 1000;
    const done = expect(page.getByTestId('status')).toHaveText(/\bdone\b/i, { timeout });
    const banner = page.getByTestId('error');
    const failed = banner.waitFor({ state: 'visible', timeout }).then(async () => {
      throw new Error(`the page shows an error: ${await banner.innerText()}`);
    });
    done.catch(() => {});
    failed.catch(() => {});
    await Promise.race([done, failed]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download run' }).click();
    const path = await (await download).path();
    await testInfo.attach(`${label}.json`, { path, contentType: 'application/json' });
    const run = JSON.parse(readFileSync(path, 'utf8')) as RunFile;
    expect(run.environment.backend, `${label} ran on the backend it asked for`).toBe(backend);
    expect(errors, `${label}: console and page errors`).toEqual([]);
    return run;
  } finally {
    await browser.close();
  }
}

function checkBaseline(entry: SpecEntry, backend: string, run: RunFile): Record<string, number[]> {
  const file = baselineFile(entry.name, backend);
  if (UPDATE) {
    const baseline = baselineFromRun(entry, backend, run);
    writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
    return baseline.metrics;
  }
  let baseline;
  try {
    baseline = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`No baseline ${file}: record it with UPDATE_BASELINES=1 npm run regress`);
  }
  expect(baseline.hash, `${file} was recorded for another hash`).toBe(entry.hash);
  const now = metricSeries(run);
  for (const metric of Object.keys(entry.tolerance)) {
    if (!baseline.metrics[metric] && !now[metric]) continue;
    const { abs, rel } = entry.tolerance[metric];
    const worst = worstEpoch(baseline.metrics[metric], now[metric], entry.tolerance[metric]);
    expect
      .soft(
        worst.share,
        `${metric} at epoch ${worst.epoch}: baseline ${worst.baseline}, now ${worst.now}; ` +
          `share of the tolerance ±(${abs} + ${rel}·|baseline|) used`,
      )
      .toBeLessThanOrEqual(1);
  }
  return baseline.metrics;
}

for (const entry of SPEC) {
  for (const backend of entry.backends) {
    test(`${entry.name} · ${backend}`, { tag: `@${backend}` }, async ({}, testInfo) => {
      test.setTimeout(entry.repeat * (entry.timeoutSeconds * 1000 + START_MS));
      const runs: RunFile[] = [];
      for (let repeat = 1; repeat <= entry.repeat; repeat++) {
        const label = `${entry.name}.${backend}${repeat > 1 ? `.${repeat}` : ''}`;
        runs.push(await train(entry.hash, backend, entry.timeoutSeconds, testInfo, label));
      }
      const now = metricSeries(runs[0]);
      const baseline = entry.baseline ? checkBaseline(entry, backend, runs[0]) : null;
      await testInfo.attach('curves.svg', {
        body: curvesSvg(baseline, now),
        contentType: 'image/svg+xml',
      });
      if (runs.length > 1) {
        const drift = largestDifference(runs.map((run) => metricSeries(run).validationLoss));
        expect
          .soft(drift, 'validationLoss drift between repeats')
          .toBeLessThanOrEqual(entry.repeatTolerance);
      }
      if (entry.expect) {
        const { lossRise, accuracyDropPoints } = phenomenon(now);
        const { lossRiseAtLeast, accuracyWithinPoints } = entry.expect;
        if (lossRiseAtLeast !== undefined) {
          expect
            .soft(lossRise, 'validation loss: last / lowest − 1')
            .toBeGreaterThanOrEqual(lossRiseAtLeast);
        }
        if (accuracyWithinPoints !== undefined) {
          expect
            .soft(accuracyDropPoints, 'validation accuracy: best − last, in points')
            .toBeLessThanOrEqual(accuracyWithinPoints);
        }
      }
    });
  }
  const { agree } = entry;
  if (agree) {
    test(`${entry.name} · agree (${entry.backends.join(', ')})`, async ({}, testInfo) => {
      test.setTimeout(entry.backends.length * (entry.timeoutSeconds * 1000 + START_MS));
      const epochs = `epochs=${agree.epoch}`;
      const hash = /(^|&)epochs=/.test(entry.hash)
        ? entry.hash.replace(/(^|&)epochs=\d+/, `$1${epochs}`)
        : `${entry.hash}&${epochs}`;
      const values: number[][] = [];
      for (const backend of entry.backends) {
        const label = `${entry.name}.${backend}.agree`;
        const run = await train(hash, backend, entry.timeoutSeconds, testInfo, label);
        values.push(metricSeries(run)[agree.metric] ?? []);
      }
      const spread = largestDifference(values, agree.epoch);
      expect(
        spread,
        `${agree.metric} at epoch ${agree.epoch} on ${entry.backends.join(', ')}: ${values
          .map((series) => series[agree.epoch - 1])
          .join(', ')}`,
      ).toBeLessThanOrEqual(agree.tolerance);
    });
  }
}
