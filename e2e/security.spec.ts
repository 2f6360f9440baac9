// Security: a strict Content-Security-Policy, enforced; the page cross-origin isolated (COOP +
// COEP, for wasm threads); nothing requested from another origin; no remote fonts, analytics
// or other third-party tags.
import { CSP_DIRECTIVES, contentSecurityPolicy } from '../scripts/vite/csp.mjs';
import { ISOLATION_HEADERS } from '../scripts/vite/security.mjs';
import { expect, openApp, test, TINY, TINY_AUTO, waitForStatus } from './fixtures';

/**
 * Sources allowed anywhere in the policy: no host, scheme-wide (blob: included) or wildcard
 * source; 'wasm-unsafe-eval' compiles WebAssembly only, never JavaScript.
 */
const ALLOWED_SOURCES = new Set(["'self'", "'none'", 'data:', "'wasm-unsafe-eval'"]);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

test('the page carries a strict policy, as a header and as the first <meta> in <head>', async ({
  page,
}) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy('header'));
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
    expect(response?.headers()[name.toLowerCase()], name).toBe(value);
  }
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', contentSecurityPolicy('meta'));
  // A policy only binds what the parser meets after it: nothing that loads may come first.
  const before = await page.evaluate(() => {
    const tag = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return [...document.querySelectorAll('script, link, style')].filter(
      (element) => tag && element.compareDocumentPosition(tag) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).length;
  });
  expect(before).toBe(0);

  for (const policy of [contentSecurityPolicy('header'), contentSecurityPolicy('meta')]) {
    const parsed = directives(policy);
    // WebAssembly compilation for the wasm backend, and nothing broader.
    expect(parsed.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const name of ['default-src', 'worker-src', 'connect-src', 'style-src', 'base-uri']) {
      expect(parsed.get(name), name).toEqual(["'self'"]);
    }
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    for (const [name, sources] of parsed) {
      for (const source of sources) expect(ALLOWED_SOURCES, `${name} ${source}`).toContain(source);
    }
  }
  // Every allowance carries its reason.
  for (const directive of CSP_DIRECTIVES) expect(directive.reason.length).toBeGreaterThan(10);
});

test('inline script is refused', async ({ page, guard }) => {
  await openApp(page, TINY);
  await page.evaluate(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations?.push(event.effectiveDirective),
    );
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inlineRan = "yes"';
    document.body.append(script);
  });
  // Refused once by each copy of the policy: the header and the <meta> tag.
  await expect
    .poll(() => page.evaluate(() => window.cspViolations))
    .toEqual(['script-src-elem', 'script-src-elem']);
  expect(await page.evaluate(() => document.body.dataset.inlineRan)).toBeUndefined();
  // The browser also reports the refusals as console errors: expected here, and only here.
  const expected = (text: string) =>
    /inline script violates the following Content Security/.test(text);
  expect(guard.consoleErrors.filter(expected)).toHaveLength(2);
  const others = guard.consoleErrors.filter((text) => !expected(text));
  guard.consoleErrors.splice(0, guard.consoleErrors.length, ...others);
});

for (const backend of ['webgl', 'wasm'] as const) {
  test(`a ${backend} training run violates nothing and never leaves the origin`, async ({
    page,
    context,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations?.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    await openApp(page, `${TINY_AUTO}&backend=${backend}`);
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', backend);
    // The worker has its own policy (from its response header) and its own violation events.
    // The training worker (wasm also starts its thread workers, from this origin).
    const worker = page.workers().find((candidate) => /train\.worker/.test(candidate.url()));
    if (!worker) throw new Error('no training worker');
    if (backend === 'wasm') {
      const threadWorkers = page.workers().filter((candidate) => candidate !== worker);
      for (const thread of threadWorkers)
        expect(new URL(thread.url()).origin).toBe(new URL(baseURL ?? '').origin);
    }
    await worker.evaluate(() => {
      const scope = self as unknown as { cspViolations: string[] } & EventTarget;
      scope.cspViolations = [];
      scope.addEventListener('securitypolicyviolation', (event) =>
        scope.cspViolations.push(
          `${(event as SecurityPolicyViolationEvent).effectiveDirective} ${(event as SecurityPolicyViolationEvent).blockedURI}`,
        ),
      );
    });

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await waitForStatus(page, 'done');

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(
      await worker.evaluate(() => (self as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);

    const remote = requested.filter(
      (url) =>
        !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
    );
    expect(requested.length).toBeGreaterThan(0);
    expect(remote, 'requests to other origins').toEqual([]);

    // No remote fonts, analytics or embeds: every linked or loaded resource is our own.
    const page_ = await page.evaluate(() => ({
      linked: [...document.querySelectorAll<HTMLElement>('[src], link[href]')].map(
        (element) => element.getAttribute('src') ?? element.getAttribute('href') ?? '',
      ),
      loaded: performance.getEntriesByType('resource').map((entry) => entry.name),
      fonts: document.fonts.size,
      frames: document.querySelectorAll('iframe, object, embed').length,
    }));
    for (const url of [...page_.linked, ...page_.loaded]) {
      const resolved = new URL(url, baseURL);
      if (resolved.protocol === 'data:') continue;
      expect(resolved.origin, url).toBe(origin);
    }
    expect(page_.fonts).toBe(0);
    expect(page_.frames).toBe(0);
  });
}
