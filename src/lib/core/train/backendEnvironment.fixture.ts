// A scripted BackendEnvironment for the selection tests: which APIs exist, which backends fail
// (returning false or throwing), what the adapters are called and how fast each candidate
// trains. It records every backend tried and every timing asked for.

import { expect } from 'vitest';
import type { BackendEnvironment, MeasuredSpeeds, WebGpuAdapterInfo } from './backendEnvironment';
import type { BackendName, ModelPreset } from '../types';

export const HARDWARE_ADAPTER: WebGpuAdapterInfo = {
  description: 'nvidia ampere',
  isFallbackAdapter: false,
};
export const SWIFTSHADER_ADAPTER: WebGpuAdapterInfo = {
  description: 'google swiftshader',
  isFallbackAdapter: false,
};
export const SWIFTSHADER_GL =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';

export interface FakeOptions {
  gpuApi?: boolean;
  adapter?: WebGpuAdapterInfo | null | Error;
  renderer?: string;
  failing?: Partial<Record<BackendName, 'false' | 'throw'>>;
  simd?: boolean;
  isolated?: boolean;
  threads?: number;
  halfFloat?: boolean;
  speeds?: MeasuredSpeeds;
  cache?: Map<string, MeasuredSpeeds>;
}

export type FakeEnvironment = BackendEnvironment & {
  tried: BackendName[];
  measured: { name: BackendName; model: ModelPreset; budgetMs: number }[];
  active: () => BackendName | null;
};

export function fakeEnvironment(options: FakeOptions): FakeEnvironment {
  const tried: BackendName[] = [];
  const measured: FakeEnvironment['measured'] = [];
  const cache = options.cache ?? new Map<string, MeasuredSpeeds>();
  let active: BackendName | null = null;
  return {
    tried,
    measured,
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
    webglHalfFloat: () => options.halfFloat ?? false,
    wasmThreads: () => options.threads ?? 2,
    async measureTraining(name, model, budgetMs) {
      measured.push({ name, model, budgetMs });
      expect(active).toBe(name);
      return options.speeds?.[name] ?? 1;
    },
    readSpeeds: async (key) => cache.get(key) ?? null,
    writeSpeeds: async (key, speeds) => void cache.set(key, speeds),
    userAgent: 'TestBrowser/1',
    tfjsVersion: '4.22.0',
  };
}
