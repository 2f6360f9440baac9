// Faults a workshop laptop meets: the GPU goes away mid-run (fault injection through the page's
// test-only hook, never a user setting), a learning rate that makes training diverge, and a
// dataset file that 404s or arrives corrupted. Each is told in plain words and survived.
import type { Locator, Page } from '@playwright/test';
import { expectNoEpochLost, trainUntilDeviceLost } from './device-loss';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { tinyWith } from './tiny-hash';

test('a lost WebGL context: told in plain words, continued on WASM, no epoch lost', async ({
  page,
}) => {
  const { badge, notice, firstEpoch } = await trainUntilDeviceLost(page, 'webgl', 120_000);
  await expect(notice).toContainText('WebGL');
  await expect(notice).toContainText(/Switched to WASM/);
  await expect(notice).toContainText('continued from epoch 1');
  await expect(notice).toContainText('no completed epoch was lost');
  await expect(badge).toHaveAttribute('data-backend', 'wasm', { timeout: 120_000 });
  await expect(badge).toHaveAttribute('data-tone', 'warning'); // a lost GPU is a real fault
  // The epoch trained before the loss stays on screen throughout.
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', /^[12]$/);

  await expectNoEpochLost(page, firstEpoch, 'wasm');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '2');
});

test('a learning rate of 10 diverges in epoch 1: stopped, a remedy, no NaN on the charts', async ({
  page,
}) => {
  await openApp(page, tinyWith({ epochs: 4, lr: 10 }));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const divergence = page.getByTestId('divergence');
  await expect(divergence).toBeVisible({ timeout: 120_000 });
  await expect(divergence).toContainText('Training diverged in epoch 1');
  await expect(divergence).toContainText(
    /the validation loss exploded to [\d,]+ \(a uniform guess scores ln K: 0\.69 for two classes, 2\.30 for ten\)/,
  );
  await expect(divergence).toContainText('No epoch had finished before it');
  await expect(divergence).toContainText('Try a smaller learning rate than 10');
  await waitForStatus(page, 'done');

  // Only good epochs are shown: none here, and nothing non-finite anywhere.
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '0');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '0');
  await expect(page.getByTestId('chart-histogram')).toHaveAttribute('data-points', '0');
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|∞/);

  // Train again is refused until Reset; Reset clears the message.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Reset' }).click();
  await waitForStatus(page, 'idle');
  await expect(divergence).toBeHidden();
});

/** The dataset file the tests below make fail (routed), then serve again. */
const DATASET_FILE = '**/data/coat-train.bin';

/** Trains the tiny run until the error banner shows; returns the banner. */
async function trainUntilError(page: Page): Promise<Locator> {
  await openApp(page, TINY);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const error = page.getByTestId('error');
  await expect(error).toBeVisible({ timeout: 60_000 });
  return error;
}

/** The file is served again: Retry clears the error and the run trains to the end. */
async function expectRetryTrains(page: Page, error: Locator): Promise<void> {
  await page.unroute(DATASET_FILE);
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(error).toBeHidden();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
}

test('a dataset file that 404s: a clear error and a Retry that trains', async ({ page }) => {
  await page.route(DATASET_FILE, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  const error = await trainUntilError(page);
  await expect(error).toContainText(
    'The dataset file coat-train.bin could not be downloaded (HTTP 404). Check the connection, then press Retry.',
  );
  await waitForStatus(page, 'idle');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  await expectRetryTrains(page, error);
});

test('a dataset file that fails its checksum: a clear error and a Retry that trains', async ({
  page,
}) => {
  await page.route(DATASET_FILE, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    // Still gzip (the magic bytes stay), but damaged in the middle, as a bad proxy might.
    for (let i = 1000; i < 1100; i++) body[i] ^= 0xff;
    await route.fulfill({ response, body });
  });
  const error = await trainUntilError(page);
  await expect(error).toContainText(
    'The dataset file coat-train.bin arrived damaged (it failed its checksum), so it was not used. Press Retry',
  );
  await expect(error).toContainText(/Checksum mismatch for coat-train\.bin/);
  await expect(error).not.toContainText(/Content-Encoding/);
  await waitForStatus(page, 'idle');

  await expectRetryTrains(page, error);
});
