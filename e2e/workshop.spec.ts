// The workshop pieces driven as a user would: keyboard shortcuts and their sheet, the tour (button
// and tour=1), chart help, PNG and CSV downloads, theme and projector mode, and hide=… links.
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';

/** Alpha of pixel (0, 0) of an 8-bit RGBA PNG: every PNG row filter leaves the first pixel as is. */
function firstPixelAlpha(png: Buffer): number {
  const colourType = png[25];
  if (colourType !== 6) return 255; // no alpha channel: opaque
  const idat: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  return pixels[1 + 3]; // after the row's filter byte: R, G, B, A
}

test('keyboard: ? shows the sheet; T trains, pauses and resumes; R resets; S steps', async ({
  page,
}) => {
  // Many epochs, so the run is still going when Space pauses it; it never runs to the end.
  await openApp(page, TINY.replace('epochs=2', 'epochs=50'));
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /^T Train, pause or resume/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Space/ })).toHaveCount(0);
  // Keys inside the modal sheet do not reach the page.
  await page.keyboard.press('t');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  // Focus goes back where it was when the sheet's close event runs: until then a key press still
  // lands in the modal sheet, which keeps its keys (on a loaded machine the next press could come
  // first).
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('dialog') === null))
    .toBe(true);
  await expect(page.getByTestId('status')).toHaveText(/idle/i);

  // Space is the browser's: on the page it scrolls, it never trains.
  await page.keyboard.press(' ');
  await expect(page.getByTestId('status')).toHaveText(/idle/i);

  await page.keyboard.press('t');
  await waitForStatus(page, 'loading|training');
  await page.keyboard.press('t');
  await waitForStatus(page, 'paused');
  await page.keyboard.press('t');
  await waitForStatus(page, 'loading|training');
  await page.keyboard.press('r');
  await waitForStatus(page, 'idle');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '0');

  await page.keyboard.press('s');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '1', {
    timeout: 300_000,
  });
  await waitForStatus(page, 'paused');
});

