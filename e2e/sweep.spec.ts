// A small sweep in the page (issue 24): smoothing 0 vs 0.1 × seeds 7 and 8 on the tiny run
// (small model, 64 training images, 2 epochs), trained by the SweepRunner's pool of workers
// without the Sweep view (e2e/sweep-page.ts). Its results must not depend on the pool size, a
// reload mid-sweep must keep the finished runs and train the rest, and every run is stored as
// a normal run tagged with its sweep. Two shards of the headless sweep (`npm run sweep`) merge
// to the same file as one machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withoutVolatile } from '../src/lib/core/sweep';
import { expect, test } from './fixtures';
import { askForSweep, storedSweepRuns, sweepFileWhen } from './sweep-page';
import { tinyWith } from './tiny-hash';

const SWEEP = tinyWith({ sweep: 'smoothing(0,0.1)', seeds: 2 });
const ORDER = ['smoothing=0/7', 'smoothing=0/8', 'smoothing=0.1/7', 'smoothing=0.1/8'];
const SWEEP_MS = 120_000;

test('a sweep on two workers gives the results of the same sweep on one', async ({ browser }) => {
  const files = [];
  for (const pool of [2, 1]) {
    const page = await browser.newPage();
    await askForSweep(page, { pool });
    await page.goto(`/#${SWEEP}`);
    const file = await sweepFileWhen(page, 'done', SWEEP_MS);
    expect(await page.evaluate(() => globalThis.__playgroundSweep?.poolSize)).toBe(pool);
    expect(file.runs.map((run) => `${run.arm}/${run.seed}`)).toEqual(ORDER);
    expect(new Set(file.runs.map((run) => run.environment.pool))).toEqual(new Set([pool]));
    expect(new Set(file.runs.map((run) => run.environment.backend))).toEqual(new Set(['wasm']));
    const stored = await storedSweepRuns(page);
    expect(stored.map(([, arm, seed, finished]) => `${arm}/${seed}/${finished}`).sort()).toEqual(
      ORDER.map((run) => `${run}/true`).sort(),
    );
    files.push(file);
    await page.close();
  }
  expect(withoutVolatile(files[0])).toEqual(withoutVolatile(files[1]));
  // Smoothing 0.1 moves the figures: the two arms are not the same run twice.
  expect(files[0].runs[0].summary.finalNll).not.toBe(files[0].runs[2].summary.finalNll);
});

test('a reload mid-sweep keeps the finished runs and trains the rest', async ({ page }) => {
  await askForSweep(page, { pool: 1 }, { resume: true, pool: 1 });
  await page.goto(`/#${SWEEP}`);
  const before = await sweepFileWhen(page, 1, SWEEP_MS);
  await page.reload();
  const after = await sweepFileWhen(page, 'done', SWEEP_MS);
  expect(after.runs.map((run) => `${run.arm}/${run.seed}`)).toEqual(ORDER);
  // Kept as they were, not trained again: the very same entries, volatile fields included.
  expect(after.runs.slice(0, before.runs.length)).toEqual(before.runs);
  const stored = await storedSweepRuns(page);
  expect(new Set(stored.map(([id]) => id)).size).toBe(1);
  // The run cut by the reload is trained again from its start (a sweep keeps whole runs only).
  const finished = stored.filter(([, , , done]) => done).map(([, arm, seed]) => `${arm}/${seed}`);
  expect([...new Set(finished)].sort()).toEqual([...ORDER].sort());
});

/** `npm run sweep -- …` in a child process; resolves with its exit status and output. */
function sweepCommand(args: string[], port: number): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'sweep', '--', '--no-build', ...args], {
      env: { ...process.env, E2E_PORT: String(port) },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

test('two shards of `npm run sweep` merge to the one-machine sweep', async ({ page }, testInfo) => {
  test.setTimeout(3 * SWEEP_MS);
  const link = tinyWith({ sweep: 'smoothing(0,0.1)', seeds: 1 });
  // Outside test-results/: a shard's Playwright must not touch this run's output folder.
  const out = mkdtempSync(path.join(tmpdir(), 'sweep-shards-'));
  // Each shard's Playwright serves the build on a port of its own, so they run side by side.
  const port = Number(new URL(testInfo.project.use.baseURL ?? '').port);
  const shards = await Promise.all(
    ['1/2', '2/2'].map((shard, k) =>
      sweepCommand([`--link=${link}`, `--out=${out}`, `--shard=${shard}`], port + 51 + k),
    ),
  );
  for (const shard of shards) expect(shard.status, shard.output).toBe(0);
  const merged = await new Promise<number>((resolve) =>
    spawn('node', ['scripts/sweep/merge.mjs', `${out}/runs`, `--out=${out}`], {
      stdio: 'inherit',
    }).on('close', (status) => resolve(status ?? 1)),
  );
  expect(merged).toBe(0);
  const fromShards = JSON.parse(readFileSync(`${out}/sweep.json`, 'utf8'));
  await askForSweep(page, { pool: 2 });
  await page.goto(`/#${link}`);
  const oneMachine = await sweepFileWhen(page, 'done', SWEEP_MS);
  expect(fromShards.runs).toHaveLength(2);
  expect(withoutVolatile(fromShards)).toEqual(withoutVolatile(oneMachine));
  rmSync(out, { recursive: true, force: true });
});
