// The README's screenshot, from the recorded default run (replay) at its last epoch, so it shows
// the phenomenon the README describes. It goes to the ignored test-results/screenshots/ unless
// UPDATE_SCREENSHOTS=1 asks for docs/ (then commit it).
import { test } from './fixtures';
import { openReplayAt, RECORDED_EPOCHS } from './replay-page';
import { screenshotPath } from './screenshots';

test('README screenshot of the recorded default run at its last epoch', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // WASM forced, as the recording was made: the badge then needs no timing or reasons.
  await openReplayAt(page, RECORDED_EPOCHS, 'backend=wasm');
  const path = screenshotPath('screenshot.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('screenshot.png', { path, contentType: 'image/png' });
});
