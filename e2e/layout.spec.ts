// The layout at the three sizes the issue names, on the recorded default run (replay) at its last
// epoch, so the charts show a real 40-epoch run. Screenshots go to docs/screenshots/ (docs/panels.md
// shows them) when UPDATE_SCREENSHOTS=1, else to the ignored test-results/screenshots/; at
// projector (1280×720) and full-HD sizes the Train and Replay buttons and both main charts must
// be on the first screen.
import { expect, test } from './fixtures';
import { expectOnFirstScreen } from './first-screen';
import { openReplayAt, RECORDED_EPOCHS } from './replay-page';
import { screenshotPath } from './screenshots';

/** The backend the recording was made on, forced: the badge then needs no timing or reasons. */
const PAGE = 'backend=wasm';

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

for (const viewport of VIEWPORTS) {
  test(`layout at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    if (viewport.everythingOnFirstScreen) {
      // Train is on the toolbar until a recording plays (the replay's controls then stand in).
      await page.goto(`/#${PAGE}`);
      await expectOnFirstScreen(
        page.getByRole('button', { name: 'Train', exact: true }),
        'the Train button',
      );
      await page.goto('about:blank'); // the replay link below then loads the page afresh
    }
    await openReplayAt(page, RECORDED_EPOCHS, PAGE);

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
    await expectOnFirstScreen(page.getByTestId('replay'), 'the Replay bar');
    await expectOnFirstScreen(page.getByTestId('chart-loss').locator('canvas'), 'the loss chart');
    await expectOnFirstScreen(
      page.getByTestId('chart-histogram').locator('canvas'),
      'the histogram',
    );
  });
}

test('projector mode and dark theme screenshots at 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openReplayAt(page, RECORDED_EPOCHS, `${PAGE}&projector=1`);
  await expect(page.locator('html')).toHaveAttribute('data-projector', '');
  await page.screenshot({ path: screenshotPath('screenshots/projector-1280x720.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: screenshotPath('screenshots/projector-dark-1280x720.png') });
});
