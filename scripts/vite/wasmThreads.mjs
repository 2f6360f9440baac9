// Vite plugin: WebAssembly threads without blob: URLs. tfjs-backend-wasm starts its pthread
// workers from a Blob of their source and has them importScripts() another Blob; the CSP
// (./csp.mjs) allows workers and scripts from 'self' only, and widening it to blob: would let
// any injected Blob run. So the two scripts are emitted as files of this origin, and the
// loader is patched to take their URLs from `globalThis.__tfjsWasmThreadFiles` (set by
// src/lib/worker/train/tfEnvironment.ts), falling back to its Blobs when unset.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const THREAD_FILES_MODULE = 'virtual:tfjs-wasm-thread-files';
const RESOLVED_MODULE = `\0${THREAD_FILES_MODULE}`;
const WORKER_NAME = 'tfjs-backend-wasm-threaded-simd.worker.js';
const MAIN_NAME = 'tfjs-backend-wasm-threaded-simd.js';
/** Where `vite dev` serves the two files. */
const DEV_PREFIX = '/@tfjs-wasm/';
const LOADER = /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;

/** [original, replacement] pairs for tfjs-backend-wasm's dist/backend_wasm.js (4.22). */
export const LOADER_PATCHES = [
  [
    'return URL.createObjectURL(blob);',
    'return globalThis.__tfjsWasmThreadFiles?.worker ?? URL.createObjectURL(blob);',
  ],
  [
    'factoryConfig.mainScriptUrlOrBlob = new Blob(',
    'factoryConfig.mainScriptUrlOrBlob = globalThis.__tfjsWasmThreadFiles?.main ?? new Blob(',
  ],
];

/**
 * Applies LOADER_PATCHES; each original must occur exactly once, so a tfjs upgrade that moves
 * them fails the build instead of silently losing threads.
 * @param {string} code
 */
export function patchWasmLoader(code) {
  return LOADER_PATCHES.reduce((patched, [original, replacement]) => {
    const parts = patched.split(original);
    if (parts.length !== 2) {
      throw new Error(`tfjs-backend-wasm loader: expected "${original}" exactly once`);
    }
    return parts.join(replacement);
  }, code);
}

/** The pthread worker's source, as tfjs-backend-wasm writes it into its Blob. */
export function pthreadWorkerSource() {
  /** @type {{ wasmWorkerContents: string }} */
  const module = require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js');
  // As tfjs does: the template literal it ships turned the source's "\n" escapes into newlines.
  return module.wasmWorkerContents.replace(/\n/g, '\\n');
}

/** The threaded module factory (a classic script defining WasmBackendModuleThreadedSimd). */
export function threadedMainSource() {
  return readFileSync(
    require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
    'utf8',
  );
}

/** @returns {import('vite').Plugin} */
export function wasmThreadsPlugin() {
  let serving = false;
  return {
    name: 'overconfidence:wasm-threads',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === THREAD_FILES_MODULE ? RESOLVED_MODULE : null;
    },
    load(id) {
      if (id !== RESOLVED_MODULE) return null;
      if (serving) {
        return `export const wasmThreadFiles = { worker: '${DEV_PREFIX}${WORKER_NAME}', main: '${DEV_PREFIX}${MAIN_NAME}' };`;
      }
      const worker = this.emitFile({
        type: 'asset',
        name: WORKER_NAME,
        source: pthreadWorkerSource(),
      });
      const main = this.emitFile({ type: 'asset', name: MAIN_NAME, source: threadedMainSource() });
      return (
        `export const wasmThreadFiles = { worker: import.meta.ROLLUP_FILE_URL_${worker}, ` +
        `main: import.meta.ROLLUP_FILE_URL_${main} };`
      );
    },
    transform(code, id) {
      return LOADER.test(id.split('?')[0]) ? { code: patchWasmLoader(code), map: null } : null;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = request.url?.startsWith(DEV_PREFIX)
          ? request.url.slice(DEV_PREFIX.length)
          : '';
        const source =
          name === WORKER_NAME
            ? pthreadWorkerSource()
            : name === MAIN_NAME
              ? threadedMainSource()
              : null;
        if (source === null) return next();
        response.setHeader('Content-Type', 'text/javascript');
        response.end(source);
      });
    },
  };
}
