// Drill-down: a bar of the logit-gap histogram or a bin of the reliability diagram opens a dialog
// of the images it counts, with their logits, probability and loss — from the keyboard (each bar
// has a button) and by clicking the chart; Escape closes it and focus goes back. On the recorded
// run (replay), so the bars hold a real 40-epoch run's 2000 images and nothing trains.
import { readFile } from 'node:fs/promises';
import type { RunFile } from '../src/lib/core/files/runFile';
import { expect, test } from './fixtures';
import { openReplayAt, RECORDED_EPOCHS, RECORDING } from './replay-page';
import { showView } from './views';

/** The dialog lists at most this many images, the highest loss first. */
const MAX_SHOWN = 48;

test('a histogram bar opens its images from the keyboard; Escape closes and focus returns', async ({
  page,
}) => {
  const file = JSON.parse(await readFile(RECORDING, 'utf8')) as RunFile;
  const histogram = file.epochs[RECORDED_EPOCHS - 1].logitGapHistogram;
  await openReplayAt(page);

  // The bars' buttons are in the tab order: Tab from the first reaches the second (1.5–3).
  const bins = page.getByTestId('histogram-bin');
  await bins.first().focus();
  await page.keyboard.press('Tab');
  const second = bins.nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: `Logit gap 1.5–3, epoch ${RECORDED_EPOCHS}` });
  await expect(dialog).toBeVisible();
  const inBin = histogram.correct[1] + histogram.wrong[1];
  await expect(dialog).toContainText(`${inBin} validation images (correct and wrong)`);
  await expect(dialog).toContainText(`${histogram.wrong[1]} wrong`);
  const items = dialog.getByTestId('drill-down-item');
  await expect(items).toHaveCount(Math.min(inBin, MAX_SHOWN));
  // Highest loss first: the wrong ones lead, each with its image, logits, p and loss.
  const first = items.first();
  await expect(first).toHaveAttribute('data-wrong', 'true');
  await expect(first).toContainText('✗ Wrong');
  await expect(first).toContainText('z₀, z₁');
  await expect(first).toContainText('p(predicted)');
  await expect(first).toContainText('nats');
  await expect(first.locator('canvas')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(second).toBeFocused();
});

test('a reliability bin opens from the keyboard and a click on a chart opens its bar', async ({
  page,
}) => {
  const file = JSON.parse(await readFile(RECORDING, 'utf8')) as RunFile;
  const counts = file.epochs[RECORDED_EPOCHS - 1].reliability.count;
  await openReplayAt(page);

  await showView(page, 'why');
  const last = page.getByTestId('reliability-bin').last();
  await last.focus();
  await page.keyboard.press('Space');
  const dialog = page.getByRole('dialog', { name: /^Confidence .*–1, epoch 40$/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${counts.at(-1)} validation images`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(last).toBeFocused();

  // A click at the right end of the histogram's plot, just above the axis, hits its last column.
  await showView(page, 'story');
  const canvas = page.getByTestId('chart-histogram').locator('canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('no histogram canvas');
  await canvas.click({ position: { x: box.width * 0.93, y: box.height * 0.55 } });
  const fromClick = page.getByRole('dialog', { name: /^Logit gap .*, epoch 40$/ });
  await expect(fromClick).toBeVisible();
  await fromClick.getByRole('button', { name: 'Close' }).click();
  await expect(fromClick).toBeHidden();
});
