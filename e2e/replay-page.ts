// The recorded run on the page: open it with `replay=1`, scrub to an epoch, and check that every
// panel shows that epoch. The README screenshots and the drill-down tests start from here, so
// they show the phenomenon of a real 40-epoch run without training anything.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { showView, VIEW_IDS, type ViewId } from './views';

/** The shipped recording (scripts/record-replay.mjs): the default run's 40 epochs. */
export const RECORDING = 'static/replay/default-run.json';
export const RECORDED_EPOCHS = 40;
const GALLERY_SIZE = 12;

/**
 * The story view (the first screen) shows the run after `epoch` epochs: the replay's epoch on
 * the toolbar, both hero charts, the plain-words caption and the run's latest figures.
 */
export async function expectStoryAt(page: Page, epoch: number): Promise<void> {
  const points = String(epoch);
  // While a recording plays, its scrubber stands in for the run's progress on the toolbar.
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch ${epoch} of ${RECORDED_EPOCHS}`);
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', points);
  await expect(page.getByTestId('chart-histogram')).toHaveAttribute('data-epoch', points);
  await expect(page.getByTestId('story-caption')).not.toContainText('No epochs yet');
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', points);
}

/** What each view shows of the run after `epoch` epochs, once its panels have drawn. */
const VIEW_AT: Record<ViewId, (page: Page, points: string) => Promise<void>> = {
  story: async (page, points) => expectStoryAt(page, Number(points)),
  why: async (page, points) => {
    await expect(page.getByTestId('chart-loss-split')).toHaveAttribute('data-points', points);
    await expect(page.getByTestId('chart-calibration')).toHaveAttribute('data-points', points);
    await expect(page.getByTestId('chart-scoring')).toHaveAttribute('data-points', points);
    await expect(page.getByTestId('chart-reliability')).toHaveAttribute('data-epoch', points);
    await expect(page.getByTestId('reliability-ece')).toContainText('%');
    await expect(page.getByTestId('run-caption')).not.toContainText('No epochs yet');
  },
  classes: async (page) => {
    await expect(page.getByTestId('classes-panel').getByTestId('class-table')).toBeVisible();
  },
  fix: async (page) => {
    await expect(
      page.getByTestId('temperature-panel').getByTestId('temperature-fitted'),
    ).toContainText('T =');
  },
  sweep: async (page) => {
    await expect(page.getByTestId('sweep-view')).toBeVisible();
  },
  examples: async (page, points) => {
    const gallery = page.getByTestId('gallery');
    await expect(gallery).toHaveAttribute('data-epoch', points);
    await expect(gallery.getByTestId('gallery-item')).toHaveCount(GALLERY_SIZE);
    // The images came from the dataset: none is a "not loaded" placeholder.
    await expect(gallery.locator('canvas')).toHaveCount(GALLERY_SIZE);
    await expect(page.getByTestId('tracked-examples').locator('canvas').first()).toBeVisible();
  },
  worked: async (page) => {
    await expect(page.getByTestId('show-me-one')).toBeVisible();
  },
  data: async (page) => {
    await expect(page.getByTestId('dataset-preview').locator('canvas').first()).toBeVisible();
    await expect(page.getByTestId('own-images')).toBeVisible();
    await expect(page.getByTestId('import-logits-drop')).toBeVisible();
  },
  runs: async (page) => {
    await expect(page.getByTestId('import-runs')).toBeVisible();
  },
};

/** Shows `view` (its tab) and waits until its panels show the run after `epoch` epochs. */
export async function showViewAt(page: Page, view: ViewId, epoch: number): Promise<void> {
  await showView(page, view);
  await VIEW_AT[view](page, String(epoch));
}

/**
 * Every panel shows the run after `epoch` epochs, with the images the gallery needs: each view
 * is opened in turn (a view's panels are mounted only while it shows), then the story again.
 */
export async function expectEveryPanelAt(page: Page, epoch: number): Promise<void> {
  for (const view of VIEW_IDS) await showViewAt(page, view, epoch);
  await showView(page, 'story');
}

/**
 * Opens `#replay=1` (plus `hash`) and scrubs to `epoch` with the keyboard, checking the story
 * view only: for tests about the first screen, which need no other view mounted.
 */
export async function openReplayStoryAt(
  page: Page,
  epoch = RECORDED_EPOCHS,
  hash = '',
): Promise<void> {
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
  await expectStoryAt(page, epoch);
  // No focus ring left on the slider in screenshots.
  await slider.blur();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Opens `#replay=1` (plus `hash`), scrubs to `epoch` with the keyboard and waits for every panel
 * in every view; it ends on the story view, scrolled to the top.
 */
export async function openReplayAt(page: Page, epoch = RECORDED_EPOCHS, hash = ''): Promise<void> {
  await openReplayStoryAt(page, epoch, hash);
  await expectEveryPanelAt(page, epoch);
  await page.evaluate(() => window.scrollTo(0, 0));
}
