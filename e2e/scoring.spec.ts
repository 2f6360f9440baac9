// Proper scoring rules, honest ECE, post-hoc fixes and "Show me one" after a tiny run: the Brier
// panel has data, the binning toggle switches both calibration charts and the bootstrap band
// follows, Platt and isotonic report numbers, a real wrong image loads into the worked example,
// saved runs can be ranked — and axe finds nothing serious with these panels open.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, test, TINY, waitForStatus } from './fixtures';
import { openReplayAt, RECORDED_EPOCHS } from './replay-page';
import { showView } from './views';

/** axe over these panels (by data-testid), their tables open: serious or critical findings. */
async function blockingIn(page: Page, testids: readonly string[]): Promise<string[]> {
  await page.locator('details').evaluateAll((elements) => {
    for (const element of elements) (element as HTMLDetailsElement).open = true;
  });
  let builder = new AxeBuilder({ page });
  for (const testid of testids) builder = builder.include(`[data-testid="${testid}"]`);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
}

test('scoring panels, ECE binning and band, post-hoc fixes, Show me one, ranking, axe', async ({
  page,
}) => {
  await openApp(page, TINY);
  await showView(page, 'worked');
  // Before a run the scoring-rule panel already answers the question: 24 nats vs Brier's cap.
  const rules = page.getByTestId('scoring-rules');
  await expect(rules.getByTestId('rules-nll')).toHaveText(/^24(\.0+)? nats$/);
  await expect(rules.getByTestId('rules-brier')).toHaveText(/^2(\.0+)?$/);
  await expect(page.getByTestId('show-me-one')).toBeDisabled();

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, 'done');

  // Brier, its parts, NLL and the error rate for both epochs, and a caption read from the run.
  await showView(page, 'why');
  await expect(page.getByTestId('chart-scoring')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('scoring-caption')).toContainText(/Brier [\d.]+ = reliability/);

  // Equal-width by default, with the bootstrap band on both epochs; TINY's 100 images are too
  // few for 15 bins, and the warning says so.
  const calibration = page.getByTestId('chart-calibration');
  await expect(calibration).toHaveAttribute('data-binning', 'equal-width');
  await expect(calibration).toHaveAttribute('data-bands', '2');
  await expect(page.getByTestId('calibration-latest')).toContainText('90% interval');
  await expect(page.getByTestId('ece-warning')).toContainText('Too few validation images');
  const widthEce = await page.getByTestId('reliability-ece').textContent();
  // One choice for both charts.
  await page.getByTestId('binning-toggle-calibration').getByLabel('Equal-mass bins').check();
  await expect(calibration).toHaveAttribute('data-binning', 'equal-mass');
  await expect(calibration).toHaveAttribute('data-bands', '2');
  await expect(page.getByTestId('chart-reliability')).toHaveAttribute('data-binning', 'equal-mass');
  await expect(
    page.getByTestId('binning-toggle-reliability').getByLabel('Equal-mass bins'),
  ).toBeChecked();
  await expect(page.getByTestId('reliability-ece')).not.toHaveText(widthEce ?? '');
  await expect(page.getByTestId('reliability-warning')).toContainText('about 7 per bin');

  // axe over the Why view's panels, with their tables open.
  expect(await blockingIn(page, ['card-scoring', 'card-calibration', 'card-reliability'])).toEqual(
    [],
  );

  // Platt and isotonic beside temperature, with numbers, and the small-half warning.
  await showView(page, 'fix');
  const panel = page.getByTestId('temperature-panel');
  for (const method of ['temperature', 'platt', 'isotonic']) {
    await expect(panel.getByTestId(`posthoc-${method}-nll`)).toHaveText(/^\d+(\.\d+)?$/);
    await expect(panel.getByTestId(`posthoc-${method}-ece`)).toHaveText(/^\d+(\.\d)?%$/);
  }
  await expect(panel.getByTestId('isotonic-warning')).toContainText('50 images, fewer than 1000');

  // Rank the saved runs (this one) before and after each fix.
  const ranking = page.getByTestId('runs-ranking');
  await ranking.getByRole('button', { name: /^Rank 1 saved run/ }).click();
  await expect(ranking.getByTestId('ranked-run')).toHaveCount(1);
  await expect(ranking.getByTestId('ranking-table')).toContainText('Platt');
  await ranking.getByLabel('After which fix').selectOption('isotonic');
  await expect(ranking.getByTestId('ranking-table')).toContainText('after isotonic');
  expect(await blockingIn(page, ['temperature-panel', 'runs-ranking'])).toEqual([]);

  // Show me one: a real wrong validation image, its logits in the sliders.
  await showView(page, 'worked');
  const worked = page.getByTestId('worked-example');
  await worked.getByTestId('show-me-one').click();
  const example = worked.getByTestId('show-me-example');
  await expect(example).toBeVisible();
  await expect(example.getByRole('img')).toHaveAccessibleName(/^Validation image \d+: a \w+/);
  await expect(worked.locator('.note')).toContainText(
    /Validation image \d+, a \w+ the model called \w+ — the model the run holds, epoch \d+/,
  );
  const index = await example.getAttribute('data-index');
  const z0 = Number(await page.locator('#worked-z0').inputValue());
  const z1 = Number(await page.locator('#worked-z1').inputValue());
  // The chosen true class is the image's: the loss shown is a wrong answer's.
  const chosen = worked.locator('.loss.chosen');
  await expect(chosen).toContainText('✗ wrong');
  expect(Math.abs(z0 - z1)).toBeGreaterThan(0);
  await expect(worked.getByTestId('show-me-rank')).toContainText('1 of the');
  await worked.getByTestId('show-me-one').click();
  await expect(worked.getByTestId('show-me-rank')).toContainText('2 of the');
  await expect(example).not.toHaveAttribute('data-index', index ?? '');

  expect(await blockingIn(page, ['card-scoring-rules', 'worked-example'])).toEqual([]);
});

