import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS as SERVICE_WORKER_HEADERS } from '../../src/sw/precacheManifest';
import { contentSecurityPolicy } from './csp.mjs';
import { ISOLATION_HEADERS, PREVIEW_HEADERS } from './security.mjs';
import {
  LOADER_PATCHES,
  patchWasmLoader,
  pthreadWorkerSource,
  threadedMainSource,
} from './wasmThreads.mjs';

const require = createRequire(import.meta.url);
const installedLoader = () =>
  readFileSync(require.resolve('@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js'), 'utf8');

describe('the wasm thread files', () => {
  it('patch the installed tfjs-backend-wasm loader at both places', () => {
    const patched = patchWasmLoader(installedLoader());
    for (const [original, replacement] of LOADER_PATCHES) {
      expect(patched).toContain(replacement);
      expect(patched.split(original)).toHaveLength(1 + Number(replacement.includes(original)));
    }
    expect(patched.match(/__tfjsWasmThreadFiles/g)).toHaveLength(2);
  });

  it('fail loudly on a loader they do not recognise', () => {
    expect(() => patchWasmLoader('export const nothing = 1;')).toThrow(/exactly once/);
  });

  it('are classic scripts: the pthread worker imports the module script, which defines the factory', () => {
    const worker = pthreadWorkerSource();
    const main = threadedMainSource();
    // Parses (a template literal's unescaped "\n" inside a string literal would not).
    expect(() => new Function(worker)).not.toThrow();
    expect(() => new Function(main)).not.toThrow();
    expect(worker).toContain('importScripts(e.data.urlOrBlob)');
    expect(main).toMatch(/^\s*var WasmBackendModuleThreadedSimd = /);
  });
});

describe('server headers and policy for wasm', () => {
  it('isolate the page (COOP same-origin, COEP require-corp) from the preview server', () => {
    expect(ISOLATION_HEADERS).toEqual({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    expect(PREVIEW_HEADERS).toMatchObject(ISOLATION_HEADERS);
  });

  it('are the ones the offline service worker adds to what it serves', () => {
    expect(SERVICE_WORKER_HEADERS).toEqual(ISOLATION_HEADERS);
  });

  it("allow WebAssembly compilation ('wasm-unsafe-eval') and nothing broader", () => {
    for (const where of ['meta', 'header'] as const) {
      const scriptSources = contentSecurityPolicy(where)
        .split('; ')
        .find((directive) => directive.startsWith('script-src '));
      expect(scriptSources).toBe("script-src 'self' 'wasm-unsafe-eval'");
      expect(contentSecurityPolicy(where)).not.toMatch(/'unsafe-eval'|'unsafe-inline'|blob:/);
    }
  });
});
