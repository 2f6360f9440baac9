// Vite plugin: puts the Content-Security-Policy (./csp.mjs) into the built index.html as a
// <meta> tag, and serves it as a header (with the header-only directives) from `vite preview`.
// Not on the dev server: its hot reload injects inline <style> elements.

import path from 'node:path';
import { contentSecurityPolicy } from './csp.mjs';

/** Where index.html wants the <meta> tag. */
export const CSP_MARKER = '<!-- Content-Security-Policy -->';

/** Headers for every response of `vite preview` (the production build as users get it). */
export const PREVIEW_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy('header'),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

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
      name: 'overconfidence:preview-headers',
      configurePreviewServer(server) {
        server.middlewares.use((_request, response, next) => {
          for (const [name, value] of Object.entries(PREVIEW_HEADERS)) {
            response.setHeader(name, value);
          }
          next();
        });
      },
    },
  ];
}
