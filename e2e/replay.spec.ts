// Replay: the recorded default run (static/replay/default-run.json, made by
// scripts/record-replay.mjs) plays through every panel as a live run would — nothing trains —
// from the Replay button, from `replay=1` in the link, and from a compared run file.
import { readFile } from 'node:fs/promises';
import type { RunFile } from '../src/lib/core/files/runFile';
import { expect, test } from './fixtures';
import { expectEveryPanelAt, RECORDED_EPOCHS as EPOCHS, RECORDING } from './replay-page';
import { downloadRun } from './run-file';
import { showView } from './views';

async function recording(): Promise<RunFile> {
  return JSON.parse(await readFile(RECORDING, 'utf8')) as RunFile;
}

test('replay=1 plays the recorded run to epoch 40 through every panel, labelled as recorded', async ({
  page,
}) => {
  const file = await recording();
  const started = Date.now();
  await page.goto('/#replay=1');
  const label = page.getByTestId('replay-label');
  await expect(label).toContainText('Recorded run');
  const backendName = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };
  await expect(label).toContainText(`trained on ${backendName[file.environment.backend]}`);
  await expect(label.getByTitle(file.environment.adapter)).toBeVisible();
  const year = new Date(file.createdAt).getUTCFullYear();
  await expect(label.locator('time')).toHaveAttribute('datetime', file.createdAt);
  await expect(label).toContainText(String(year));
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch ${EPOCHS} of ${EPOCHS}`, {
    timeout: 60_000,
  });
  console.log(
    `replay reached epoch ${EPOCHS} ${((Date.now() - started) / 1000).toFixed(1)} s after opening`,
  );
  await expectEveryPanelAt(page, EPOCHS);
  // The recording stands in for a run on the toolbar, played to its end: its controls replace
  // the run's (no training status, no Train), and the link keeps replay=1.
  await expect(page.getByTestId('replay-toggle')).toHaveText('Play replay');
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch ${EPOCHS} of ${EPOCHS}`);
  await expect(page.getByTestId('status')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveCount(0);
  expect(page.url()).toContain('replay=1');

  // The shown figures are the recording's own.
  const last = file.epochs[EPOCHS - 1];
  await expect(page.getByTestId('latest-metrics')).toContainText(
    (last.validationAccuracy * 100).toFixed(1),
  );
  // Download run gives the recording back: same run, same numbers, every epoch's logits.
  const { file: downloaded } = await downloadRun(page);
  expect(downloaded.createdAt).toBe(file.createdAt);
  expect(downloaded.epochs).toEqual(file.epochs);
  expect(downloaded.epochLogits).toEqual(file.epochLogits);
  expect(downloaded.validation).toEqual(file.validation);
});

test('Replay on the first screen: pause, scrub with the keyboard, speed, stop', async ({
  page,
}) => {
  await page.goto('/');
  const start = page.getByRole('button', { name: 'Replay a recorded run' });
  await expect(start).toBeInViewport();
  await start.click();
  const toggle = page.getByTestId('replay-toggle');
  await expect(toggle).toHaveText('Pause replay');
  await toggle.click();
  await expect(toggle).toHaveText('Play replay');

  const slider = page.getByRole('slider', { name: 'Replay epoch' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch ${EPOCHS} of ${EPOCHS}`);
  await expectEveryPanelAt(page, EPOCHS);
  // Visiting the views took focus to their tabs: back to the scrubber.
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch 10 of ${EPOCHS}`);
  await expect(slider).toHaveAttribute('aria-valuetext', `Epoch 10 of ${EPOCHS}`);
  await expectEveryPanelAt(page, 10);
  // The recording holds the toolbar: nothing to train or step while it is shown.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toHaveCount(0);

  // Playing on at the fastest speed reaches the end and stops there.
  await page.getByLabel('Speed').selectOption('20');
  await toggle.click();
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch ${EPOCHS} of ${EPOCHS}`);
  await expect(toggle).toHaveText('Play replay');

  await page.getByRole('button', { name: 'Stop replay' }).click();
  await expect(page.getByTestId('replay-label')).toHaveCount(0);
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '0');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 120_000,
  });
});

test('a compared run file with per-epoch logits can be replayed too', async ({ page }) => {
  await page.goto('/');
  await showView(page, 'runs');
  await page.getByTestId('import-runs').locator('input[type="file"]').setInputFiles(RECORDING);
  // The Runs card offers the compared file's replay, beside its import.
  const replayFile = page.getByRole('button', { name: 'Replay default-run.json' });
  await replayFile.click();
  await expect(page.getByTestId('replay-label')).toContainText('default-run.json');
  await expect(page.getByTestId('replay-shown')).toHaveText(`Epoch ${EPOCHS} of ${EPOCHS}`, {
    timeout: 60_000,
  });
  await expectEveryPanelAt(page, EPOCHS);
});
