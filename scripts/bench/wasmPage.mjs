// The app page on WASM, the no-GPU path most laptops take: ready, first epoch, long tasks and
// frames after epoch 1, as the GPU paths measure them (appPage.mjs), in a browser of its own.
import { measureAppPage } from './appPage.mjs';
import { pageHash, planFor } from './profiles.mjs';

const PAGE_TIMEOUT_MS = 10 * 60_000;

/**
 * @param {{ baseUrl: string, launch: (backend: 'wasm') => Promise<import('@playwright/test').Browser>,
 *   profile: string, log: (line: string) => void }} context
 */
export async function measureWasmPage({ baseUrl, launch, profile, log }) {
  // No GPU is emulated on this path: 'auto' means the full page run.
  const plan = planFor(profile === 'quick' || profile === 'emulated' ? profile : 'full', 'wasm');
  const hash = pageHash(plan.page, 'wasm');
  log(`wasm: app page, cold then warm (train ${plan.page.train}, ${plan.page.epochs} epochs)`);
  const browser = await launch('wasm');
  try {
    const result = await measureAppPage(browser, {
      baseUrl,
      hash,
      epochs: plan.page.epochs,
      timeoutMs: PAGE_TIMEOUT_MS,
    });
    for (const visit of [result.cold, result.warm]) {
      if (visit.backend !== 'wasm')
        throw new Error(`The app page ran on ${visit.backend}, not wasm`);
    }
    return { plan: { profile: plan.profile, page: plan.page }, page: { hash, ...result } };
  } finally {
    await browser.close();
  }
}
