// The page's views (tabs) and its settings drawer, as a user reaches them: a click on the tab or
// on Settings, then a wait for what shows. Specs use these rather than scrolling for a panel.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The tabs' names, by view id (src/lib/settings/views.ts). */
export const VIEW_TABS = {
  story: 'Story',
  why: 'Why',
  classes: 'Classes',
  fix: 'Fix it',
  sweep: 'Sweep',
  examples: 'Examples',
  worked: 'Worked example',
  data: 'Your data',
  runs: 'Runs',
} as const;

export type ViewId = keyof typeof VIEW_TABS;

/** Clicks the view's tab and waits until its panel shows. */
export async function showView(page: Page, view: ViewId): Promise<void> {
  await page.getByRole('tab', { name: VIEW_TABS[view], exact: true }).click();
  await expect(page.getByRole('tabpanel')).toHaveAttribute('data-view', view);
}

/** Opens the settings drawer (if closed) and waits for it. */
export async function openSettings(page: Page): Promise<void> {
  const drawer = page.getByTestId('settings-drawer');
  if (!(await drawer.isVisible()))
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(drawer).toBeVisible();
}

/** Closes the settings drawer with its Close button. */
export async function closeSettings(page: Page): Promise<void> {
  const drawer = page.getByTestId('settings-drawer');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();
}

/** Every view id, in tab order. */
export const VIEW_IDS = Object.keys(VIEW_TABS) as ViewId[];
