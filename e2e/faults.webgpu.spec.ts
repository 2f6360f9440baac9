// A lost WebGPU device (fault injection: the page's test-only hook destroys it after an
// epoch): the app says so in plain words, moves to WebGL and continues from the last
// completed epoch, losing none.
import { expect, openApp, test, waitForStatus } from './fixtures';
import { figureRows } from './figures';
import { downloadRun } from './run-file';
import { loseDeviceAfter } from './test-hooks';
import { tinyWith } from './tiny-hash';

test('a lost WebGPU device: told in plain words, continued on WebGL, no epoch lost', async ({
  page,
}) => {
  // WebGPU on SwiftShader is slow: the smallest run with two epochs.
  await loseDeviceAfter(page, 1);
  await openApp(page, tinyWith({ train: 32, val: 20, epochs: 2, batch: 16, backend: 'webgpu' }));
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', 'webgpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1', {
    timeout: 300_000,
  });
  const firstEpoch = (await figureRows(page))[0];
  const notice = page.getByTestId('device-notice');
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await expect(notice).toContainText('The GPU stopped working on WebGPU');
  await expect(notice).toContainText('Switched to WebGL');
  await expect(notice).toContainText('continued from epoch 1');
  await expect(notice).toContainText('no completed epoch was lost');
  await expect(badge).toHaveAttribute('data-backend', 'webgl', { timeout: 120_000 });

  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  const rows = await figureRows(page);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toBe(firstEpoch);
  await expect(page.getByTestId('error')).toBeHidden();

  const { file } = await downloadRun(page);
  expect(file.epochs.map((epoch) => epoch.epoch)).toEqual([1, 2]);
  expect(file.environment.backend).toBe('webgl');
});
