// Many classes from an imported file (issue 23, parts 1 and 2): a 10-class .npz opens the Classes
// view, whose panel follows its own epoch slider and drills into a confusion; its table and
// matrix show whole and axe finds nothing serious there; and the "Fix it" view's verdict reads
// right on two three-class files built so that stopping early wins (stop-early) and so that
// rescaling the last epoch wins (rescale).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY } from './fixtures';
import { describeSpills, findSpills } from './spill';
import { openSettings, showView } from './views';

const FIXTURES = 'src/lib/core/files/logitsImport/fixtures';

/** Imports a fixture by the picker in Your data and waits for its story (the import's success). */
async function importAndWait(page: Page, file: string): Promise<void> {
  await openApp(page, TINY);
  await showView(page, 'data');
  await page
    .getByTestId('import-logits-drop')
    .locator('input[type=file]')
    .setInputFiles(`${FIXTURES}/${file}`);
  await expect(page.getByRole('tabpanel')).toHaveAttribute('data-view', 'story', {
    timeout: 60_000,
  });
}

test('a 10-class import: the Classes panel follows its slider and drills into a confusion', async ({
  page,
}) => {
  await importAndWait(page, 'ten_classes_compressed.npz'); // 4 epochs × 20 examples × 10 classes
  // Part 3: the drawer shows the file's facts, not the Fashion-MNIST settings it never used,
  // and the tracked images cover all ten classes.
  await openSettings(page);
  await expect(page.getByTestId('settings-imported')).toContainText(
    'Imported from “ten_classes_compressed”: 4 epochs, 10 classes',
  );
  await expect(page.locator('#setting-epochs')).toBeHidden();
  await page.getByTestId('settings-drawer').getByRole('button', { name: 'Close' }).click();
  await showView(page, 'examples');
  await expect(page.getByTestId('tracked-coverage')).toHaveText(
    '1 image of each of the 10 classes',
  );

  // One base for example numbers: "Show me one"'s example is the gallery's #N (0-based, as the
  // file's rows), and its true class against its strongest rival (the predicted class) by name.
  await showView(page, 'worked');
  await page.getByTestId('show-me-one').click();
  const shown = page.getByTestId('show-me-example');
  const index = await shown.getAttribute('data-index');
  const worked = page.getByTestId('worked-example');
  await expect(worked).toContainText(`Validation example ${index}, a`);
  await expect(worked).toContainText('against its strongest rival');
  await showView(page, 'examples');
  await expect(
    page
      .getByTestId('gallery')
      .getByTestId('gallery-item')
      .filter({ hasText: new RegExp(`#${index}(?!\\d)`) }),
  ).toHaveCount(1);

  await showView(page, 'classes');
  const panel = page.getByTestId('classes-panel');
  await expect(panel).toHaveAttribute('data-epoch', /^[1-4]$/);
  await expect(panel.getByTestId('class-table').locator('tbody tr')).toHaveCount(10);
  // At ten classes the table and the matrix show whole, without scrolling their boxes, and
  // nothing spills out of the card (the page opens at 1280×800).
  for (const box of [panel.locator('.table-scroll'), panel.getByTestId('confusion-matrix')]) {
    const { scrollHeight, clientHeight, scrollWidth, clientWidth } = await box.evaluate(
      (element) => ({
        scrollHeight: element.scrollHeight,
        clientHeight: element.clientHeight,
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      }),
    );
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
  }
  expect(describeSpills(await findSpills(page))).toEqual([]);

  // The slider moves the panel to another epoch.
  const slider = page.locator('#classes-epoch');
  const before = await panel.getAttribute('data-epoch');
  const other = before === '1' ? '2' : '1';
  await slider.fill(other);
  await expect(panel).toHaveAttribute('data-epoch', other);

  // No serious or critical axe finding in the Classes view.
  const results = await new AxeBuilder({ page }).include('[data-view="classes"]').analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    blocking.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);

  // A confusion opens its examples in the drill-down dialog.
  const confusion = panel.getByTestId('class-confusions').getByRole('button').first();
  const [truth, predicted] = (await confusion.innerText()).split('→').map((part) => part.trim());
  await confusion.click();
  const drill = page.getByTestId('drill-down');
  await expect(drill).toBeVisible();
  await expect(drill).toContainText(truth);
  await expect(drill).toContainText(predicted);
  await page.keyboard.press('Escape');
  await expect(drill).toBeHidden();

  // So does a cell of the confusion matrix (the heatmap's plot is tiled with cells: a click at
  // the middle of its canvas lands on one).
  await panel.locator('.matrix-scroll canvas').click();
  await expect(drill).toBeVisible();
  await expect(drill).toContainText('predicted as');
});

// Each file's verdict, worked out by the calibration worker when the Fix view shows.
const VERDICTS = [
  { file: 'verdict-stop-early.json', opens: 'Best: stopping at epoch 4', epoch: '4' },
  { file: 'verdict-rescale.json', opens: 'Best: epoch 8 with T = 5.9', epoch: '8' },
];

for (const { file, opens, epoch } of VERDICTS) {
  test(`the verdict on ${file} reads "${opens}"`, async ({ page }) => {
    await importAndWait(page, file);
    await showView(page, 'fix');
    const verdict = page.getByTestId('fix-verdict');
    await expect(verdict).toHaveAttribute('data-best-epoch', epoch, { timeout: 60_000 });
    await expect(verdict).toContainText(
      new RegExp(`^\\s*${opens.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
}
