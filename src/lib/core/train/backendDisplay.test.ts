import { describe, expect, it } from 'vitest';
import { backendNotes } from './backendDisplay';
import type { BackendInfo } from '../types';

describe('backendNotes (the badge lines)', () => {
  const base: BackendInfo = { name: 'wasm', adapter: 'x', fallbackReason: null, tfjsVersion: '4' };

  it('names the threads, and why there is only one', () => {
    expect(backendNotes({ ...base, threads: 2, crossOriginIsolated: true })[0]).toBe(
      '2 threads, SIMD',
    );
    expect(backendNotes({ ...base, threads: 1, crossOriginIsolated: false })[0]).toMatch(
      /^1 thread, SIMD: the page is not cross-origin isolated/,
    );
    expect(backendNotes({ ...base, threads: 1, crossOriginIsolated: true })[0]).toMatch(
      /^1 thread, SIMD \(TensorFlow.js uses half the logical cores/,
    );
  });

  it('names a half-float WebGL and a software-emulated GPU', () => {
    const notes = backendNotes({ ...base, name: 'webgl', halfFloat: true, softwareEmulated: true });
    expect(notes).toContain('software-emulated GPU (runs on the CPU)');
    expect(notes.some((note) => /half-float \(16-bit\)/.test(note))).toBe(true);
    expect(backendNotes({ ...base, name: 'webgl', halfFloat: false })).toEqual([]);
  });

  it('lists every measured candidate and why the winner won', () => {
    const notes = backendNotes({
      ...base,
      threads: 2,
      candidates: [
        { name: 'webgl', label: 'WebGL (SwiftShader)', imagesPerSecond: 21.4 },
        { name: 'wasm', label: 'WASM (2 threads)', imagesPerSecond: 402.6 },
      ],
      choiceReason: 'fastest of 2 for the wide model (measured just now)',
    });
    expect(notes).toContain(
      'measured: WebGL (SwiftShader) 21 images/s, WASM (2 threads) 403 images/s',
    );
    expect(notes).toContain('Why: fastest of 2 for the wide model (measured just now)');
  });
});
