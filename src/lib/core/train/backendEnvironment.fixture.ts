// A scripted BackendEnvironment for the selection tests: which APIs exist, which backends fail
// (returning false or throwing), what the adapters are called, whether the WebGL renderer is
// masked, how fast each candidate trains (or that its warm-up overran, or its device was lost).
// It records every backend tried, every timing asked for and every backend released.

import { expect } from 'vitest';
import type { BackendEnvironment, MeasuredSpeeds, WebGpuAdapterInfo } from './backendEnvironment';
import type { BackendName, ModelPreset } from '../types';

export const HARDWARE_ADAPTER: WebGpuAdapterInfo = {
  description: 'nvidia ampere',
  isFallbackAdapter: false,
  masked: false,
};
export const SWIFTSHADER_ADAPTER: WebGpuAdapterInfo = {
  description: 'google swiftshader',
  isFallbackAdapter: false,
  masked: false,
};
export const SWIFTSHADER_GL =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';

export interface FakeOptions {
  gpuApi?: boolean;
  adapter?: WebGpuAdapterInfo | null | Error;
  renderer?: string;
  /** WEBGL_debug_renderer_info is unavailable: `renderer` is the masked string. */
  rendererMasked?: boolean;
  failing?: Partial<Record<BackendName, 'false' | 'throw'>>;
  simd?: boolean;
  isolated?: boolean;
  threads?: number;
  halfFloat?: boolean;
  speeds?: MeasuredSpeeds;
  /** Backends whose warm-up step overruns its slice. */
  overrun?: readonly BackendName[];
  /** Backends whose device is lost while they are timed (measureTraining throws). */
  lostDuringTiming?: readonly BackendName[];
  cache?: Map<string, MeasuredSpeeds>;
}

export type FakeEnvironment = BackendEnvironment & {
  tried: BackendName[];
  measured: { name: BackendName; model: ModelPreset; budgetMs: number }[];
  released: BackendName[];
  active: () => BackendName | null;
};

export function fakeEnvironment(options: FakeOptions): FakeEnvironment {
  const tried: BackendName[] = [];
  const measured: FakeEnvironment['measured'] = [];
  const released: BackendName[] = [];
  const cache = options.cache ?? new Map<string, MeasuredSpeeds>();
  let active: BackendName | null = null;
  return {
    tried,
    measured,
    released,
    active: () => active,
    hasWebGpuApi: () => options.gpuApi ?? true,
    async requestWebGpuAdapter() {
      if (options.adapter instanceof Error) throw options.adapter;
      return options.adapter === undefined ? HARDWARE_ADAPTER : options.adapter;
    },
    async wasmSupport() {
      return { simd: options.simd ?? true, crossOriginIsolated: options.isolated ?? true };
    },
    async setBackend(name) {
      tried.push(name);
      const failure = options.failing?.[name];
      if (failure === 'throw') throw new Error(`${name} exploded`);
      if (failure !== 'false') active = name;
      return failure !== 'false';
    },
    describeActive: (name) =>
      name === 'webgl'
        ? (options.renderer ?? 'ANGLE (NVIDIA GeForce RTX 3060)')
        : name === 'cpu'
          ? 'JS'
          : '',
    webglRendererMasked: () => options.rendererMasked ?? false,
    webglHalfFloat: () => options.halfFloat ?? false,
    wasmThreads: () => options.threads ?? 2,
    async measureTraining(name, model, budgetMs) {
      measured.push({ name, model, budgetMs });
      expect(active).toBe(name);
      if (options.lostDuringTiming?.includes(name)) throw new Error('GPU device lost (destroyed)');
      const imagesPerSecond = options.speeds?.[name] ?? 1;
      return { imagesPerSecond, timedOut: options.overrun?.includes(name) ?? false };
    },
    releaseBackend(name) {
      // The real one refuses to free the backend that trains; so must every caller.
      expect(active).not.toBe(name);
      released.push(name);
    },
    readSpeeds: async (key) => cache.get(key) ?? null,
    writeSpeeds: async (key, speeds) => void cache.set(key, speeds),
    userAgent: 'TestBrowser/1',
    tfjsVersion: '4.22.0',
    appVersion: '0.1.0',
  };
}
