// A large imported run keeps the page responsive: 20,000 examples × 10 classes × 3 epochs.
// Parsing and every per-epoch figure run in the import worker, and the temperature panel fits
// T, compares the post-hoc fixes and answers its slider in the calibration worker, so after
// the file is dropped no main-thread task may run long. Long tasks are recorded by a
// PerformanceObserver installed before the page's own scripts run.
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY } from './fixtures';
import { showView } from './views';

const EXAMPLES = 20_000;
const EPOCHS = 3;
const CLASSES = 10;
/**
 * The longest main-thread task allowed after the import starts. A frame is 16 ms and the
 * project's budget for a long task is 50 ms; this is looser for a slow, shared CI machine.
 * Measured on a loaded 2-core machine: 0–126 ms with the fit in the worker (the rest is other
 * panels' charts and lists), 191–275 ms when T was fitted inline by the 86-pass search.
 */
const LONGEST_TASK_MS = 200;

/**
 * A 10-class run, deterministic from the example index: the true class leads by a margin that
 * grows every epoch, 80 % of examples are right, the rest lean to the next class.
 */
function largeRun(): Buffer {
  const labels = Array.from({ length: EXAMPLES }, (_, i) => i % CLASSES);
  const epochs = Array.from({ length: EPOCHS }, (_, e) => ({
    epoch: e + 1,
    logits: labels.map((label, i) => {
      const row = Array.from({ length: CLASSES }, (_, k) => (((i * 31 + k * 17) % 23) - 11) / 10);
      const favoured = i % 5 === 0 ? (label + 1) % CLASSES : label;
      row[favoured] += (1 + ((i * 7919) % 100) / 50) * (1 + 0.5 * e);
      return row.map((value) => Math.round(value * 1000) / 1000);
    }),
  }));
  const classes = Array.from({ length: CLASSES }, (_, k) => `class ${k}`);
  return Buffer.from(
    JSON.stringify({ format: 'overconfidence-playground/logits@1', classes, labels, epochs }),
  );
}

declare global {
  interface Window {
    __longTasks?: { start: number; duration: number }[];
  }
}

/** Long tasks (> 50 ms) that started at or after `since` (page time, ms), longest first. */
async function longTasksSince(page: Page, since: number) {
  return page.evaluate(
    (from) =>
      (window.__longTasks ?? [])
        .filter((task) => task.start >= from)
        .sort((a, b) => b.duration - a.duration),
    since,
  );
}

test('a 20,000 × 10 × 3 import is fitted off the main thread: no long task after the drop', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__longTasks?.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const file = largeRun();
  await openApp(page, TINY);
  await showView(page, 'data');
  await page
    .getByTestId('import-logits-drop')
    .locator('input[type=file]')
    .setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: file });
  // Counted from here: setInputFiles itself builds the 4 MB File inside the page, one long task
  // of Playwright's own (≈ 0.5 s) in which the page only hands the File to the import worker.
  const started = await page.evaluate(() => performance.now());

  // The import opens its story; temperature scaling is in the Fix it view.
  await expect(page.getByRole('tabpanel')).toHaveAttribute('data-view', 'story', {
    timeout: 120_000,
  });
  await showView(page, 'fix');
  const fitted = page.getByTestId('temperature-fitted');
  await expect(fitted).toContainText('T =', { timeout: 120_000 });
  await expect(fitted).toContainText(`Epoch ${EPOCHS}`);
  await expect(fitted).toContainText(`on ${EXAMPLES / 2} images`);
  // Post-hoc fixes: temperature applies, Platt and isotonic say they need two classes.
  await expect(page.getByTestId('posthoc-temperature-nll')).toHaveText(/\d/);
  await expect(page.getByTestId('posthoc-two-class')).toBeVisible();

  // Fitted in calibration workers, not on the main thread: the Fix view starts two, one for the
  // temperature slider and one for every epoch's fits, so the slider never waits behind them.
  expect.soft(workers.filter((url) => /calibrate\.worker/.test(url))).toHaveLength(2);

  // The slider answers from the worker: a new T gives a new NLL.
  const nll = page.getByTestId('temperature-nll');
  await expect(nll).toHaveText(/\d/);
  const atFitted = await nll.textContent();
  const slider = page.locator('#temperature-slider');
  await slider.focus();
  // Steps toward the low end, then the end itself: the last value is the one that counts.
  for (let press = 0; press < 5; press++) await slider.press('ArrowLeft');
  await slider.press('Home');
  await expect(nll).not.toHaveText(atFitted ?? '');

  // Trailing panel work has landed once nothing in the panel is busy, the gallery shows the
  // last epoch, and two frames have been painted since.
  await expect(page.getByTestId('temperature-panel').locator('[aria-busy="true"]')).toHaveCount(0);
  await showView(page, 'examples');
  await expect(page.getByTestId('gallery')).toHaveAttribute('data-epoch', '3');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
  const tasks = await longTasksSince(page, started);
  const longest = tasks[0]?.duration ?? 0;
  test.info().annotations.push({
    type: 'longest main-thread task after the import (ms)',
    description: `${Math.round(longest)} (${tasks.length} over 50 ms)`,
  });
  console.log(
    `longest task after import: ${Math.round(longest)} ms; long tasks: ${tasks
      .map((task) => Math.round(task.duration))
      .join(', ')}`,
  );
  expect(longest, 'the longest main-thread task after the import, in ms').toBeLessThan(
    LONGEST_TASK_MS,
  );

  // Ranking the saved runs scores this one in the calibration worker too.
  await showView(page, 'fix');
  const rankStarted = await page.evaluate(() => performance.now());
  const ranking = page.getByTestId('runs-ranking');
  await ranking.getByRole('button', { name: /^Rank 1 saved run/ }).click();
  await expect(ranking.getByTestId('ranked-run')).toHaveCount(1);
  await expect(ranking.getByTestId('ranked-run')).toContainText('imported “large” · epoch 3');
  const rankingTasks = await longTasksSince(page, rankStarted);
  console.log(
    `longest task while ranking: ${Math.round(rankingTasks[0]?.duration ?? 0)} ms (${rankingTasks.length} over 50 ms)`,
  );
});
