// The lost-device faults (faults.spec.ts on WebGL, faults.webgpu.spec.ts on WebGPU): the page's
// test-only hook takes the GPU away after epoch 1 of a two-epoch run, and the app must carry on
// on the next backend without losing a completed epoch. The notice's words differ per backend,
// so the specs check those themselves.
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, waitForStatus } from './fixtures';
import { figureRows } from './figures';
import { downloadRun } from './run-file';
import { loseDeviceAfter } from './test-hooks';
import { tinyWith } from './tiny-hash';

/**
 * Opens the smallest run that still has two epochs (training on SwiftShader is slow) on
 * `backend`, with its device lost after epoch 1, trains until the device notice shows.
 * @returns the backend badge, the notice, and epoch 1's figures row as shown before the loss
 */
export async function trainUntilDeviceLost(
  page: Page,
  backend: 'webgl' | 'webgpu',
  firstEpochTimeoutMs: number,
): Promise<{ badge: Locator; notice: Locator; firstEpoch: string }> {
  await loseDeviceAfter(page, 1);
  await openApp(page, tinyWith({ train: 32, val: 20, epochs: 2, batch: 16, backend }));
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', backend);
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // Epoch 1 completes on the GPU; then the device is lost on purpose.
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1', {
    timeout: firstEpochTimeoutMs,
  });
  const firstEpoch = (await figureRows(page))[0];
  const notice = page.getByTestId('device-notice');
  await expect(notice).toBeVisible({ timeout: 60_000 });
  return { badge, notice, firstEpoch };
}

/** The run ends with both epochs, epoch 1 unchanged, and its run file says it ended on `backend`. */
export async function expectNoEpochLost(
  page: Page,
  firstEpoch: string,
  backend: 'webgl' | 'wasm',
): Promise<void> {
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  const rows = await figureRows(page);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toBe(firstEpoch);
  await expect(page.getByTestId('error')).toBeHidden();

  const { file } = await downloadRun(page);
  expect(file.epochs.map((epoch) => epoch.epoch)).toEqual([1, 2]);
  expect(file.environment.backend).toBe(backend);
}
