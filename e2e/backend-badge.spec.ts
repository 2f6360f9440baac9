// The badge is one calm line at desktop and phone sizes: it never wraps or spills out of its
// box, the reasons wait behind a disclosure, and the warning colour is kept for real faults.
import { openBackendDetails } from './backend-badge';
import { expect, openApp, test, TINY_AUTO } from './fixtures';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const;

/** `auto` here (no GPU, SwiftShader timed against WASM) is information; a forced WebGPU that fell back is not. */
const CASES = [
  { hash: TINY_AUTO, tone: 'info' },
  { hash: `${TINY_AUTO}&backend=webgpu`, tone: 'warning' },
] as const;

for (const size of SIZES) {
  for (const { hash, tone } of CASES) {
    test(`at ${size.width}×${size.height} the ${tone} badge is one line inside its box`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await openApp(page, hash);
      const badge = page.getByTestId('backend-badge');
      await expect(badge).toHaveAttribute('data-tone', tone);
      const summary = badge.locator('summary');
      await expect(summary).toBeVisible();
      // Reasons are closed until asked for.
      await expect(badge.locator('.details')).toBeHidden();
      const fit = await badge.evaluate((element) => {
        const line = element.querySelector('summary') as HTMLElement;
        const style = getComputedStyle(line);
        // 'normal' line height is about 1.2 font sizes.
        const lineHeight = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
        const outer = element.getBoundingClientRect();
        const inner = line.getBoundingClientRect();
        const spills = [...line.querySelectorAll('*')].filter((child) => {
          const box = child.getBoundingClientRect();
          return box.right > inner.right + 1 || box.left < inner.left - 1;
        });
        return {
          lines: inner.height / lineHeight,
          insideBadge: inner.left >= outer.left - 1 && inner.right <= outer.right + 1,
          insideViewport: outer.left >= 0 && outer.right <= window.innerWidth,
          spills: spills.length,
        };
      });
      expect(fit.lines, 'summary height in lines').toBeLessThan(1.5);
      expect(fit).toMatchObject({ insideBadge: true, insideViewport: true, spills: 0 });

      const opened = await openBackendDetails(page);
      await expect(opened.locator('.details')).toBeVisible();
      await expect(opened.locator('.details')).toContainText(/unavailable|skipped/);
    });
  }
}
