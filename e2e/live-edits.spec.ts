// Issue 15, parts 5–7 in the real page: focal loss and mixup train; a learning-rate change made
// during a run is applied by the worker, drawn as a marker and written to the run file as an
// event (the link keeps the starting settings); the loss axis switches to a log scale; hovering
// one epoch chart moves the cursor on another.
import AxeBuilder from '@axe-core/playwright';
import type { RunFile } from '../src/lib/core/files/runFile';
import { expect, openApp, test, waitForStatus } from './fixtures';
import { downloadRun, expectConsistentRunFile } from './run-file';
import { tinyWith } from './tiny-hash';
import { closeSettings, openSettings, showView } from './views';

test('focal loss and mixup runs train and record their settings', async ({ page }) => {
  await openApp(page, `${tinyWith({ focal: 2, mixup: 0.4 })}&autostart=1`);
  await waitForStatus(page, 'done');
  const { file } = await downloadRun(page);
  expect(file.config).toMatchObject({ focalGamma: 2, mixupAlpha: 0.4 });
  const backend = file.environment.backend;
  expectConsistentRunFile(file, { backend, epochs: 2, validation: 100 });
  expect(file.events).toEqual([]);
});

test('a mid-run learning-rate change is a marker and an event; log scale; shared cursor', async ({
  page,
}) => {
  // WebGL, slower than WASM here, leaves time to change a setting while an epoch trains.
  const hash = tinyWith({ epochs: 6, backend: 'webgl' });
  await openApp(page, hash);
  await page.getByRole('button', { name: 'Step' }).click();
  await waitForStatus(page, 'paused');

  // During the run: the live settings stay editable, the rest say why they are locked.
  await openSettings(page);
  await expect(page.getByTestId('live-note')).toContainText('Reset');
  await expect(page.locator('#setting-batch')).toBeDisabled();
  const learningRate = page.locator('#setting-lr');
  await expect(learningRate).toBeEnabled();
  await learningRate.fill('0.0005');
  await learningRate.dispatchEvent('change');

  const lossCanvas = page.getByTestId('chart-loss').locator('canvas');
  await expect(lossCanvas).toHaveAttribute('data-markers', '1');
  await expect(learningRate).toHaveValue('0.0005');
  // The half-locked form is still accessible (axe: no serious or critical findings).
  const axe = await new AxeBuilder({ page }).include('section.settings').analyze();
  const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  // The link keeps the run's starting settings.
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain('lr=0.001');

  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  // While it trains: L2 goes to the worker too, applied from its next batch.
  await waitForStatus(page, 'training');
  const l2 = page.locator('#setting-l2');
  await l2.fill('0.001');
  await l2.dispatchEvent('change');
  await expect(lossCanvas).toHaveAttribute('data-markers', '2');
  await waitForStatus(page, 'done');
  await closeSettings(page);
  await expect(page.getByTestId('setting-changes')).toContainText(
    'from the start of epoch 2: learning rate 0.001 → 0.0005',
  );
  const { file } = await downloadRun(page);
  const events: RunFile['events'] = file.events;
  expect(events?.[0]).toEqual({
    epoch: 2,
    batch: 0,
    batchesPerEpoch: 2,
    field: 'learningRate',
    from: 0.001,
    to: 0.0005,
  });
  expect(events?.[1]).toMatchObject({ field: 'l2', from: 0, to: 0.001 });
  expect(events?.[1]?.epoch).toBeGreaterThanOrEqual(2);
  expect(events).toHaveLength(2);
  expect(file.config).toMatchObject({ learningRate: 0.001, l2: 0 }); // the starting values
  expectConsistentRunFile(file, { backend: file.environment.backend, epochs: 6, validation: 100 });

  // Log scale for the loss axis, and back.
  const logToggle = page.getByTestId('loss-log-scale');
  await logToggle.check();
  await expect(lossCanvas).toHaveAttribute('data-loss-scale', 'logarithmic');
  await logToggle.uncheck();
  await expect(lossCanvas).toHaveAttribute('data-loss-scale', 'linear');

  // Hovering an epoch on one epoch chart puts the cursor on the others in its view: the loss
  // split's on the calibration-error chart (the loss chart's partners sit in the Why view).
  await showView(page, 'why');
  const splitCanvas = page.getByTestId('chart-loss-split').locator('canvas');
  const calibrationCanvas = page.getByTestId('chart-calibration').locator('canvas');
  await expect(page.getByTestId('chart-loss-split')).toHaveAttribute('data-points', '6');
  await expect(page.getByTestId('chart-calibration')).toHaveAttribute('data-points', '6');
  await splitCanvas.scrollIntoViewIfNeeded();
  const area = await splitCanvas.boundingBox();
  if (!area) throw new Error('no loss-split chart on screen');
  await page.mouse.move(area.x + area.width / 2, area.y + area.height / 3);
  const hovered = await splitCanvas.getAttribute('data-cursor-epoch');
  expect(hovered).toMatch(/^[1-6]$/);
  await expect(calibrationCanvas).toHaveAttribute('data-cursor-epoch', hovered ?? '');
  await page.mouse.move(0, 0);
  await expect(calibrationCanvas).toHaveAttribute('data-cursor-epoch', '');
});
