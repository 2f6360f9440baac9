// Sweep throughput (issue 24, part 6): the training images of all of a sweep's runs divided by
// its wall time, on a pool of one worker and on the pool the page chooses (pool=0: about one
// single-threaded WASM worker per core), alternately, three times each in one run, so a load
// that drifts over the run touches both alike. The figure is the median of the three paired
// ratios (chosen ÷ one). The sweep is the page's own SweepRunner, started headless as the
// end-to-end tests start it (src/lib/app/sweep/headless.ts); each sweep gets a fresh context.

/**
 * Four runs (smoothing 0 / 0.1 × 2 seeds). The full workload is a sweep's own run, shortened:
 * the default (wide) model at batch 64 on 2,000 images, 5 epochs, about 12 s a run on one core,
 * so a worker's start-up (WASM, the data) weighs about as much as in a 40-epoch sweep. With the
 * small model for 3 epochs (2 s a run) start-up dominated and hid the pool's gain (1.48×).
 */
const WORKLOADS = {
  quick: { train: 512, epochs: 2, model: 'small', batch: 32 },
  full: { train: 2000, epochs: 5, model: 'wide', batch: 64 },
};
const REPEATS = 3;
const SWEEP_TIMEOUT_MS = 15 * 60_000;
/** Wall time is read by polling the runner's state this often (well under 1 % of a sweep). */
const POLL_MS = 50;
/** The target on a 2-core machine. */
export const SWEEP_SPEEDUP_TARGET = 1.6;

const median = (/** @type {number[]} */ values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One sweep on `pool` workers (0 = the page's choice): its wall seconds, training images and
 * the pool it ran on.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {string} hash
 * @param {number} pool
 */
async function timeSweep(browser, baseUrl, hash, pool) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript((pool) => {
      /** @type {any} */ (globalThis).__playgroundTestHooks = { sweep: { pool } };
      // Main-thread tasks over 50 ms, with their start, to find the longest while it trains.
      /** @type {any} */ (globalThis).__sweepLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          /** @type {any} */ (globalThis).__sweepLongTasks.push([entry.startTime, entry.duration]);
        }
      }).observe({ type: 'longtask', buffered: true });
    }, pool);
    await page.goto(`${baseUrl}/#${hash}`);
    await page.waitForFunction(() => globalThis.__playgroundSweep?.state === 'running', null, {
      timeout: 60_000,
      polling: POLL_MS,
    });
    const started = Date.now();
    const startedAt = await page.evaluate(() => performance.now());
    await page.waitForFunction(
      () => {
        const runner = globalThis.__playgroundSweep;
        if (runner?.error) throw new Error(runner.error);
        return runner?.state === 'done';
      },
      null,
      { timeout: SWEEP_TIMEOUT_MS, polling: POLL_MS },
    );
    const seconds = (Date.now() - started) / 1000;
    const { images, poolSize, longestTaskMs } = await page.evaluate((startedAt) => {
      /** @type {[number, number][]} */
      const tasks = /** @type {any} */ (globalThis).__sweepLongTasks;
      const during = tasks.filter(([start]) => start >= startedAt).map(([, duration]) => duration);
      return {
        images: globalThis.__playgroundSweep?.progress.totalImages ?? 0,
        poolSize: globalThis.__playgroundSweep?.poolSize ?? 0,
        longestTaskMs: Math.max(0, ...during),
      };
    }, startedAt);
    return { seconds, images, imagesPerSecond: images / seconds, pool: poolSize, longestTaskMs };
  } finally {
    await context.close();
  }
}

/**
 * @param {{ baseUrl: string, launch: (backend: 'wasm') => Promise<import('@playwright/test').Browser>,
 *   profile: string, log: (line: string) => void }} context
 */
export async function measureSweepThroughput({ baseUrl, launch, profile, log }) {
  const workload = profile === 'quick' ? WORKLOADS.quick : WORKLOADS.full;
  const hash =
    `classes=pullover,coat&train=${workload.train}&val=200&epochs=${workload.epochs}` +
    `&batch=${workload.batch}&model=${workload.model}&seed=1&backend=wasm&sweep=smoothing(0,0.1)&seeds=2`;
  const browser = await launch('wasm');
  try {
    /** @type {{ one: any, chosen: any }[]} */
    const pairs = [];
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      const one = await timeSweep(browser, baseUrl, hash, 1);
      const chosen = await timeSweep(browser, baseUrl, hash, 0);
      log(
        `sweep ${repeat}/${REPEATS}: pool 1 ${one.imagesPerSecond.toFixed(0)} images/s, ` +
          `pool ${chosen.pool} ${chosen.imagesPerSecond.toFixed(0)} images/s`,
      );
      pairs.push({ one, chosen });
    }
    const ratios = pairs.map(({ one, chosen }) => chosen.imagesPerSecond / one.imagesPerSecond);
    return {
      hash,
      pool: pairs[0].chosen.pool,
      pairs,
      medianOne: median(pairs.map(({ one }) => one.imagesPerSecond)),
      medianChosen: median(pairs.map(({ chosen }) => chosen.imagesPerSecond)),
      medianRatio: median(ratios),
      ratios,
      target: SWEEP_SPEEDUP_TARGET,
      longestTaskMs: Math.max(
        ...pairs.flatMap(({ one, chosen }) => [one, chosen].map((s) => s.longestTaskMs)),
      ),
    };
  } finally {
    await browser.close();
  }
}

/** The section the report prints. @param {Awaited<ReturnType<typeof measureSweepThroughput>>} sweep */
export function sweepMarkdown(sweep) {
  const met = sweep.medianRatio >= sweep.target ? 'met' : 'NOT met';
  return [
    '## Sweep throughput',
    '',
    `Training images of all runs ÷ sweep wall time, ${sweep.pairs.length} × each pool, alternately (\`${sweep.hash}\`).`,
    '',
    '| pool | median images/s | runs |',
    '| --- | --- | --- |',
    `| 1 | ${sweep.medianOne.toFixed(0)} | ${sweep.pairs.map(({ one }) => one.imagesPerSecond.toFixed(0)).join(', ')} |`,
    `| ${sweep.pool} (chosen) | ${sweep.medianChosen.toFixed(0)} | ${sweep.pairs.map(({ chosen }) => chosen.imagesPerSecond.toFixed(0)).join(', ')} |`,
    '',
    `Median ratio ${sweep.medianRatio.toFixed(2)}× (pairs ${sweep.ratios.map((r) => r.toFixed(2)).join(', ')}); target ≥ ${sweep.target}×: ${met}.`,
    `Longest main-thread task while a sweep trained: ${sweep.longestTaskMs.toFixed(0)} ms (limit 200 ms).`,
  ].join('\n');
}
