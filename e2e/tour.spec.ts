// The tour works before any run and never hides what it points at (issue 22, part 6): on a page
// with nothing trained its first step offers the replay; then, at every step, the step's target
// ([data-tour-active], in its view or the settings drawer) is on screen and the tour card covers
// none of the target's words (its h2, h3, p and label boxes), at 1280×720 and in projector mode.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Sub-pixel layout rounds: boxes overlap when they share more than this, each way. */
const OVERLAP_TOLERANCE_PX = 1;

const SIZES = [
  { name: 'desktop', hash: '' },
  { name: 'projector mode', hash: '&projector=1' },
] as const;

/** What is wrong with the current step's placement: [] when its target is on screen, uncovered. */
async function placementProblems(page: Page): Promise<string[]> {
  return page.evaluate((tolerance) => {
    const target = document.querySelector('[data-tour-active]');
    const card = document.querySelector('[data-testid="tour"]');
    if (!target || !card) return ['no target or no tour card'];
    const box = target.getBoundingClientRect();
    const problems: string[] = [];
    const onScreen =
      box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
    if (!onScreen) problems.push(`target off screen at y=${Math.round(box.top)}`);
    const cardBox = card.getBoundingClientRect();
    for (const word of target.querySelectorAll('h2, h3, p, label')) {
      const wordBox = word.getBoundingClientRect();
      if (wordBox.width === 0 || wordBox.height === 0) continue;
      const across = Math.min(wordBox.right, cardBox.right) - Math.max(wordBox.left, cardBox.left);
      const down = Math.min(wordBox.bottom, cardBox.bottom) - Math.max(wordBox.top, cardBox.top);
      if (across > tolerance && down > tolerance)
        problems.push(`covers <${word.tagName.toLowerCase()}> "${word.textContent?.trim()}"`);
    }
    return problems;
  }, OVERLAP_TOLERANCE_PX);
}

for (const size of SIZES) {
  test(`the tour in ${size.name} at 1280×720: replay offered first, every target on screen and uncovered`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/#tour=1${size.hash}`);
    const tour = page.getByTestId('tour');
    await expect(tour).toContainText('Step 1 of');
    // Nothing trained yet: the first step offers the recorded run rather than empty axes.
    const offer = tour.getByTestId('tour-offer');
    await expect(offer).toBeVisible();
    await offer.click();
    await expect(page.getByTestId('replay-label')).toContainText('Recorded run');
    await expect(offer).toBeHidden();

    const count = Number(/Step 1 of (\d+)/.exec((await tour.textContent()) ?? '')?.[1]);
    expect(count, 'the tour has steps').toBeGreaterThan(1);
    for (let step = 1; step <= count; step += 1) {
      await expect(tour).toContainText(`Step ${step} of ${count}`);
      await expect(page.locator('[data-tour-active]')).toHaveCount(1);
      const name = await tour.getAttribute('data-step');
      await expect
        .poll(() => placementProblems(page), { message: `step ${step} (${name})` })
        .toEqual([]);
      await tour.getByRole('button', { name: step === count ? 'Finish' : 'Next' }).click();
    }
    await expect(tour).toBeHidden();
  });
}
