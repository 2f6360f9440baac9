// One model per page: after early stopping, every panel that speaks of "the model" reads the
// logits the worker reports as held, the restored best epoch's, and says which epoch that is —
// never the last epoch trained, whose weights the run threw away (issue 21, part 6). On WASM,
// which trains this run in seconds; run-truth.spec.ts covers the same run on WebGL.
import { earlyStopOf, earlyStopSettings, trainUntilEarlyStop } from './early-stop';
import { expect, test } from './fixtures';
import { downloadRun } from './run-file';
import { showView } from './views';

test('after early stopping Show me one, the gallery, temperature and tracked images name the held epoch', async ({
  page,
}) => {
  await trainUntilEarlyStop(page, earlyStopSettings('wasm'));
  const { file } = await downloadRun(page);
  const { bestEpoch, stoppedAfterEpoch } = earlyStopOf(file);
  const held = String(bestEpoch);

  await showView(page, 'worked');
  const worked = page.getByTestId('worked-example');
  await worked.getByTestId('show-me-one').click();
  await expect(worked.getByTestId('show-me-example')).toHaveAttribute('data-epoch', held);
  await expect(worked.locator('.note')).toContainText(
    `the model the run holds, epoch ${bestEpoch}, whose weights early stopping restored (the run trained ${stoppedAfterEpoch})`,
  );

  await showView(page, 'fix');
  await expect(page.getByTestId('temperature-fitted')).toContainText(`Epoch ${bestEpoch}:`);

  await showView(page, 'examples');
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toHaveAttribute('data-epoch', held);
  await expect(gallery).toContainText(`Epoch ${bestEpoch} — the model the run holds`);

  const tracked = page.getByTestId('tracked-examples');
  await expect(tracked).toHaveAttribute('data-epoch', held);
  await expect(tracked.getByTestId('tracked-model')).toContainText(`epoch ${bestEpoch}, whose`);

  // The gallery's slider is about "epoch N": the last epoch trained is one pick away, and then
  // the gallery names the model's epoch beside it; its button goes back to the model's.
  const slider = gallery.locator('#gallery-epoch');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(gallery).toHaveAttribute('data-epoch', String(stoppedAfterEpoch));
  await expect(gallery).toContainText(
    `Epoch ${stoppedAfterEpoch} (the run holds epoch ${bestEpoch}'s weights)`,
  );
  await gallery.getByRole('button', { name: "The model's epoch" }).click();
  await expect(gallery).toHaveAttribute('data-epoch', held);
});
