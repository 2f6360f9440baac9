import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS as SERVICE_WORKER_HEADERS } from '../../src/sw/precacheManifest';
import { contentSecurityPolicy } from './csp.mjs';
import { ISOLATION_HEADERS, securityPlugins } from './security.mjs';
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

type Middleware = (request: unknown, response: unknown, next: () => void) => void;

/** Runs the server-headers plugin's `hook` on a fake server, then one request through it. */
function headersSentBy(hook: 'configureServer' | 'configurePreviewServer'): Record<string, string> {
  const middlewares: Middleware[] = [];
  const server = { middlewares: { use: (handler: Middleware) => middlewares.push(handler) } };
  for (const plugin of securityPlugins()) {
    const configure = plugin[hook] as ((server: unknown) => void) | undefined;
    configure?.(server);
  }
  const sent: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (sent[name.toLowerCase()] = value),
  };
  let passedOn = 0;
  for (const middleware of middlewares) middleware({}, response, () => passedOn++);
  expect(passedOn).toBe(middlewares.length); // every handler lets the request go on
  return sent;
}

describe('server headers and policy for wasm', () => {
  // What the servers send, through the plugin as Vite calls it: the values are the ones the
  // HTML spec needs for self.crossOriginIsolated, written out here, not read from security.mjs.
  it.each(['configureServer', 'configurePreviewServer'] as const)(
    'isolate the page from %s: COOP same-origin, COEP require-corp on every response',
    (hook) => {
      const sent = headersSentBy(hook);
      expect(sent['cross-origin-opener-policy']).toBe('same-origin');
      expect(sent['cross-origin-embedder-policy']).toBe('require-corp');
    },
  );

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
