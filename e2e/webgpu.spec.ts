// The WebGPU path: Chromium launched with --enable-unsafe-webgpu (SwiftShader adapter here).
import { openBackendDetails } from './backend-badge';
import { expect, openApp, test, waitForStatus } from './fixtures';
import { tinyWith } from './tiny-hash';
import { downloadRun, expectConsistentRunFile } from './run-file';

/** Two batches per epoch: SwiftShader's WebGPU trains about 10 images/s, after compiling. */
const SIZES = { train: 32, val: 40, batch: 16 };

test('trains a tiny config on WebGPU and downloads a consistent run file', async ({ page }) => {
  await openApp(page, tinyWith({ ...SIZES, backend: 'webgpu' }));
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', 'webgpu');
  await expect(badge).toContainText(/WebGPU/);
  await expect(badge).toHaveAttribute('data-tone', 'info');
  await openBackendDetails(page);
  await expect(badge).not.toContainText(/unavailable/i);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('progress')).toContainText('Epoch 2 of 2');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '2');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('chart-histogram')).toHaveAttribute('data-points', '2');

  const { file } = await downloadRun(page);
  expectConsistentRunFile(file, { backend: 'webgpu', epochs: 2, validation: SIZES.val });
  expect(file.environment.fallbackReason).toBeNull();
  expect(file.config).toMatchObject({
    trainSize: SIZES.train,
    validationSize: SIZES.val,
    batchSize: SIZES.batch,
    model: 'small',
    seed: 7,
  });
});
