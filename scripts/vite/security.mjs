// Vite plugin: puts the Content-Security-Policy (./csp.mjs) into the built index.html as a
// <meta> tag, and serves it as a header (with the header-only directives) from `vite preview`
// (not on the dev server: its hot reload injects inline <style> elements); and sends the
// cross-origin isolation headers from both servers.

import path from 'node:path';
import { contentSecurityPolicy } from './csp.mjs';

/** Where index.html wants the <meta> tag. */
export const CSP_MARKER = '<!-- Content-Security-Policy -->';

/**
 * Cross-origin isolation: with these the page gets SharedArrayBuffer, so the wasm backend runs
 * on several threads. Everything the app loads is from its own origin, so require-corp costs
 * nothing. Sent by `vite dev` and `vite preview`, and added by the offline service worker to
 * what it serves (src/sw/precacheManifest.ts keeps an equal copy; offline.test.ts checks), so a
 * static host that cannot set headers still gets threads from the second visit on.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Headers for every response of `vite preview` (the production build as users get it). */
export const PREVIEW_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy('header'),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  ...ISOLATION_HEADERS,
};

/**
 * @param {{ middlewares: { use(handler: (request: unknown, response: import('node:http').ServerResponse, next: () => void) => void): void } }} server
 * @param {Record<string, string>} headers
 */
function sendHeaders(server, headers) {
  server.middlewares.use((_request, response, next) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    next();
  });
}

/** @returns {import('vite').Plugin[]} */
export function securityPlugins() {
  return [
    {
      name: 'overconfidence:csp-meta',
      apply: 'build',
      transformIndexHtml(html, context) {
        const meta = {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: contentSecurityPolicy('meta'),
          },
        };
        // At the marker, right after <meta charset>: a policy binds only what the parser meets
        // after it, and Vite adds its script tags further down the <head>.
        const parts = html.split(CSP_MARKER);
        if (parts.length === 2) {
          return parts.join(
            `<meta http-equiv="Content-Security-Policy" content="${meta.attrs.content}" />`,
          );
        }
        if (path.basename(context.filename) === 'index.html') {
          throw new Error(`index.html must hold ${CSP_MARKER} exactly once`);
        }
        // Other pages of a multi-page build get the same policy, first in <head>.
        return { html, tags: [{ ...meta, injectTo: 'head-prepend' }] };
      },
    },
    {
      name: 'overconfidence:server-headers',
      // The dev server gets isolation (threads) but not the CSP: its hot reload injects inline styles.
      configureServer(server) {
        sendHeaders(server, ISOLATION_HEADERS);
      },
      configurePreviewServer(server) {
        sendHeaders(server, PREVIEW_HEADERS);
      },
    },
  ];
}
