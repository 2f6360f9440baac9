// Without --enable-unsafe-webgpu there is no WebGPU adapter: the app must say so, and WebGL
// (forced here: with no real GPU, auto rightly prefers WASM) trains.
import { openBackendDetails } from './backend-badge';
import { expect, openApp, test, TINY_AUTO, TINY_WEBGL, waitForStatus } from './fixtures';
import { downloadRun, expectConsistentRunFile } from './run-file';
import { showView } from './views';

test('names why WebGPU was skipped, trains on WebGL, and the run file matches the page', async ({
  page,
}) => {
  await openApp(page, TINY_AUTO);
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toHaveAttribute('data-backend', /^(wasm|webgl)$/);
  await openBackendDetails(page);
  await expect(badge).toContainText(/WebGPU unavailable/);
  await expect(badge).toContainText(/no adapter/);

  await openApp(page, TINY_WEBGL);
  await expect(badge).toHaveAttribute('data-backend', 'webgl');
  await expect(badge).toContainText(/WebGL/);

  // The two classes are previewed (in Your data) before training starts.
  await showView(page, 'data');
  const preview = page.getByTestId('dataset-preview');
  await expect(preview).toContainText('Pullover');
  await expect(preview).toContainText('Coat');
  expect(await preview.locator('canvas').count()).toBeGreaterThanOrEqual(2);

  await showView(page, 'story');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '2');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');

  const { file } = await downloadRun(page);
  expectConsistentRunFile(file, { backend: 'webgl', epochs: 2, validation: 100 });
  expect(file.environment.fallbackReason).toBeNull(); // the backend asked for is the one used
  // The page shows the same validation accuracy as the file.
  const accuracy = file.epochs[1].validationAccuracy;
  await expect(page.getByTestId('latest-metrics')).toContainText(`${(accuracy * 100).toFixed(1)}`);
});

test('a forced CPU backend is honoured', async ({ page }) => {
  await openApp(page, `${TINY_AUTO}&backend=cpu&epochs=1&train=16&val=20&batch=16`);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'cpu');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1');
});
