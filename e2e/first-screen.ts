// Boxes on the first screen (the page scrolled to the top), for the layout tests of issue 22:
// whether an element lies wholly inside the viewport, how much of it shows, and the plot area a
// chart's canvas reports (data-chart-area, written by the Chart.js plugin in charts/register.ts).
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's border box in CSS px, relative to the viewport; fails if it is not rendered. */
export async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${what} is rendered`).not.toBeNull();
  return box ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** The viewport's size; the tests set it, so it is never null. */
export function viewportOf(page: Page): { width: number; height: number } {
  const size = page.viewportSize();
  expect(size, 'the test set a viewport').not.toBeNull();
  return size ?? { width: 0, height: 0 };
}

/** Asserts that `locator` lies wholly inside the first screen; returns its box. */
export async function expectOnFirstScreen(locator: Locator, what: string): Promise<Box> {
  const box = await boxOf(locator, what);
  const viewport = viewportOf(locator.page());
  const where = `${what} at x=${box.x}, y=${box.y}, ${box.width}×${box.height}`;
  expect(box.y, where).toBeGreaterThanOrEqual(0);
  expect(box.x, where).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${where} ends within ${viewport.height}px`).toBeLessThanOrEqual(
    viewport.height,
  );
  expect(box.x + box.width, `${where} ends within ${viewport.width}px`).toBeLessThanOrEqual(
    viewport.width,
  );
  return box;
}

/** The area of `box` inside the viewport, in CSS px². */
export function visibleArea(box: Box, viewport: { width: number; height: number }): number {
  const width = Math.min(box.x + box.width, viewport.width) - Math.max(box.x, 0);
  const height = Math.min(box.y + box.height, viewport.height) - Math.max(box.y, 0);
  return Math.max(width, 0) * Math.max(height, 0);
}

/** The chart's plot area (Chart.js chartArea) in CSS px, as its canvas reports it. */
export async function plotArea(canvas: Locator): Promise<{ width: number; height: number }> {
  await expect(canvas).toHaveAttribute('data-chart-area', /^\d+x\d+$/);
  const [width, height] = ((await canvas.getAttribute('data-chart-area')) ?? '0x0')
    .split('x')
    .map(Number);
  return { width, height };
}
