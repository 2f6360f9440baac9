// The recorded run on the page: open it with `replay=1`, scrub to an epoch, and check that every
// panel shows that epoch. The README screenshots and the drill-down tests start from here, so
// they show the phenomenon of a real 40-epoch run without training anything.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The shipped recording (scripts/record-replay.mjs): the default run's 40 epochs. */
export const RECORDING = 'static/replay/default-run.json';
export const RECORDED_EPOCHS = 40;
const GALLERY_SIZE = 12;

/** Every panel shows the run after `epoch` epochs, with the images the gallery needs. */
export async function expectEveryPanelAt(page: Page, epoch: number): Promise<void> {
  const points = String(epoch);
  await expect(page.getByTestId('progress')).toHaveText(`Epoch ${epoch} of ${RECORDED_EPOCHS}`);
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', points);
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', points);
  await expect(page.getByTestId('chart-histogram')).toHaveAttribute('data-epoch', points);
  await expect(page.getByTestId('chart-loss-split')).toHaveAttribute('data-points', points);
  await expect(page.getByTestId('chart-calibration')).toHaveAttribute('data-points', points);
  await expect(page.getByTestId('chart-scoring')).toHaveAttribute('data-points', points);
  await expect(page.getByTestId('chart-reliability')).toHaveAttribute('data-epoch', points);
  await expect(page.getByTestId('reliability-ece')).toContainText('%');
  await expect(page.getByTestId('run-caption')).not.toContainText('No epochs yet');
  await expect(
    page.getByTestId('temperature-panel').getByTestId('temperature-fitted'),
  ).toContainText('T =');
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toHaveAttribute('data-epoch', points);
  await expect(gallery.getByTestId('gallery-item')).toHaveCount(GALLERY_SIZE);
  // The images came from the dataset: none is a "not loaded" placeholder.
  await expect(gallery.locator('canvas')).toHaveCount(GALLERY_SIZE);
  await expect(page.getByTestId('tracked-examples').locator('canvas').first()).toBeVisible();
}

/** Opens `#replay=1` (plus `hash`), scrubs to `epoch` with the keyboard and waits for every panel. */
export async function openReplayAt(page: Page, epoch = RECORDED_EPOCHS, hash = ''): Promise<void> {
  await page.goto(`/#replay=1${hash ? `&${hash}` : ''}`);
  const toggle = page.getByTestId('replay-toggle');
  await expect(toggle).toBeVisible();
  if ((await toggle.textContent())?.includes('Pause')) await toggle.click();
  const slider = page.getByRole('slider', { name: 'Replay epoch' });
  await slider.focus();
  // Straight to the last epoch, then back: each key shows an epoch on every panel (2,000
  // validation images), so walking up from epoch 1 cost seconds per test.
  await page.keyboard.press('End');
  for (let shown = RECORDED_EPOCHS; shown > epoch; shown -= 1)
    await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch ${epoch} of ${RECORDED_EPOCHS}`);
  await expect(toggle).toHaveText('Play replay');
  await expectEveryPanelAt(page, epoch);
  await expect(page.getByTestId('dataset-preview').locator('canvas').first()).toBeVisible();
  // No focus ring left on the slider in screenshots.
  await slider.blur();
  await page.evaluate(() => window.scrollTo(0, 0));
}
