// The explanation panels (loss split, reliability, calibration error, gallery, tracked images,
// temperature scaling, worked example, run caption), the run file's explanation fields, and the
// mitigation settings with the previous run's ghost lines — all on tiny runs.
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { downloadRun } from './run-file';
import { showView } from './views';

/** TINY's epochs = 2 and val = 100. */
const TINY_EPOCHS = 2;
const TINY_VALIDATION = 100;
const GALLERY_SIZE = 12;
const RELIABILITY_BINS = 15;

async function trainTiny(page: Page, hash = TINY): Promise<void> {
  await openApp(page, hash);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
}

test('after a tiny run every explanation panel shows data and the run file carries it', async ({
  page,
}) => {
  await trainTiny(page);

  const points = String(TINY_EPOCHS);
  await showView(page, 'why');
  await expect(page.getByTestId('chart-loss-split')).toHaveAttribute('data-points', points);
  await expect(page.getByTestId('chart-calibration')).toHaveAttribute('data-points', points);
  await expect(page.getByTestId('chart-reliability')).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(page.getByTestId('reliability-ece')).toContainText('%');
  await expect(page.getByTestId('run-caption')).not.toHaveText('');
  await expect(page.getByTestId('run-caption')).not.toContainText('No epochs yet');

  await showView(page, 'examples');
  const gallery = page.getByTestId('gallery');
  await expect(gallery.getByTestId('gallery-item')).toHaveCount(
    Math.min(GALLERY_SIZE, TINY_VALIDATION),
  );

  // Tracked images: pick the second one (its card: the radio itself is drawn invisible); its
  // trajectory has one point per epoch.
  const choice = page.getByTestId('tracked-examples').locator('label').nth(1);
  const radio = choice.getByRole('radio');
  await choice.click();
  await expect(radio).toBeChecked();
  const trajectory = page.getByTestId('trajectory-chart');
  await expect(trajectory).toHaveAttribute('data-index', await radio.inputValue());
  await expect(trajectory).toHaveAttribute('data-points', points);

  // Temperature scaling: a fitted T, and the slider moves the evaluation NLL.
  await showView(page, 'fix');
  const temperature = page.getByTestId('temperature-panel');
  await expect(temperature.getByTestId('temperature-fitted')).toContainText('T =');
  const nll = temperature.getByTestId('temperature-nll');
  const fittedNll = (await nll.textContent()) ?? '';
  expect(fittedNll).toMatch(/\d/);
  const slider = temperature.getByLabel('Temperature T');
  await slider.focus();
  await page.keyboard.press('Home'); // the smallest T: sharper, so a different NLL
  await expect(nll).not.toHaveText(fittedNll);

  const { file } = await downloadRun(page);
  expect(file.epochs).toHaveLength(TINY_EPOCHS);
  for (const epoch of file.epochs) {
    const label = `epoch ${epoch.epoch}`;
    expect(epoch.validationLossCorrect + epoch.validationLossWrong, label).toBeCloseTo(
      epoch.validationLoss,
      9,
    );
    expect(Number.isInteger(epoch.wrongCount), label).toBe(true);
    expect(Number.isFinite(epoch.ece) && Number.isFinite(epoch.mce), label).toBe(true);
    expect(epoch.mce, label).toBeGreaterThanOrEqual(epoch.ece);
    const { edges, count, accuracy, confidence } = epoch.reliability;
    expect(edges, label).toHaveLength(RELIABILITY_BINS + 1);
    expect(count, label).toHaveLength(RELIABILITY_BINS);
    expect(accuracy, label).toHaveLength(RELIABILITY_BINS);
    expect(confidence, label).toHaveLength(RELIABILITY_BINS);
    expect(
      count.reduce((a, b) => a + b, 0),
      label,
    ).toBe(TINY_VALIDATION);
  }
  const fit = file.temperature;
  expect(fit).not.toBeNull();
  expect(fit?.T).toBeGreaterThan(0);
  for (const key of ['nllBefore', 'nllAfter', 'eceBefore', 'eceAfter'] as const) {
    expect(Number.isFinite(fit?.[key]), `temperature.${key}`).toBe(true);
  }
});

test('the worked example gives the question’s numbers', async ({ page }) => {
  await openApp(page, TINY);
  await showView(page, 'worked');
  const worked = page.getByTestId('worked-example');
  await worked.getByRole('button', { name: '(0.62, −0.52)', exact: true }).click();
  await expect(worked.getByTestId('worked-p0')).toHaveText('0.758');
  await expect(worked.getByTestId('worked-p1')).toHaveText('0.242');
  await expect(worked.getByTestId('worked-loss-0')).toHaveText('0.277');

  await worked.getByRole('button', { name: '(12, −12), true class 1', exact: true }).click();
  await expect(worked.getByTestId('worked-loss-1')).toHaveText('24.0');
});

test('mitigations train, early stopping is reported, and the previous run stays as a ghost', async ({
  page,
}) => {
  const epochs = 4;
  const mitigated = `${TINY.replace(`epochs=${TINY_EPOCHS}`, `epochs=${epochs}`)}&smoothing=0.1&l2=0.0005&dropout=0.3&earlyStop=loss&patience=1`;
  await trainTiny(page, mitigated);

  // Whether the tiny run stops early depends on its losses: either way the page must agree.
  const metrics = page.getByTestId('latest-metrics');
  const lastEpoch = Number(await metrics.getAttribute('data-epoch'));
  expect(lastEpoch).toBeGreaterThanOrEqual(1);
  expect(lastEpoch).toBeLessThanOrEqual(epochs);
  const earlyStop = page.getByTestId('early-stop');
  if (lastEpoch < epochs) {
    await expect(earlyStop).toContainText(`Early stopping ended the run after epoch ${lastEpoch}`);
  } else {
    await expect(earlyStop).toHaveCount(0);
  }

  const lossChart = page.getByTestId('chart-loss');
  await expect(lossChart).toHaveAttribute('data-ghost-points', '0');
  await page.getByRole('button', { name: 'Reset' }).click();
  await waitForStatus(page, 'idle');
  await expect(lossChart).toHaveAttribute('data-points', '0');
  await expect(lossChart).toHaveAttribute('data-ghost-points', String(lastEpoch));

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(lossChart).not.toHaveAttribute('data-points', '0');
  await expect(lossChart).toHaveAttribute('data-ghost-points', String(lastEpoch));
});
