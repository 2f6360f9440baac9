import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import type { MeasuredSpeeds } from './backendEnvironment';
import { fakeEnvironment, SWIFTSHADER_ADAPTER, SWIFTSHADER_GL } from './backendEnvironment.fixture';
import { MEASURE_BUDGET_MS } from './backendTiming';

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

  it('treats an adapter marked isFallbackAdapter as software, even with a hardware vendor', async () => {
    const env = fakeEnvironment({
      adapter: { description: 'nvidia ampere', isFallbackAdapter: true, masked: false },
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
      return { imagesPerSecond: 40, timedOut: false };
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
