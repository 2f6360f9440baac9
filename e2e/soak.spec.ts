// Soak: 300 epochs of a small run on WASM. The worker's tensor count stays flat, the charts
// still draw every epoch and answer input, and the page's JavaScript heap grows by less than a
// stated bound.
import type { CDPSession, Page } from '@playwright/test';
import { expect, openApp, test, waitForStatus } from './fixtures';
import { tinyWith } from './tiny-hash';
import { showView } from './views';

const EPOCHS = 300;
/**
 * Two batches of the default 64 and 500 validation images per epoch, on WASM (the path a
 * machine without a GPU trains on): every epoch stores its logits, bins and figures, so 300 of
 * them show whether any of that piles up. (Four batches took 54 s instead of 33 for the same
 * 300 epochs and the same stored data.)
 */
const HASH = tinyWith({ train: 128, val: 500, batch: 64, epochs: EPOCHS, backend: 'wasm' });
/** Heap compared between these epochs (after a forced garbage collection). */
const EARLY_EPOCH = 50;
/**
 * Allowed growth of the page's live JS heap (after a forced GC) from epoch 50 to 300. The page
 * keeps data per epoch on purpose — the metrics with their histogram and reliability bins, each
 * epoch's validation logits (4 kB at 500 images), in the client, the saved-runs list and the
 * charts, and a row in each "Figures as a table". Measured: 21 kB per epoch with 20 validation
 * images on WebGL (a heap-snapshot diff showed table rows, chart points and metric copies, no
 * listeners or workers piling up), 30 kB per epoch with 500 on WASM (7.6 MB over these 250
 * epochs, 2026-11-30). The bound is about twice that: a leak of a further ~30 kB per epoch fails.
 */
const MAX_HEAP_GROWTH_BYTES = 15 * 1024 * 1024;

async function completedEpochs(page: Page): Promise<number> {
  return Number(await page.getByTestId('latest-metrics').getAttribute('data-epoch'));
}

async function tensorCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('tensor-count').getAttribute('data-tensors'));
}

/** Live heap after a full garbage collection (Chromium DevTools protocol). */
async function liveHeapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

test(`${EPOCHS} epochs: flat tensor count, responsive charts, bounded heap`, async ({ page }) => {
  test.setTimeout(15 * 60_000);
  const cdp = await page.context().newCDPSession(page);
  await openApp(page, HASH);
  const started = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // Epoch 2: every tensor the run keeps exists by now (model, optimizer state, device data).
  await expect.poll(() => completedEpochs(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.getByTestId('tensor-count').count()).toBe(1);
  const earlyTensors = await tensorCount(page);

  await expect
    .poll(() => completedEpochs(page), { timeout: 300_000 })
    .toBeGreaterThanOrEqual(EARLY_EPOCH);
  const earlyHeap = await liveHeapBytes(cdp);

  await waitForStatus(page, 'done', 12 * 60_000);
  const trainingMs = Date.now() - started;
  const lateHeap = await liveHeapBytes(cdp);
  const lateTensors = await tensorCount(page);

  const growth = lateHeap - earlyHeap;
  test.info().annotations.push(
    { type: 'training time', description: `${(trainingMs / 1000).toFixed(1)} s for ${EPOCHS}` },
    { type: 'tensors', description: `epoch 2: ${earlyTensors}, end: ${lateTensors}` },
    {
      type: 'heap',
      description: `epoch ${EARLY_EPOCH}: ${(earlyHeap / 1e6).toFixed(1)} MB, end: ${(lateHeap / 1e6).toFixed(1)} MB`,
    },
  );
  console.log(
    `soak: ${EPOCHS} epochs in ${(trainingMs / 1000).toFixed(1)} s; tensors ${earlyTensors} → ${lateTensors}; ` +
      `heap ${(earlyHeap / 1e6).toFixed(2)} → ${(lateHeap / 1e6).toFixed(2)} MB`,
  );
  expect(lateTensors, 'worker tensors at the end vs at epoch 2').toBe(earlyTensors);
  expect(growth, 'page heap growth from epoch 50 to the end (bytes)').toBeLessThan(
    MAX_HEAP_GROWTH_BYTES,
  );

  // Every epoch is drawn, and the charts still answer input at once.
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', String(EPOCHS));
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', String(EPOCHS));
  const histogram = page.getByTestId('chart-histogram');
  await expect(histogram).toHaveAttribute('data-epoch', String(EPOCHS));
  const slider = histogram.getByRole('slider');
  await slider.fill('1');
  await expect(histogram).toHaveAttribute('data-epoch', '1', { timeout: 2_000 });
  await slider.fill(String(EPOCHS / 2));
  await expect(histogram).toHaveAttribute('data-epoch', String(EPOCHS / 2), { timeout: 2_000 });
  await showView(page, 'runs');
  await expect(page.getByTestId('runs-panel').getByTestId('stored-run')).toContainText(
    `${EPOCHS} of ${EPOCHS} epochs`,
  );
});
