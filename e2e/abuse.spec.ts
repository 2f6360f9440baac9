// Control abuse: fifty rapid clicks on Train / Pause-Resume / Step / Reset in a seeded random
// order, a few milliseconds apart (faster than the worker answers). Afterwards the UI must be
// consistent, exactly one training loop may exist, and Reset must free every tensor of the run.
import type { Page } from '@playwright/test';
import { mulberry32 } from '../src/lib/core/prng';
import { expect, openApp, test, waitForStatus } from './fixtures';
import { figureRows } from './figures';
import { tinyWith } from './tiny-hash';

const EPOCHS = 3;
/**
 * The default model and batch on WASM (a few hundred ms per batch there): four batches per
 * epoch, so clicks land mid-epoch as well as between epochs.
 */
const HASH = tinyWith({
  train: 256,
  val: 200,
  epochs: EPOCHS,
  batch: 64,
  model: 'wide',
  backend: 'wasm',
});
const CLICKS = 50;
const ABUSE_SEED = 20260;
/**
 * Most clicks come 0–25 ms apart (quicker than a batch, slow enough for the buttons to change);
 * one in five waits 100–400 ms, so clicks also land while a run is really training or paused.
 */
function gapMs(random: () => number): number {
  return random() < 0.8 ? Math.floor(random() * 25) : 100 + Math.floor(random() * 300);
}

/** Reset, saying yes when it asks before discarding a run still in progress. */
async function resetRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const discard = page.getByRole('button', { name: 'Discard and reset' });
  if (await discard.isVisible()) await discard.click();
}

async function tensorCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('tensor-count').getAttribute('data-tensors'));
}

