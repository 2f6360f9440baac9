// Reads what the page shows in words: the per-epoch table under the loss chart.
import type { Page } from '@playwright/test';

/** The rows of "Figures as a table" under the loss chart (opened if closed), as text. */
export async function figureRows(page: Page): Promise<string[]> {
  const chart = page.getByTestId('chart-loss');
  const details = chart.locator('details');
  if (!(await details.evaluate((element: HTMLDetailsElement) => element.open))) {
    await chart.getByText('Figures as a table').click();
  }
  return chart.locator('tbody tr').allInnerTexts();
}
