// The headless sweep (`npm run sweep`, scripts/sweep/run.mjs; loaded only in the `sweep`
// project, SWEEP=1): one test per (arm, seed) run of the sweep in SWEEP_LINK, so `--shard=i/n`
// spreads a sweep over machines. Each test opens the sweep's link as the regression tests open
// theirs, has the page's SweepRunner train just its run (one WASM thread, as in the Sweep view,
// so every machine gives the same run), and writes that run's sweep@1 file to SWEEP_OUT,
// attached to the report; scripts/sweep/merge.mjs joins them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sweepDefinition, sweepFileText, sweepRuns } from '../src/lib/core/sweep';
import { parseHash } from '../src/lib/settings';
import { expect, test } from './fixtures';
import { askForSweep, sweepFileWhen } from './sweep-page';

const LINK = (process.env.SWEEP_LINK ?? '').replace(/^#/, '');
const OUT = process.env.SWEEP_OUT ?? 'sweep-results/runs';
/** Longer than a default run takes on one WASM thread of a loaded 2-core machine. */
const RUN_TIMEOUT_MS = 60 * 60_000;

const { settings, problems } = parseHash(LINK);
if (problems.length > 0) throw new Error(`SWEEP_LINK: ${JSON.stringify(problems)}`);

for (const run of sweepRuns(sweepDefinition(settings))) {
  test(`${run.arm.name} · seed ${run.seed}`, async ({ page }, testInfo) => {
    test.setTimeout(RUN_TIMEOUT_MS);
    await askForSweep(page, { only: [{ arm: run.arm.name, seed: run.seed }], pool: 1 });
    await page.goto(`/#${LINK}`);
    const file = await sweepFileWhen(page, 'done', RUN_TIMEOUT_MS);
    expect(file.runs.map((one) => [one.arm, one.seed])).toEqual([[run.arm.name, run.seed]]);
    const name = `${String(run.index).padStart(3, '0')}-seed-${run.seed}.json`;
    writeFileSync(path.join(OUT, name), sweepFileText(file));
    await testInfo.attach(name, { path: path.join(OUT, name), contentType: 'application/json' });
  });
}