/** Clicks, inside the page, whichever control buttons are enabled at that instant. */
async function abuse(page: Page, plan: { pick: number; gapMs: number }[]): Promise<string[]> {
  return page.evaluate(async (steps) => {
    const names = ['Train', 'Pause', 'Resume', 'Step', 'Reset'];
    const controls = () =>
      [
        ...document.querySelectorAll<HTMLButtonElement>(
          'section[aria-label="Training controls"] button',
        ),
      ].filter((button) => names.includes(button.textContent?.trim() ?? '') && !button.disabled);
    const clicked: string[] = [];
    // While a command awaits the worker's answer its buttons wait too: wait for one to enable
    // (the page's visible state), as a person would, rather than skip the click.
    const enabledSoon = async () => {
      for (let frame = 0; frame < 600 && controls().length === 0; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return controls();
    };
    for (const { pick, gapMs } of steps) {
      const enabled = await enabledSoon();
      const button = enabled[Math.floor(pick * enabled.length)];
      if (button) {
        const name = button.textContent?.trim() ?? '?';
        clicked.push(name);
        button.click();
        // Reset asks before it discards a run still in progress: the abuser says yes at once.
        if (name === 'Reset') {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const discard = [
            ...document.querySelectorAll<HTMLButtonElement>('dialog[open] button'),
          ].find((candidate) => candidate.textContent?.trim() === 'Discard and reset');
          discard?.click();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return clicked;
  }, plan);
}

/** Records every value the progress label and the completed-epoch count take. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const progress = document.querySelector('[data-testid="progress"]');
    const metrics = document.querySelector('[data-testid="latest-metrics"]');
    const seen = { progress: [] as string[], epochs: [] as string[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      const text = progress?.textContent ?? '';
      if (seen.progress.at(-1) !== text) seen.progress.push(text);
    }).observe(progress as Node, { childList: true, characterData: true, subtree: true });
    new MutationObserver(() => {
      seen.epochs.push(metrics?.getAttribute('data-epoch') ?? '');
    }).observe(metrics as Node, { attributes: true, attributeFilter: ['data-epoch'] });
  });
}

/**
 * Which control buttons each settled status allows (true: enabled), and the Pause/Resume
 * toggle's label where it matters.
 */
const CONTROLS_BY_STATUS: Record<
  string,
  { train: boolean; toggle: boolean; toggleText?: string; step: boolean; reset: boolean }
> = {
  idle: { train: true, toggle: false, toggleText: 'Pause', step: true, reset: false },
  paused: { train: false, toggle: true, toggleText: 'Resume', step: true, reset: true },
  done: { train: false, toggle: false, step: false, reset: true },
};

async function expectConsistentControls(page: Page): Promise<void> {
  const status = (await page.getByTestId('status').textContent())?.trim() ?? '';
  const controls = page.getByRole('region', { name: 'Training controls' });
  const buttons = {
    train: controls.getByRole('button', { name: 'Train', exact: true }),
    toggle: controls.getByRole('button', { name: /^(Pause|Resume)$/ }),
    step: controls.getByRole('button', { name: 'Step', exact: true }),
    reset: controls.getByRole('button', { name: 'Reset', exact: true }),
  };
  const epochs = Number(await page.getByTestId('latest-metrics').getAttribute('data-epoch'));
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', String(epochs));
  await expect(page.getByTestId('progress')).toContainText(`of ${EPOCHS}`);
  const expected = CONTROLS_BY_STATUS[status];
  if (!expected) throw new Error(`status "${status}" after the abuse settled`);
  if (status === 'idle') expect(epochs).toBe(0);
  else if (status === 'paused') expect(epochs).toBeLessThan(EPOCHS);
  else expect(epochs).toBe(EPOCHS);
  if (expected.toggleText) await expect(buttons.toggle).toHaveText(expected.toggleText);
  for (const name of ['train', 'toggle', 'step', 'reset'] as const) {
    if (expected[name]) await expect(buttons[name], name).toBeEnabled();
    else await expect(buttons[name], name).toBeDisabled();
  }
}

test(`${CLICKS} rapid random clicks: a consistent UI, one training loop, no leaked tensor`, async ({
  page,
}) => {
  await openApp(page, HASH);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const reset = page.getByRole('button', { name: 'Reset', exact: true });

  // Baseline: the worker's tensors once a run that trained an epoch has been reset.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStatus(page, 'paused');
  await expect.poll(() => tensorCount(page)).toBeGreaterThan(0);
  const withRun = await tensorCount(page);
  await resetRun(page);
  await expect.poll(() => tensorCount(page)).toBeLessThan(withRun);
  const baseline = await tensorCount(page);
  await waitForStatus(page, 'idle');

  const random = mulberry32(ABUSE_SEED);
  const plan = Array.from({ length: CLICKS }, () => ({
    pick: random(),
    gapMs: gapMs(random),
  }));
  const clicked = await abuse(page, plan);
  expect(clicked, 'every step found an enabled button').toHaveLength(CLICKS);
  test.info().annotations.push({ type: 'clicks', description: clicked.join(' ') });

  // Settled: nothing left training, and the controls agree with the status word.
  await expect(page.getByTestId('status')).toHaveText(/idle|paused|done/, { timeout: 300_000 });
  await expectConsistentControls(page);
  await expect(page.getByTestId('error')).toBeHidden();

  // Reset frees everything the abused runs allocated.
  if (await reset.isEnabled()) await resetRun(page);
  await waitForStatus(page, 'idle');
  await expect.poll(() => tensorCount(page)).toBe(baseline);

  // One loop: a final Train advances epoch by epoch, each epoch once, to the end.
  await watchProgress(page);
  await train.click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', String(EPOCHS));
  const rows = await figureRows(page);
  expect(rows.map((row) => Number(row.split(/\s/)[0]))).toEqual([1, 2, 3]);
  const seen = await page.evaluate(
    () => (window as unknown as { seen: { progress: string[]; epochs: string[] } }).seen,
  );
  const shownEpochs = seen.progress.map((text) => Number(/Epoch (\d+) of/.exec(text)?.[1]));
  expect(shownEpochs, seen.progress.join(' | ')).toEqual([...shownEpochs].sort((a, b) => a - b));
  expect(seen.epochs).toEqual(['1', '2', '3']);

  // And Reset brings the worker back to its baseline again.
  expect(await tensorCount(page)).toBeGreaterThan(baseline);
  await reset.click();
  await waitForStatus(page, 'idle');
  await expect.poll(() => tensorCount(page)).toBe(baseline);
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '0');
});

test('Pause before a queued Train gets its turn leaves the page ready, not loading forever', async ({
  page,
}) => {
  // A slow dataset file keeps the worker busy with the preview, so Train waits in its queue.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/coat-test.bin', async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  await openApp(page, HASH);
  const controls = page.getByRole('region', { name: 'Training controls' });
  await controls.getByRole('button', { name: 'Train', exact: true }).click();
  await controls.getByRole('button', { name: 'Pause' }).click();
  release();
  await waitForStatus(page, 'idle');
  await expect(controls.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByTestId('latest-metrics')).toHaveAttribute('data-epoch', '0');

  await controls.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', String(EPOCHS));
});
