// Train on your own images (issue 13, part 2): two folders of generated PNGs (vertical vs
// horizontal stripes) plus files that must be skipped, added through the folder pickers;
// the 28 × 28 preview, the skipped count and names, a seeded split, a tiny run whose gallery
// shows those images and whose run file names the dataset (no pixels), and a reload that
// keeps the dataset listed and trainable.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { showView } from './views';
import { grayBmp, grayPng } from './testImages';
import { downloadRun } from './run-file';

/** Vertical stripes: 12 PNGs. Horizontal: 12 PNGs and a BMP. */
const COUNTS = [12, 13];
/** At the default 20 %: round(2.4) = 2 and round(2.6) = 3 validate, the rest train. */
const SPLIT = { train: [10, 10], validation: [2, 3] };

/** Two class folders: stripes 4 pixels wide, 40 × 20 pictures (letterboxed to 28 × 14). */
async function imageFolders(): Promise<{ vertical: string; horizontal: string }> {
  const root = await mkdtemp(join(tmpdir(), 'own-images-'));
  const vertical = join(root, 'vertical');
  const horizontal = join(root, 'horizontal');
  await mkdir(vertical);
  await mkdir(horizontal);
  for (let i = 0; i < 12; i++) {
    const name = `stripes-${String(i).padStart(2, '0')}.png`;
    // The phase shifts with i so no two images of a class are the same.
    await writeFile(
      join(vertical, name),
      grayPng(40, 20, (x) => (Math.floor((x + i) / 4) % 2 ? 255 : 0)),
    );
    await writeFile(
      join(horizontal, name),
      grayPng(40, 20, (_, y) => (Math.floor((y + i) / 4) % 2 ? 255 : 0)),
    );
  }
  await writeFile(
    join(horizontal, 'stripes-12.bmp'),
    grayBmp(40, 20, (_, y) => (Math.floor((y + 12) / 4) % 2 ? 255 : 0)),
  );
  await writeFile(join(vertical, 'notes.txt'), 'not an image');
  await writeFile(join(vertical, 'broken.png'), 'not a PNG either');
  return { vertical, horizontal };
}

/** The 28 × 28 gray values a canvas shows (red channel). */
async function canvasGray(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const data = element.getContext('2d')?.getImageData(0, 0, 28, 28).data ?? [];
    return Array.from({ length: 784 }, (_, i) => data[4 * i]);
  });
}

/**
 * Which way a 28 × 28 stripes image runs, read from its pixels: within the picture's rows
 * (7–20 after letterboxing 40 × 20), vertical stripes vary along a row and not down a column.
 */
function stripeDirection(gray: number[]): 'vertical' | 'horizontal' | 'neither' {
  const rows = Array.from({ length: 14 }, (_, r) => gray.slice((7 + r) * 28, (8 + r) * 28));
  const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
  const alongRows = Math.max(...rows.map(spread));
  const downColumns = Math.max(
    ...Array.from({ length: 28 }, (_, c) => spread(rows.map((row) => row[c]))),
  );
  if (alongRows > 100 && downColumns < 60) return 'vertical';
  if (downColumns > 100 && alongRows < 60) return 'horizontal';
  return 'neither';
}

async function chooseDataset(page: Page): Promise<void> {
  await showView(page, 'data');
  await page.getByTestId('own-dataset').getByRole('radio').check();
  await expect(page.getByTestId('own-selected')).toBeVisible();
}

