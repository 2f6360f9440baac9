// Settings live in the URL hash: bad values are named on the page, defaults are used instead,
// and the page still trains. The hash follows every change.
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { closeSettings, openSettings } from './views';

test('bad hash values show messages, fall back to defaults, and the page still trains', async ({
  page,
}) => {
  await openApp(page, `${TINY}&lr=abc&optimizer=rmsprop&batch=100000&classes=pullover,unicorn`);
  const problems = page.getByTestId('settings-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('lr');
  await expect(problems).toContainText('abc');
  await expect(problems).toContainText('batch');
  await expect(problems).toContainText('100000');
  await expect(problems).toContainText('unicorn');
  await expect(problems).toContainText('rmsprop');
  await openSettings(page);
  await expect(page.getByLabel(/Learning rate/i)).toHaveValue('0.001');
  await closeSettings(page);

  // batch fell back to 64, which is larger than 64 training images would allow twice; use Step.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1', {
    timeout: 300_000,
  });
  await waitForStatus(page, 'paused');
});

test('negative training size is named and replaced by the default', async ({ page }) => {
  await openApp(page, 'train=-5&autostart=0');
  const problems = page.getByTestId('settings-problems');
  await expect(problems).toContainText('train');
  await expect(problems).toContainText('-5');
  await openSettings(page);
  await expect(page.getByLabel(/Training examples/i)).toHaveValue('2000');
});

test('the hash follows settings changes and reproduces the setup', async ({ page }) => {
  await openApp(page, TINY);
  await openSettings(page);
  // Exact: a regex would also match "Patience (epochs)".
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.fill('5');
  await epochs.blur();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('epochs=5');
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toContain('classes=pullover,coat');
  expect(hash).toContain('train=64');

  await page.goto('/');
  await page.goto(`/${hash}`);
  await openSettings(page);
  await expect(epochs).toHaveValue('5');
  await expect(page.getByLabel(/Training examples/i)).toHaveValue('64');
});

test('autostart=1 trains on load', async ({ page }) => {
  await openApp(page, `${TINY}&epochs=1&autostart=1`);
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1');
});
