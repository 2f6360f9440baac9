// The Content-Security-Policy, one directive per line with the reason for every allowance.
// Used by the Vite plugin in ./security.mjs (a <meta> tag in the built index.html and the same
// policy as a header from `vite preview`) and by e2e/security.spec.ts.
//
// Why a header as well as the meta tag: a <meta> policy binds only the document. The training
// worker (where TensorFlow.js runs) and the service worker are fetched scripts, and a fetched
// worker gets its policy from its own response headers — so deploy with the header too.

/**
 * @typedef {object} Directive
 * @property {string} name
 * @property {string[]} sources
 * @property {string} reason
 * @property {boolean} [headerOnly] browsers ignore it in a <meta> tag (and warn), so only the
 *   header carries it.
 */

/** @type {readonly Directive[]} */
export const CSP_DIRECTIVES = [
  {
    name: 'default-src',
    sources: ["'self'"],
    reason: 'Anything not named below may come from this origin only: no third-party origins.',
  },
  {
    name: 'script-src',
    sources: ["'self'", "'wasm-unsafe-eval'"],
    reason:
      'Only the bundled modules. No inline script, no eval/new Function: TensorFlow.js does not ' +
      'need them (its WebGL/WebGPU backends compile GLSL/WGSL shaders, which is not script). ' +
      "'wasm-unsafe-eval' lets the wasm backend compile its own .wasm binaries (served from this " +
      'origin); it allows WebAssembly compilation only, not eval of JavaScript. The wasm ' +
      "threads' worker scripts are files of this origin too (./wasmThreads.mjs), so no blob:.",
  },
  {
    name: 'worker-src',
    sources: ["'self'"],
    reason:
      "The training worker, the wasm backend's thread workers and the offline service worker are our own files.",
  },
  {
    name: 'connect-src',
    sources: ["'self'"],
    reason: 'Dataset files are fetched from this origin only; nothing is uploaded.',
  },
  {
    name: 'img-src',
    sources: ["'self'", 'data:'],
    reason:
      'data: for the inline SVG favicon in index.html. Images and charts are drawn on canvases, ' +
      'so no blob: images are needed (the run-file download is a navigation, not an image).',
  },
  {
    name: 'style-src',
    sources: ["'self'"],
    reason:
      "The built stylesheet only. No 'unsafe-inline': Svelte compiles component styles into that " +
      'file, and the charts set element.style through the CSSOM, which CSP does not restrict.',
  },
  { name: 'font-src', sources: ["'self'"], reason: 'No remote fonts: the page uses system fonts.' },
  { name: 'object-src', sources: ["'none'"], reason: 'No plugins.' },
  { name: 'base-uri', sources: ["'self'"], reason: 'A injected <base> cannot redirect our URLs.' },
  { name: 'form-action', sources: ["'none'"], reason: 'The page never submits a form.' },
  {
    name: 'frame-ancestors',
    sources: ["'none'"],
    reason: 'No other site may frame the page (clickjacking).',
    headerOnly: true,
  },
];

/**
 * @param {'meta' | 'header'} where
 * @returns {string}
 */
export function contentSecurityPolicy(where) {
  return CSP_DIRECTIVES.filter((directive) => where === 'header' || !directive.headerOnly)
    .map((directive) => `${directive.name} ${directive.sources.join(' ')}`)
    .join('; ');
}
