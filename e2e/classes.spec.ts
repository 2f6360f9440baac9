// Training on more than two classes (issue 23, part 4): all ten Fashion-MNIST classes for a few
// small epochs on WASM, and three folders of your own images that train, survive a reload and
// replay from their run file.
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openApp, test, waitForStatus } from './fixtures';
import { grayPng } from './testImages';
import { downloadRun } from './run-file';
import { closeSettings, openSettings, showView } from './views';

const ALL_CLASSES = 'tshirt,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,boot';
const TEN =
  `classes=${ALL_CLASSES}&train=200&val=200&epochs=2&batch=32&model=small&seed=7` + '&backend=wasm';
const TINY_OWN = 'train=64&val=100&epochs=2&batch=8&model=small&seed=7&backend=wasm';

test('a 10-class Fashion-MNIST run trains, with ten logits per example', async ({ page }) => {
  await openApp(page, TEN);
  await openSettings(page);
  const chooser = page.getByTestId('class-chooser');
  await expect(chooser.getByRole('checkbox', { checked: true })).toHaveCount(10);
  // Every box is ticked, so none can be added; the note says what is not stored offline.
  await expect(page.getByTestId('class-download')).toContainText(
    'are not stored for offline use: the run downloads',
  );
  await closeSettings(page);
  await showView(page, 'data');
  await expect(page.getByTestId('dataset-preview').locator('figure')).toHaveCount(10);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  const { file } = await downloadRun(page);
  expect(file.config).toMatchObject({ classes: ALL_CLASSES.split(','), validationSize: 200 });
  // 200 validation images, 20 per class in the order chosen: labels 0…0, 1…1, … 9…9.
  const expected = Array.from({ length: 200 }, (_, i) => Math.floor(i / 20));
  expect(file.validation.labels).toEqual(expected);
  expect(file.epochs).toHaveLength(2);
  for (const epoch of file.epochs) {
    // Ten classes: chance is 10 %, a trained model beats it; the loss is finite.
    expect(Number.isFinite(epoch.validationLoss)).toBe(true);
    expect(epoch.validationAccuracy).toBeGreaterThan(0.1);
  }
});

/** Three class folders of 10 PNGs each: vertical stripes, horizontal stripes, a gray level. */
async function threeFolders(): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), 'three-classes-'));
  const kinds: [string, (x: number, y: number, i: number) => number][] = [
    ['vertical', (x, _, i) => (Math.floor((x + i) / 4) % 2 ? 255 : 0)],
    ['horizontal', (_, y, i) => (Math.floor((y + i) / 4) % 2 ? 255 : 0)],
    ['flat', (_, __, i) => 60 + 10 * i],
  ];
  const folders: string[] = [];
  for (const [name, gray] of kinds) {
    const folder = join(root, name);
    await mkdir(folder);
    for (let i = 0; i < 10; i++) {
      await writeFile(
        join(folder, `${name}-${i}.png`),
        grayPng(32, 32, (x, y) => gray(x, y, i)),
      );
    }
    folders.push(folder);
  }
  return folders;
}

test('three folders of your own images train, reload and replay', async ({ page }) => {
  const folders = await threeFolders();
  await openApp(page, TINY_OWN);
  await showView(page, 'data');
  const panel = page.getByTestId('own-images');
  await panel.getByTestId('own-add-class').click();
  for (const [side, folder] of folders.entries()) {
    await panel.getByTestId(`own-folder-${side}`).setInputFiles(folder);
    await expect(panel.getByTestId(`own-count-${side}`)).toHaveAttribute('data-count', '10');
  }
  await expect(panel.getByTestId('own-class-name-2')).toHaveValue('flat');
  await panel.getByRole('button', { name: 'Save dataset' }).click();
  await expect(panel.getByTestId('own-dataset')).toContainText(
    'vertical vs horizontal vs flat: vertical (10) vs horizontal (10) vs flat (10)',
  );
  // 20 % of 10 = 2 per class validate.
  await expect(panel.getByTestId('own-split')).toContainText(
    'training 8 vertical + 8 horizontal + 8 flat, validation 2 vertical + 2 horizontal + 2 flat',
  );

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  const { file, download } = await downloadRun(page);
  expect(file.config).toMatchObject({
    dataset: { classNames: ['vertical', 'horizontal', 'flat'] },
  });
  expect(file.validation.labels).toEqual([0, 0, 1, 1, 2, 2]);
  const runFile = await download.path();

  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm', {
    timeout: 120_000,
  });
  await showView(page, 'data');
  await expect(page.getByTestId('own-dataset')).toHaveCount(1);
  await showView(page, 'runs');
  await expect(page.getByTestId('runs-panel')).toContainText('vertical, horizontal and flat');

  // The run file replays through the panels, epoch by epoch, as it was trained.
  await page
    .getByTestId('import-runs')
    .locator('input[type="file"]')
    .setInputFiles({
      name: 'three.json',
      mimeType: 'application/json',
      buffer: await readFile(runFile),
    });
  await page.getByRole('button', { name: 'Replay three.json' }).click();
  await expect(page.getByTestId('replay-shown')).toHaveText('Epoch 2 of 2', { timeout: 60_000 });
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
});
