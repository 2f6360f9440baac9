// Every view one click away (issue 22, part 2): each view's tab shows it by mouse; the tablist
// takes the keyboard (ArrowRight, ArrowLeft, Home, End show the next, previous, first and last
// view, and focus stays on the shown view's tab), at desktop, projector and phone sizes; and the
// shown view is part of the link (view=…), which a reload keeps and whose absence means the story.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VIEW_IDS, VIEW_TABS, type ViewId } from './views';

const SIZES = [
  { name: 'desktop', width: 1280, height: 720, hash: '' },
  { name: 'projector', width: 1280, height: 720, hash: '#projector=1' },
  { name: 'phone', width: 390, height: 844, hash: '' },
] as const;

const tabOf = (page: Page, view: ViewId) =>
  page.getByRole('tab', { name: VIEW_TABS[view], exact: true });

/** `view` is shown: its tab alone is selected, the panel is its view's and the link names it. */
async function expectShown(page: Page, view: ViewId): Promise<void> {
  await expect(tabOf(page, view)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { selected: true })).toHaveCount(1);
  const panel = page.getByRole('tabpanel');
  await expect(panel).toHaveAttribute('data-view', view);
  await expect(panel).toHaveAttribute('aria-labelledby', `tab-${view}`);
  if (view !== 'story') await expect(page).toHaveURL(new RegExp(`[#&]view=${view}(&|$)`));
}

for (const size of SIZES) {
  test(`every view by mouse and keyboard at ${size.name} ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(`/${size.hash}`);
    await expectShown(page, 'story');
    await expect(page.getByRole('tab')).toHaveCount(VIEW_IDS.length);

    // Mouse: each tab shows its view.
    for (const view of VIEW_IDS) {
      await tabOf(page, view).click();
      await expectShown(page, view);
    }

    // Keyboard: one Tab stop on the shown tab, then the arrows, Home and End; focus follows.
    await tabOf(page, 'story').click();
    await expectShown(page, 'story');
    for (const view of VIEW_IDS.slice(1)) {
      await page.keyboard.press('ArrowRight');
      await expectShown(page, view);
      await expect(tabOf(page, view)).toBeFocused();
    }
    const last = VIEW_IDS[VIEW_IDS.length - 1];
    // Past the last tab the arrow wraps to the first, and back again.
    await page.keyboard.press('ArrowRight');
    await expectShown(page, 'story');
    await expect(tabOf(page, 'story')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expectShown(page, last);
    await expect(tabOf(page, last)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expectShown(page, VIEW_IDS[VIEW_IDS.length - 2]);
    await page.keyboard.press('Home');
    await expectShown(page, 'story');
    await expect(tabOf(page, 'story')).toBeFocused();
    await page.keyboard.press('End');
    await expectShown(page, last);
    await expect(tabOf(page, last)).toBeFocused();
    // The other tabs are out of the Tab order: one stop for the whole list.
    for (const view of VIEW_IDS.slice(0, -1))
      await expect(tabOf(page, view)).toHaveAttribute('tabindex', '-1');
  });
}

test('view= round-trips through the link; a link without it opens the story', async ({ page }) => {
  await page.goto('/#view=why');
  await expectShown(page, 'why');
  await tabOf(page, 'fix').click();
  await expectShown(page, 'fix');
  expect(new URL(page.url()).hash).toMatch(/[#&]view=fix(&|$)/);
  await page.reload();
  await expectShown(page, 'fix');
  // A fresh visit without view=: the story.
  await page.goto('about:blank');
  await page.goto('/');
  await expectShown(page, 'story');
  expect(page.url()).not.toContain('view=');
});