test('trains on two folders of your own images, and keeps them across a reload', async ({
  page,
}) => {
  const folders = await imageFolders();
  await openApp(page, TINY);
  await showView(page, 'data');
  const panel = page.getByTestId('own-images');

  await panel.getByTestId('own-folder-0').setInputFiles(folders.vertical);
  await panel.getByTestId('own-folder-1').setInputFiles(folders.horizontal);
  await expect(panel.getByTestId('own-count-0')).toHaveAttribute('data-count', String(COUNTS[0]));
  await expect(panel.getByTestId('own-count-1')).toHaveAttribute('data-count', String(COUNTS[1]));
  // Class names come from the folder names.
  await expect(panel.getByTestId('own-class-name-0')).toHaveValue('vertical');
  await expect(panel.getByTestId('own-class-name-1')).toHaveValue('horizontal');
  // The text file and the undecodable PNG are skipped, counted, and named on request.
  const skipped = panel.getByTestId('own-skipped-0');
  await expect(skipped).toHaveAttribute('data-count', '2');
  await expect(skipped.locator('summary')).toHaveText('2 files skipped');
  await skipped.locator('summary').click();
  await expect(skipped).toContainText(
    'vertical/notes.txt: not a PNG, JPEG, WebP, GIF or BMP image',
  );
  await expect(skipped).toContainText('vertical/broken.png: could not be decoded');
  await expect(panel.getByTestId('own-skipped-1')).toHaveCount(0);

  // The preview is what the network sees: 28 × 28, stripes the right way round.
  const previews = panel.getByTestId('image-strip');
  await expect(previews.nth(0).locator('canvas')).toHaveCount(8);
  expect(stripeDirection(await canvasGray(previews.nth(0).locator('canvas').first()))).toBe(
    'vertical',
  );
  expect(stripeDirection(await canvasGray(previews.nth(1).locator('canvas').first()))).toBe(
    'horizontal',
  );

  // The panel, with its previews and the skipped list open, passes axe (serious/critical).
  const audit = await new AxeBuilder({ page }).include('[data-testid="own-images"]').analyze();
  const blocking = audit.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await panel.getByRole('button', { name: 'Save dataset' }).click();
  await expect(panel.getByTestId('own-dataset')).toHaveCount(1);
  await expect(panel.getByTestId('own-dataset')).toContainText(
    'vertical vs horizontal: vertical (12) vs horizontal (13)',
  );
  await expect(panel.getByTestId('own-selected')).toBeVisible();
  await expect(panel.getByTestId('own-split')).toContainText(
    'training 10 vertical + 10 horizontal, validation 2 vertical + 3 horizontal',
  );
  await expect(panel.getByTestId('own-link-note')).toContainText('never your images');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('chart-histogram')).toHaveAttribute('data-points', /[1-9]/);

  // The gallery shows the user's validation images with the dataset's class names.
  await showView(page, 'examples');
  const items = page.getByTestId('gallery-item');
  await expect(items).toHaveCount(5);
  await expect(page.getByTestId('gallery')).toContainText('horizontal');
  const directions = new Set<string>();
  for (const item of await items.all()) {
    directions.add(stripeDirection(await canvasGray(item.locator('canvas'))));
  }
  expect([...directions].sort()).toEqual(['horizontal', 'vertical']);

  // The run file names the dataset, its counts and hash; it holds no pixels.
  const { file } = await downloadRun(page);
  const dataset = (file.config as { dataset?: Record<string, unknown> }).dataset;
  expect(dataset).toMatchObject({
    name: 'vertical vs horizontal',
    classNames: ['vertical', 'horizontal'],
    counts: SPLIT,
  });
  expect(dataset?.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(file.validation.labels).toEqual([0, 0, 1, 1, 1]);
  expect(JSON.stringify(file)).not.toMatch(/"(pixels|images|validationImages)"/);
  await showView(page, 'data');
  await expect(page.getByTestId('own-link-note')).toContainText(String(dataset?.hash).slice(0, 12));

  // After a reload the dataset is still there and trains again: one epoch (Step), then, after
  // another reload, Resume reloads the dataset by the run's id and finishes the run.
  await reloadOnWasm(page);
  await showView(page, 'data');
  await expect(page.getByTestId('own-dataset')).toHaveCount(1);
  await chooseDataset(page);
  await expect(page.getByTestId('own-selected').getByTestId('image-strip')).toHaveCount(2);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForStatus(page, 'paused');
  await showView(page, 'story');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '1');
  await reloadOnWasm(page);
  const offer = page.getByTestId('resume-offer');
  await expect(offer).toContainText('stopped after epoch 1 of 2');
  await offer.getByRole('button', { name: 'Resume it' }).click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', '2');
  await showView(page, 'examples');
  await expect(page.getByTestId('gallery')).toContainText('vertical');
  await showView(page, 'runs');
  await expect(page.getByTestId('runs-panel')).toContainText('vertical vs horizontal');
  // The resumed run's dataset shows as the one trained on, in place of the Fashion-MNIST pair.
  await showView(page, 'data');
  await expect(page.getByTestId('own-selected')).toBeVisible();
  await expect(page.getByTestId('dataset-preview')).toHaveCount(0);
  const { file: resumed } = await downloadRun(page);
  expect((resumed.config as { dataset?: unknown }).dataset).toEqual(dataset);
});

async function reloadOnWasm(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'wasm', {
    timeout: 120_000,
  });
}

test('loose files dropped on the panel are named, not added silently', async ({ page }) => {
  await openApp(page, TINY);
  await showView(page, 'data');
  const panel = page.getByTestId('own-images');
  // A drop of two loose images (no folder names a class): built in the page, as a browser
  // builds one from a file manager's selection.
  await panel
    .getByRole('group', { name: 'Drop 2 to 10 folders, one per class' })
    .evaluate((area) => {
      const transfer = new DataTransfer();
      for (const name of ['cat.png', 'dog.png']) transfer.items.add(new File(['x'], name));
      area.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
    });
  await expect(panel.getByTestId('own-drop-note')).toHaveText(
    'Nothing was added: a class needs a folder of images. Ignored 2 loose files (cat.png, ' +
      "dog.png): put them in a class's folder, or drop them on a class below.",
  );
  await expect(panel.getByTestId('own-count-0')).toHaveCount(0);
});
