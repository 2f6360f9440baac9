// The badge's rule for when it may look alarming, and its one line, on hand-written cases.
import { describe, expect, it } from 'vitest';
import { backendSummary, backendWarning, skippedReasons } from './backendDisplay';
import type { BackendInfo } from '../types';

const wasm: BackendInfo = {
  name: 'wasm',
  adapter: 'WebAssembly',
  fallbackReason: null,
  tfjsVersion: '4',
  threads: 2,
};

describe('backendWarning (when the badge is a warning)', () => {
  it('auto on WASM because there is no GPU is information', () => {
    const noGpu: BackendInfo = {
      ...wasm,
      fallbackReason: 'WebGPU unavailable: no adapter returned; WebGL unavailable: no context',
      choiceReason: 'no GPU backend, and WebAssembly trains far faster than plain JavaScript',
    };
    expect(backendWarning(noGpu, 'auto')).toBeNull();
  });

  it('a software GPU timed and beaten by WASM is information', () => {
    const beaten: BackendInfo = {
      ...wasm,
      fallbackReason:
        'WebGPU unavailable: no adapter returned; WebGL skipped: ANGLE (SwiftShader) is a ' +
        'software (CPU) emulation, and WASM (2 threads) trained faster (150 images/s vs 10 images/s)',
      candidates: [
        { name: 'webgl', label: 'WebGL (SwiftShader)', imagesPerSecond: 10 },
        { name: 'wasm', label: 'WASM (2 threads)', imagesPerSecond: 150 },
      ],
    };
    expect(backendWarning(beaten, 'auto')).toBeNull();
  });

  it('a forced WebGPU that fell back is a warning', () => {
    const fellBack = { ...wasm, fallbackReason: 'WebGPU unavailable: no adapter returned' };
    expect(backendWarning(fellBack, 'webgpu')).toBe('WebGPU failed');
  });

  it('a lost device is a warning, whatever was asked for', () => {
    expect(backendWarning(wasm, 'auto', true)).toBe('GPU lost');
    expect(backendWarning({ ...wasm, name: 'webgl', threads: undefined }, 'webgpu', true)).toBe(
      'GPU lost',
    );
  });

  it('auto below WASM means WebAssembly itself failed: a warning', () => {
    const cpu: BackendInfo = {
      name: 'cpu',
      adapter: 'cpu',
      fallbackReason: 'WASM unavailable: the WASM backend failed to initialise',
      tfjsVersion: '4',
    };
    expect(backendWarning(cpu, 'auto')).toBe('WASM failed');
  });

  it('the backend asked for, running, is information (a forced CPU too)', () => {
    expect(backendWarning(wasm, 'wasm')).toBeNull();
    const cpu: BackendInfo = {
      name: 'cpu',
      adapter: 'cpu',
      fallbackReason: null,
      tfjsVersion: '4',
    };
    expect(backendWarning(cpu, 'cpu')).toBeNull();
  });
});

describe('backendSummary (the one line after the name)', () => {
  it('names the threads and the speed measured for the winner only', () => {
    const timed: BackendInfo = {
      ...wasm,
      candidates: [
        { name: 'webgl', label: 'WebGL (SwiftShader)', imagesPerSecond: 21.4 },
        { name: 'wasm', label: 'WASM (2 threads)', imagesPerSecond: 402.6 },
      ],
    };
    expect(backendSummary(timed)).toEqual(['2 threads', '403 images/s']);
    expect(backendSummary({ ...wasm, threads: 1 })).toEqual(['1 thread']);
    expect(
      backendSummary({ ...wasm, name: 'webgl', threads: undefined, softwareEmulated: true }),
    ).toEqual(['software GPU']);
  });
});

describe('skippedReasons (the details: one line per backend passed over)', () => {
  it('splits at each backend name, not at a "; " inside a reason', () => {
    const info: BackendInfo = {
      ...wasm,
      fallbackReason:
        'WebGPU unavailable: no adapter returned; WebGL skipped: its warm-up step overran its ' +
        '1500 ms slice (no speed measured; the next start times it again)',
    };
    expect(skippedReasons(info, 'auto')).toEqual([
      'WebGPU unavailable: no adapter returned',
      'WebGL skipped: its warm-up step overran its 1500 ms slice (no speed measured; the next start times it again)',
      'Now training on WASM.',
    ]);
  });

  it('names the wanted backend before a bare reason, and says nothing when none was skipped', () => {
    expect(skippedReasons({ ...wasm, fallbackReason: 'no adapter' }, 'webgpu')).toEqual([
      'WebGPU unavailable: no adapter',
      'Now training on WASM.',
    ]);
    expect(skippedReasons(wasm, 'wasm')).toEqual([]);
  });
});