test('the tour: its button and tour=1 open it, the keyboard walks it, focus comes back', async ({
  page,
}) => {
  await openApp(page, `${TINY}&tour=1`);
  const tour = page.getByTestId('tour');
  await expect(tour).toContainText('Step 1 of');
  await expect(tour).toContainText('Train a small network');
  await page.keyboard.press('Escape');
  await expect(tour).toBeHidden();
  // Closed once, the link no longer reopens it.
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('tour=1');

  const start = page.getByRole('button', { name: 'Take the tour' });
  await start.click();
  await expect(tour).toContainText('Step 1 of');
  await expect(page.locator('[data-tour="controls"]')).toHaveAttribute('data-tour-active', '');
  await expect(tour.getByRole('button', { name: 'Next' })).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(tour).toContainText('Step 2 of');
  await expect(page.locator('[data-tour="loss"]')).toHaveAttribute('data-tour-active', '');
  await expect(page.locator('[data-tour="controls"]')).not.toHaveAttribute('data-tour-active');
  await page.keyboard.press('Enter');
  await expect(tour).toContainText('Step 3 of');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-tour="histogram"]')).toHaveAttribute('data-tour-active', '');
  await page.keyboard.press('ArrowLeft');
  await expect(tour).toContainText('Step 3 of');
  await page.keyboard.press('End');
  await expect(tour.getByRole('button', { name: 'Finish' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(tour).toBeHidden();
  await expect(page.locator('[data-tour-active]')).toHaveCount(0);
  await expect(start).toBeFocused();
  await page.keyboard.press('g');
  await expect(tour).toContainText('Step 1 of');
});

test('chart help popover, PNG and CSV downloads', async ({ page }) => {
  await openApp(page, TINY);
  const card = page.getByTestId('card-loss');
  const help = card.getByRole('button', { name: /Help on Validation loss vs accuracy/ });
  await expect(help).toHaveAttribute('aria-expanded', 'false');
  await help.click();
  await expect(help).toHaveAttribute('aria-expanded', 'true');
  await expect(card.getByText(/Accuracy only asks/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card.getByText(/Accuracy only asks/)).toBeHidden();
  await expect(help).toBeFocused();

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download Validation loss vs accuracy as PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('loss-vs-accuracy.png');
  const pngBytes = await readFile(await png.path());
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Opaque background: the picture's top-left pixel is the card's colour, not transparent.
  expect(firstPixelAlpha(pngBytes)).toBe(255);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^metrics-.*\.csv$/);
  const lines = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^epoch,trainLoss,/);
  expect(lines.map((line) => line.split(',')[0])).toEqual(['epoch', '1', '2']);
});

test('theme selector persists; projector mode follows the button and the link', async ({
  page,
}) => {
  await openApp(page, TINY);
  const html = page.locator('html');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption('system');
  await expect(html).not.toHaveAttribute('data-theme');

  const projector = page.getByRole('button', { name: 'Projector mode' });
  await expect(projector).toHaveAttribute('aria-pressed', 'false');
  await projector.click();
  await expect(projector).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('data-projector', '');
  await expect(page).toHaveURL(/projector=1/);
  const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
  await projector.click();
  await expect(html).not.toHaveAttribute('data-projector');
  await expect(page).not.toHaveURL(/projector=1/);

  // A fresh load from a link with projector=1.
  await page.goto(`/#${TINY}&projector=1`);
  await page.reload();
  await expect(html).toHaveAttribute('data-projector', '');
  await expect(projector).toHaveAttribute('aria-pressed', 'true');
});

test('Space presses the focused button (Projector mode goes off again); T still trains', async ({
  page,
}) => {
  await openApp(page, TINY.replace('epochs=2', 'epochs=50'));
  const html = page.locator('html');
  const projector = page.getByRole('button', { name: 'Projector mode' });
  await projector.click();
  await expect(html).toHaveAttribute('data-projector', '');
  await expect(projector).toBeFocused();
  await page.keyboard.press(' ');
  // The button did what it does, and training did not start.
  await expect(html).not.toHaveAttribute('data-projector');
  await expect(projector).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('status')).toHaveText(/idle/i);
  // The train key works with focus still on the button.
  await expect(projector).toBeFocused();
  await page.keyboard.press('t');
  await waitForStatus(page, 'loading|training');
  await page.keyboard.press('t');
  await waitForStatus(page, 'paused');
});

test('projector mode survives a reload as a stored preference; the link still turns it on', async ({
  page,
}) => {
  await openApp(page, TINY);
  const html = page.locator('html');
  const projector = page.getByRole('button', { name: 'Projector mode' });
  await projector.click();
  await expect(html).toHaveAttribute('data-projector', '');
  // A link without projector=1, opened afresh: the preference turns it on.
  await page.goto(`/#${TINY}`);
  await page.reload();
  await expect(html).toHaveAttribute('data-projector', '');
  await expect(projector).toHaveAttribute('aria-pressed', 'true');
  // Off by the button: off after a reload, and projector=1 in a link still wins.
  await projector.click();
  await expect(html).not.toHaveAttribute('data-projector');
  await page.reload();
  await expect(projector).toHaveAttribute('aria-pressed', 'false');
  await expect(html).not.toHaveAttribute('data-projector');
  await page.goto(`/#${TINY}&projector=1`);
  await page.reload();
  await expect(html).toHaveAttribute('data-projector', '');
});

test('hide=settings,backend hides the settings panel and the backend badge', async ({ page }) => {
  // Not openApp: it waits for the badge this link hides.
  await page.goto(`/#${TINY}&hide=settings,backend`);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 120_000,
  });
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('backend-badge')).toHaveCount(0);
  // The rest of the page is still there.
  await expect(page.getByTestId('chart-loss')).toBeVisible();
});
