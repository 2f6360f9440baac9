// How the page names a backend and what its badge says beside the name. Pure and tf-free: the
// page imports it (through backend.ts), and the wording is tested in Node.

import type { BackendInfo, BackendName, BackendPreference } from '../types';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

const DISPLAY_NAME: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export function backendDisplayName(name: BackendName): string {
  return DISPLAY_NAME[name];
}

/** A measured speed as the reasons and the badge write it: one decimal below 10 images/s. */
export function imagesPerSecondText(imagesPerSecond: number): string {
  return `${imagesPerSecond.toFixed(imagesPerSecond < 10 ? 1 : 0)} images/s`;
}

/**
 * Lines the badge shows beside the backend's name: threads, precision, emulation, measurements.
 * Pure, so the wording is tested in Node.
 */
export function backendNotes(backend: BackendInfo): string[] {
  const notes: string[] = [];
  if (backend.name === 'wasm') {
    const threads = backend.threads ?? 1;
    notes.push(
      threads > 1
        ? `${threads} threads, SIMD`
        : backend.crossOriginIsolated === false
          ? '1 thread, SIMD: the page is not cross-origin isolated (no COOP/COEP headers yet; reload once the offline worker is installed)'
          : '1 thread, SIMD (TensorFlow.js uses half the logical cores: threads need 4 or more)',
    );
  }
  if (backend.softwareEmulated) notes.push('software-emulated GPU (runs on the CPU)');
  if (backend.halfFloat) {
    notes.push('half-float (16-bit) WebGL textures: numbers differ from float32 backends');
  }
  if (backend.candidates && backend.candidates.length > 0) {
    notes.push(
      'measured: ' +
        backend.candidates
          .map((c) => `${c.label} ${imagesPerSecondText(c.imagesPerSecond)}`)
          .join(', '),
    );
  }
  if (backend.choiceReason) notes.push(`Why: ${backend.choiceReason}`);
  return notes;
}

/**
 * The badge's one line after the name: threads (WASM), a software GPU, and the speed `auto`
 * measured for the winner. Everything longer waits in the details.
 */
export function backendSummary(backend: BackendInfo): string[] {
  const facts: string[] = [];
  if (backend.name === 'wasm') {
    const threads = backend.threads ?? 1;
    facts.push(`${threads} ${threads === 1 ? 'thread' : 'threads'}`);
  }
  if (backend.softwareEmulated) facts.push('software GPU');
  const measured = backend.candidates?.find((candidate) => candidate.name === backend.name);
  if (measured) facts.push(imagesPerSecondText(measured.imagesPerSecond));
  return facts;
}

/** Each backend passed over starts a reason, e.g. "WebGL skipped: …" (backend.ts, backendTiming.ts). */
const NEXT_REASON = /; (?=(?:WebGPU|WebGL|WASM|CPU) (?:unavailable|skipped):)/;

/**
 * Why each backend before the running one was passed over, one line each (a reason may hold
 * "; " itself, so the split is on the next backend's name), and what training runs on instead.
 */
export function skippedReasons(backend: BackendInfo, preference: BackendPreference): string[] {
  if (backend.fallbackReason === null) return [];
  const wanted = backendDisplayName(preference === 'auto' ? 'webgpu' : preference);
  const reasons = backend.fallbackReason.trim().split(NEXT_REASON);
  // A reason without its backend's name (runs saved before reasons carried it) is the wanted one's.
  if (!reasons[0].toLowerCase().startsWith(wanted.toLowerCase())) {
    reasons[0] = `${wanted} unavailable: ${reasons[0]}`;
  }
  return [...reasons, `Now training on ${backendDisplayName(backend.name)}.`];
}

/**
 * What is actually wrong, in a few words, or null when the badge only informs. `auto` walking
 * past absent or slower GPUs to WASM is the normal case on most laptops, not a fault; a forced
 * backend that is not the one running, a lost GPU, or `auto` falling below WASM (WebAssembly
 * itself failed) is.
 */
export function backendWarning(
  backend: BackendInfo,
  preference: BackendPreference,
  deviceLost = false,
): string | null {
  if (deviceLost) return 'GPU lost';
  if (preference !== 'auto' && (backend.name !== preference || backend.fallbackReason !== null)) {
    return `${backendDisplayName(preference)} failed`;
  }
  if (preference === 'auto' && backend.name === 'cpu') return 'WASM failed';
  return null;
}
