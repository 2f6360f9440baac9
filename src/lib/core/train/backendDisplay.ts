// How the page names a backend and what its badge says beside the name. Pure and tf-free: the
// page imports it (through backend.ts), and the wording is tested in Node.

import type { BackendInfo, BackendName } from '../types';

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