test('the recorded run: Brier panel and caption at epoch 40, Show me one picks a confidently wrong coat or pullover', async ({
  page,
}) => {
  // The recording carries its Brier figures (50 bins, with the within-bin parts).
  await openReplayAt(page, RECORDED_EPOCHS);
  // The loss chart's subtitle is on the story (the first screen).
  await expect(page.getByTestId('loss-subtitle-loss')).toHaveText(
    'bottoms out (▲, epoch 15) and then climbs',
  );
  await showView(page, 'why');
  await expect(page.getByTestId('chart-scoring')).toHaveAttribute(
    'data-points',
    String(RECORDED_EPOCHS),
  );
  await expect(page.getByTestId('scoring-bins')).toHaveText('50');
  // The rise rule (lowest 3+ epochs back, beyond the noise) lets NLL's 42 % since epoch 15 be a
  // rise; Brier's +6.5 % is inside its own epoch-to-epoch noise and is worded so.
  await expect(page.getByTestId('scoring-caption')).toContainText(
    /Since epoch 15 \(lowest NLL\) NLL rose [\d.]+%; Brier changed \+[\d.]+%, within its noise \(±[\d.]+%\); the error rate/,
  );
  await expect(page.getByTestId('scoring-caption')).toContainText(
    /within-bin −[\d.]+ \(variance [\d.]+ − covariance [\d.]+; [\d.]+% of reliability: small at 50 bins\)/,
  );
  await expect(page.getByTestId('run-caption')).toContainText(/NLL rose [\d.]+%; Brier changed/);
  await expect(page.getByTestId('chart-calibration')).toHaveAttribute(
    'data-bands',
    String(RECORDED_EPOCHS),
  );
  // 2000 validation images: enough for 15 bins, no warning.
  await expect(page.getByTestId('ece-warning')).toHaveCount(0);
  await showView(page, 'worked');
  const worked = page.getByTestId('worked-example');
  await worked.getByTestId('show-me-one').click();
  await expect(worked.locator('.note')).toContainText(/the model the run holds, epoch 40: logits/);
  await expect(worked.getByTestId('show-me-example').getByRole('img')).toHaveAccessibleName(
    /(Pullover|Coat) called (Pullover|Coat)/,
  );
});
