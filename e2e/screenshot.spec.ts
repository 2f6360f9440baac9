// Produces docs/screenshot.png for the README from a real (small) run, so it stays current.
import { expect, openApp, test } from './fixtures';

test('README screenshot of the playground mid-run', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, 'classes=pullover,coat&train=128&val=200&epochs=4&batch=32&model=small&seed=3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '3', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('status')).toHaveText(/paused/i);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
