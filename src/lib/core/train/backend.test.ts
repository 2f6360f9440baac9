import { describe, expect, it } from 'vitest';
import {
  backendNotes,
  isSoftwareRenderer,
  MEASURE_BUDGET_MS,
  selectBackend,
  type BackendEnvironment,
  type MeasuredSpeeds,
  type WebGpuAdapterInfo,
  wasmThreadsHelp,
} from './backend';
import type { BackendInfo, BackendName, ModelPreset } from '../types';

const HARDWARE_ADAPTER: WebGpuAdapterInfo = {
  description: 'nvidia ampere',
  isFallbackAdapter: false,
};
const SWIFTSHADER_ADAPTER: WebGpuAdapterInfo = {
  description: 'google swiftshader',
  isFallbackAdapter: false,
};
const SWIFTSHADER_GL =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';

interface FakeOptions {
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

type FakeEnvironment = BackendEnvironment & {
  tried: BackendName[];
  measured: { name: BackendName; model: ModelPreset; budgetMs: number }[];
  active: () => BackendName | null;
};

function fakeEnvironment(options: FakeOptions): FakeEnvironment {
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

describe('selectBackend: the chain', () => {
  it('prefers a hardware WebGPU adapter and times nothing', async () => {
    const env = fakeEnvironment({});
    const info = await selectBackend('auto', env);
    expect(info).toEqual({
      name: 'webgpu',
      adapter: 'nvidia ampere',
      fallbackReason: null,
      tfjsVersion: '4.22.0',
      softwareEmulated: false,
      choiceReason: 'a hardware GPU (nvidia ampere)',
    });
    expect(env.measured).toEqual([]);
  });

  it('falls back to hardware WebGL when navigator.gpu is missing, saying so', async () => {
    const env = fakeEnvironment({ gpuApi: false });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('webgl');
    expect(info.adapter).toBe('ANGLE (NVIDIA GeForce RTX 3060)');
    expect(info.fallbackReason).toMatch(/WebGPU unavailable: .*navigator\.gpu is missing/);
    expect(env.tried).toEqual(['webgl']);
  });

  it('skips WebGPU without initialising it when no adapter is returned', async () => {
    const env = fakeEnvironment({ adapter: null });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('webgl');
    expect(info.fallbackReason).toMatch(/no adapter/);
    expect(env.tried).toEqual(['webgl']);
  });

  it('with no GPU at all picks WASM, not the CPU, without timing anything', async () => {
    const env = fakeEnvironment({ gpuApi: false, failing: { webgl: 'false' } });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('wasm');
    expect(info.threads).toBe(2);
    expect(info.simd).toBe(true);
    expect(info.fallbackReason).toMatch(
      /WebGPU unavailable.*; WebGL unavailable: .*failed to initialise/,
    );
    expect(info.choiceReason).toMatch(/no GPU backend/);
    expect(env.measured).toEqual([]);
  });

  it('without WebAssembly SIMD falls to the CPU and names why', async () => {
    const env = fakeEnvironment({ gpuApi: false, failing: { webgl: 'throw' }, simd: false });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('cpu');
    expect(info.fallbackReason).toMatch(/WASM unavailable: this browser has no WebAssembly SIMD/);
    expect(env.tried).toEqual(['webgl', 'cpu']);
  });

  it('a wasm binary that fails to load falls through with the reason', async () => {
    const env = fakeEnvironment({ gpuApi: false, failing: { webgl: 'false', wasm: 'throw' } });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('cpu');
    expect(info.fallbackReason).toMatch(/WASM unavailable: .*wasm exploded/);
  });

  it('honours a forced backend and skips the ones before it, timing nothing', async () => {
    const env = fakeEnvironment({ adapter: SWIFTSHADER_ADAPTER });
    const info = await selectBackend('webgl', env);
    expect(info.name).toBe('webgl');
    expect(info.fallbackReason).toBeNull();
    expect(env.tried).toEqual(['webgl']);
    expect((await selectBackend('cpu', fakeEnvironment({}))).name).toBe('cpu');
    const wasm = await selectBackend('wasm', fakeEnvironment({}));
    expect(wasm).toMatchObject({ name: 'wasm', threads: 2, simd: true, crossOriginIsolated: true });
  });

  it('a forced wasm without SIMD falls back like the other forced backends', async () => {
    const info = await selectBackend('wasm', fakeEnvironment({ simd: false }));
    expect(info.name).toBe('cpu');
    expect(info.fallbackReason).toMatch(/^WASM unavailable: this browser has no WebAssembly SIMD$/);
  });

  it('reports an adapter request that throws as a reason', async () => {
    const info = await selectBackend('webgpu', fakeEnvironment({ adapter: new Error('denied') }));
    expect(info.name).toBe('webgl');
    expect(info.fallbackReason).toMatch(/requesting a WebGPU adapter failed \(denied\)/);
  });

  it('throws with every reason when nothing starts', async () => {
    const env = fakeEnvironment({
      gpuApi: false,
      failing: { webgl: 'false', wasm: 'false', cpu: 'false' },
    });
    await expect(selectBackend('auto', env)).rejects.toThrow(
      /No TensorFlow.js backend.*WebGL.*WASM.*CPU/,
    );
  });
});

describe('selectBackend: software GPUs against WASM', () => {
  it('times SwiftShader WebGPU and WebGL against WASM and keeps the fastest', async () => {
    const env = fakeEnvironment({
      adapter: SWIFTSHADER_ADAPTER,
      renderer: SWIFTSHADER_GL,
      speeds: { webgpu: 10, webgl: 20, wasm: 150 },
    });
    const info = await selectBackend('auto', env, { model: 'small' });
    expect(info.name).toBe('wasm');
    expect(env.active()).toBe('wasm');
    expect(env.measured.map((m) => m.name)).toEqual(['wasm', 'webgpu', 'webgl']);
    expect(env.measured.every((m) => m.model === 'small')).toBe(true);
    const totalBudget = env.measured.reduce((sum, m) => sum + m.budgetMs, 0);
    expect(totalBudget).toBeLessThanOrEqual(MEASURE_BUDGET_MS);
    expect(info.candidates).toEqual([
      { name: 'webgpu', label: 'WebGPU (google swiftshader)', imagesPerSecond: 10 },
      { name: 'webgl', label: `WebGL (${SWIFTSHADER_GL})`, imagesPerSecond: 20 },
      { name: 'wasm', label: 'WASM (2 threads)', imagesPerSecond: 150 },
    ]);
    expect(info.fallbackReason).toContain(
      'WebGPU skipped: google swiftshader is a software (CPU) emulation, and WASM (2 threads) trained faster (150 images/s vs 10 images/s)',
    );
    expect(info.fallbackReason).toMatch(/WebGL skipped: .*SwiftShader.* trained faster/);
    expect(info.choiceReason).toBe('fastest of 3 for the small model (measured just now)');
  });

  it('keeps a software GPU that really is faster, and says WASM was slower', async () => {
    const env = fakeEnvironment({
      gpuApi: false,
      renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)',
      speeds: { webgl: 300, wasm: 100 },
    });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('webgl');
    expect(env.active()).toBe('webgl');
    expect(info.softwareEmulated).toBe(true);
    expect(info.fallbackReason).toMatch(
      /WASM skipped: WebGL \(llvmpipe.*\) trained faster \(300 images\/s vs 100 images\/s\)/,
    );
  });

  it('treats an adapter marked isFallbackAdapter as software whatever its name', async () => {
    const env = fakeEnvironment({
      adapter: { description: 'acme gpu', isFallbackAdapter: true },
      failing: { webgl: 'false' },
      speeds: { webgpu: 5, wasm: 50 },
    });
    expect((await selectBackend('auto', env)).name).toBe('wasm');
  });

  it('caches the timing per browser and model: a second start measures nothing', async () => {
    const cache = new Map<string, MeasuredSpeeds>();
    const options = {
      gpuApi: false,
      renderer: SWIFTSHADER_GL,
      speeds: { webgl: 20, wasm: 150 },
      cache,
    };
    await selectBackend('auto', fakeEnvironment(options), { model: 'wide' });
    const again = fakeEnvironment(options);
    const info = await selectBackend('auto', again, { model: 'wide' });
    expect(again.measured).toEqual([]);
    expect(info.name).toBe('wasm');
    expect(info.choiceReason).toMatch(/measured earlier in this browser/);
    // Another model is another entry.
    const small = fakeEnvironment(options);
    await selectBackend('auto', small, { model: 'small' });
    expect(small.measured.map((m) => m.name)).toEqual(['wasm', 'webgl']);
    expect(cache.size).toBe(2);
  });

  it('without WASM a software GPU still beats the CPU', async () => {
    const env = fakeEnvironment({ gpuApi: false, renderer: SWIFTSHADER_GL, simd: false });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('webgl');
    expect(env.active()).toBe('webgl');
    expect(info.fallbackReason).toMatch(/WASM unavailable/);
    expect(env.measured).toEqual([]);
  });

  it('a candidate whose timing throws counts as 0 images/s and is named', async () => {
    const env = fakeEnvironment({ gpuApi: false, renderer: SWIFTSHADER_GL, speeds: { wasm: 40 } });
    env.measureTraining = async (name) => {
      if (name === 'webgl') throw new Error('context lost');
      return 40;
    };
    const cache = new Map<string, MeasuredSpeeds>();
    env.writeSpeeds = async (key, speeds) => void cache.set(key, speeds);
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('wasm');
    expect(info.fallbackReason).toBe(
      'WebGPU unavailable: this browser has no WebGPU (navigator.gpu is missing); ' +
        'WebGL skipped: timing it failed (context lost)',
    );
    expect(cache.size).toBe(0); // not cached: the next start times again
  });

  it('when every timing fails, keeps WASM rather than the emulated GPU', async () => {
    const env = fakeEnvironment({ gpuApi: false, renderer: SWIFTSHADER_GL });
    env.measureTraining = async () => {
      throw new Error('out of memory');
    };
    expect((await selectBackend('auto', env)).name).toBe('wasm');
  });
});

describe('isSoftwareRenderer', () => {
  it.each([
    ['Google SwiftShader', true],
    [SWIFTSHADER_GL, true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Vulkan lavapipe', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA GeForce RTX 3060 Direct3D11)', false],
    ['Apple M2', false],
  ])('%s → %s', (description, software) => {
    expect(isSoftwareRenderer(description)).toBe(software);
  });
});

describe('wasmThreadsHelp', () => {
  it.each([
    [1, false],
    [2, false],
    [3, false],
    [4, true],
    [16, true],
  ])('%i logical cores → %s', (cores, helps) => {
    expect(wasmThreadsHelp(cores)).toBe(helps);
  });
});

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

describe('half-float WebGL detection', () => {
  it('is recorded on the backend info when WebGL lacks float32 render targets', async () => {
    const info = await selectBackend('webgl', fakeEnvironment({ halfFloat: true }));
    expect(info.halfFloat).toBe(true);
    expect((await selectBackend('webgl', fakeEnvironment({}))).halfFloat).toBe(false);
  });
});
