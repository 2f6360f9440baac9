// The layout at the three sizes the issue names, after a tiny run so the charts have data.
// Screenshots go to docs/screenshots/ (the README shows them) when UPDATE_SCREENSHOTS=1, else to
// the ignored test-results/screenshots/; at projector (1280×720) and
// full-HD sizes the Train button and both main charts must be on the first screen.
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { screenshotPath } from './screenshots';

interface Viewport {
  name: string;
  width: number;
  height: number;
  /** Train, the loss chart and the histogram must all be visible without scrolling. */
  everythingOnFirstScreen: boolean;
}

const VIEWPORTS: readonly Viewport[] = [
  { name: 'desktop-1280x720', width: 1280, height: 720, everythingOnFirstScreen: true },
  { name: 'desktop-1920x1080', width: 1920, height: 1080, everythingOnFirstScreen: true },
  { name: 'phone-390x844', width: 390, height: 844, everythingOnFirstScreen: false },
];

async function tinyRun(page: Page, hash = TINY): Promise<void> {
  await openApp(page, hash);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Asserts that `locator` lies wholly inside the first screen (page scrolled to the top). */
async function expectOnFirstScreen(
  locator: Locator,
  what: string,
  viewport: Viewport,
): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is rendered`).not.toBeNull();
  if (box === null) return;
  const where = `${what} at x=${box.x}, y=${box.y}, ${box.width}×${box.height}`;
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${where} ends within ${viewport.height}px`).toBeLessThanOrEqual(
    viewport.height,
  );
  expect(box.x + box.width, `${where} ends within ${viewport.width}px`).toBeLessThanOrEqual(
    viewport.width,
  );
}

for (const viewport of VIEWPORTS) {
  test(`layout at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await tinyRun(page);

    // Nothing may force sideways scrolling, at any size.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);

    await page.screenshot({ path: screenshotPath(`screenshots/${viewport.name}.png`) });
    if (!viewport.everythingOnFirstScreen) {
      await page.screenshot({
        path: screenshotPath(`screenshots/${viewport.name}-full.png`),
        fullPage: true,
      });
      return;
    }
    await expectOnFirstScreen(
      page.getByRole('button', { name: 'Train', exact: true }),
      'the Train button',
      viewport,
    );
    await expectOnFirstScreen(
      page.getByTestId('chart-loss').locator('canvas'),
      'the loss chart',
      viewport,
    );
    await expectOnFirstScreen(
      page.getByTestId('chart-histogram').locator('canvas'),
      'the histogram',
      viewport,
    );
  });
}

test('projector mode and dark theme screenshots at 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await tinyRun(page, `${TINY}&projector=1`);
  await expect(page.locator('html')).toHaveAttribute('data-projector', '');
  await page.screenshot({ path: screenshotPath('screenshots/projector-1280x720.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('screenshots/projector-dark-1280x720.png') });
});
