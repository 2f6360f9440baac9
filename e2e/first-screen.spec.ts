// The first screen is the story (issue 22, part 1): on the replay at epoch 40, nothing scrolled,
// both hero charts lie wholly on the first screen, large enough to read, at desktop size in the
// light and dark themes, in projector mode and on a phone; the settings drawer opens over the
// page without moving them. Sizes in CSS px, as the issue states them.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  boxOf,
  expectOnFirstScreen,
  plotArea,
  viewportOf,
  visibleArea,
  type Box,
} from './first-screen';
import { openReplayStoryAt, RECORDED_EPOCHS } from './replay-page';
import { closeSettings, openSettings } from './views';

const DESKTOP = { width: 1280, height: 720 };
/** Part 1: each hero chart's canvas at 1280 × 720, and its plot area (Chart.js chartArea). */
const MIN_CANVAS = { width: 560, height: 300 };
const MIN_PLOT = { width: 480, height: 230 };
/** Projector mode: tick labels at least this large, and the loss chart on half the screen. */
const MIN_PROJECTOR_TICK_PX = 20;
const MIN_PROJECTOR_LOSS_SHARE = 0.5;
/** Phone, 390 × 844: the loss chart's canvas. */
const PHONE = { width: 390, height: 844 };
const MIN_PHONE_CANVAS = { width: 340, height: 220 };

const HERO_CHARTS = [
  { testid: 'chart-loss', what: 'the loss-vs-accuracy chart' },
  { testid: 'chart-histogram', what: 'the logit-gap histogram' },
] as const;

const canvasOf = (page: Page, testid: string) => page.getByTestId(testid).locator('canvas');

/** Both hero charts wholly on the first screen, each canvas and plot area at least the minimum. */
async function expectLargeHeroCharts(page: Page): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const chart of HERO_CHARTS) {
    const canvas = canvasOf(page, chart.testid);
    const box = await expectOnFirstScreen(canvas, `${chart.what}'s canvas`);
    const size = `${chart.what}'s canvas is ${box.width}×${box.height}`;
    expect(box.width, size).toBeGreaterThanOrEqual(MIN_CANVAS.width);
    expect(box.height, size).toBeGreaterThanOrEqual(MIN_CANVAS.height);
    const plot = await plotArea(canvas);
    const plotSize = `${chart.what}'s plot area is ${plot.width}×${plot.height}`;
    expect(plot.width, plotSize).toBeGreaterThanOrEqual(MIN_PLOT.width);
    expect(plot.height, plotSize).toBeGreaterThanOrEqual(MIN_PLOT.height);
    boxes.push(box);
  }
  await expectOnFirstScreen(page.getByTestId('story-caption'), 'the story caption');
  await expectOnFirstScreen(page.getByTestId('toolbar'), 'the toolbar');
  return boxes;
}

test('desktop 1280×720, light: both hero charts on the first screen; the drawer overlays them', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
  await openReplayStoryAt(page, RECORDED_EPOCHS);
  const closed = await expectLargeHeroCharts(page);

  await openSettings(page);
  // The drawer lies over the page: the charts keep their boxes, to the pixel.
  for (const [index, chart] of HERO_CHARTS.entries()) {
    expect(await boxOf(canvasOf(page, chart.testid), chart.what), chart.what).toEqual(
      closed[index],
    );
  }
  await closeSettings(page);
});

test('desktop 1280×720, dark: both hero charts on the first screen', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openReplayStoryAt(page, RECORDED_EPOCHS);
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  await expectLargeHeroCharts(page);
});

test('projector mode 1280×720: both charts visible, 20 px ticks, the loss chart on half the screen', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await openReplayStoryAt(page, RECORDED_EPOCHS, 'projector=1');
  await expect(page.locator('html')).toHaveAttribute('data-projector', '');
  for (const chart of HERO_CHARTS) {
    const canvas = canvasOf(page, chart.testid);
    await expectOnFirstScreen(canvas, `${chart.what}'s canvas`);
    const tickPx = Number(await canvas.getAttribute('data-tick-font'));
    expect(tickPx, `${chart.what}'s smallest tick label`).toBeGreaterThanOrEqual(
      MIN_PROJECTOR_TICK_PX,
    );
  }
  const viewport = viewportOf(page);
  const card = await boxOf(page.getByTestId('card-loss'), 'the loss chart card');
  const share = visibleArea(card, viewport) / (viewport.width * viewport.height);
  expect(share, 'share of the viewport the loss chart card covers').toBeGreaterThanOrEqual(
    MIN_PROJECTOR_LOSS_SHARE,
  );
});

test('phone 390×844: the loss chart is on the first screen, at least 340×220', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openReplayStoryAt(page, RECORDED_EPOCHS);
  const box = await expectOnFirstScreen(
    canvasOf(page, 'chart-loss'),
    "the loss-vs-accuracy chart's canvas",
  );
  expect(box.width).toBeGreaterThanOrEqual(MIN_PHONE_CANVAS.width);
  expect(box.height).toBeGreaterThanOrEqual(MIN_PHONE_CANVAS.height);
});
