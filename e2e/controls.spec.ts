// Pause / Resume / Step / Reset, driven by real clicks and waited on visible state.
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { closeSettings, openSettings } from './views';

test('pause, resume, step and reset behave', async ({ page }) => {
  // Enough batches per epoch, and epochs, that a pause lands mid-run even on a busy machine
  // (with 3 epochs a late pause could land in the last one, and Step would then finish the run).
  await openApp(page, `${TINY}&train=256&batch=16&epochs=10`);
  const status = page.getByTestId('status');
  const train = page.getByRole('button', { name: 'Train', exact: true });

  await train.click();
  await waitForStatus(page, 'training');
  // Settings are locked while a run exists.
  await openSettings(page);
  await expect(page.getByLabel('Epochs', { exact: true })).toBeDisabled();
  await closeSettings(page);
  await expect(page.getByTestId('progress')).toContainText(/Epoch \d+ of 10/);

  await page.getByRole('button', { name: 'Pause' }).click();
  await waitForStatus(page, 'paused');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const pausedAt = await page.getByTestId('latest-metrics').getAttribute('data-epoch');

  // Step finishes the epoch in progress (or trains the next one) and pauses again.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute(
    'data-epoch',
    String(Number(pausedAt ?? 0) + 1),
    { timeout: 300_000 },
  );
  await waitForStatus(page, 'paused');

  await page.getByRole('button', { name: 'Resume' }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '10');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '10');

  await page.getByRole('button', { name: 'Reset' }).click();
  await waitForStatus(page, 'idle');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '0');
  await expect(page.getByRole('button', { name: 'Download run' })).toBeDisabled();
  await openSettings(page);
  await expect(page.getByLabel('Epochs', { exact: true })).toBeEnabled();
  await closeSettings(page);
  await expect(status).toHaveText(/idle/i);
});

test('Step on a fresh page trains exactly one epoch', async ({ page }) => {
  await openApp(page, TINY);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1', {
    timeout: 300_000,
  });
  await waitForStatus(page, 'paused');
  await expect(page.getByTestId('chart-histogram')).toHaveAttribute('data-points', '1');
});
