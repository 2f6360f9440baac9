// The README's screenshot from a real (small) run, so it stays current. It goes to the ignored
// test-results/screenshots/ unless UPDATE_SCREENSHOTS=1 asks for docs/ (then commit it).
import { expect, openApp, test } from './fixtures';
import { screenshotPath } from './screenshots';

test('README screenshot of the playground mid-run', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(
    page,
    'classes=pullover,coat&train=400&val=400&epochs=30&batch=32&model=small&lr=0.003&seed=3',
  );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const epochsDone = async () =>
    Number(await page.getByTestId('latest-metrics').getAttribute('data-epoch'));
  await expect.poll(epochsDone, { timeout: 300_000 }).toBeGreaterThanOrEqual(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('status')).toHaveText(/paused/i);
  const path = screenshotPath('screenshot.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('screenshot.png', { path, contentType: 'image/png' });
});
