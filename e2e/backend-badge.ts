// The backend badge shows one line; why it chose that backend opens on demand. Specs that read
// the reasons open them first, as a person would.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens the badge's details (reasons, adapter, measurements); returns the badge. */
export async function openBackendDetails(page: Page): Promise<Locator> {
  const badge = page.getByTestId('backend-badge');
  const details = badge.getByTestId('backend-details');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
  return badge;
}
