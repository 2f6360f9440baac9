// `auto` on fake adapters that could fool it: a dual-GPU machine, an unlisted software renderer,
// a masked WebGL renderer, a warm-up that overruns its slice, a device lost while timed. Each
// time the choice is the right one, nothing false is cached, and the losers are released.

import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { requestTrainingAdapter, type GpuLike } from './backendAdapter';
import type { MeasuredSpeeds } from './backendEnvironment';
import { fakeEnvironment, SWIFTSHADER_ADAPTER, SWIFTSHADER_GL } from './backendEnvironment.fixture';
import { speedCacheKey } from './backendTiming';

describe('auto on adapters that could fool it', () => {
  it('dual GPU: classifies the high-performance adapter tfjs trains on, not the default one', async () => {
    // The default adapter is a hardware GPU; the one tfjs asks for is a software emulation.
    const gpu: GpuLike = {
      requestAdapter: async (options) =>
        options?.powerPreference === 'high-performance'
          ? { info: { vendor: 'google', architecture: 'swiftshader' } }
          : { info: { vendor: 'intel', architecture: 'gen-12lp' } },
    };
    const env = fakeEnvironment({ failing: { webgl: 'false' }, speeds: { webgpu: 5, wasm: 50 } });
    env.requestWebGpuAdapter = () => requestTrainingAdapter(gpu, false);
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('wasm');
    expect(env.measured.map((m) => m.name)).toEqual(['wasm', 'webgpu']);
    expect(info.fallbackReason).toContain('google swiftshader is a software (CPU) emulation');
  });

  it('an unlisted software renderer is timed against WASM, not taken as hardware', async () => {
    const env = fakeEnvironment({
      adapter: { description: 'acme rasterpipe', isFallbackAdapter: false, masked: false },
      failing: { webgl: 'false' },
      speeds: { webgpu: 30, wasm: 120 },
    });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('wasm');
    expect(env.measured.map((m) => m.name)).toEqual(['wasm', 'webgpu']);
    expect(info.fallbackReason).toBe(
      'WebGL unavailable: the WebGL backend failed to initialise; ' +
        'WebGPU skipped: acme rasterpipe is not a known hardware GPU (no hardware vendor named, ' +
        'or the renderer is masked), and WASM (2 threads) trained faster (120 images/s vs 30 images/s)',
    );
    expect(env.released).toEqual(['webgpu']);
  });

  it('a masked WebGL renderer is timed, and may still win when it really is faster', async () => {
    const env = fakeEnvironment({
      gpuApi: false,
      renderer: 'WebKit WebGL',
      rendererMasked: true,
      speeds: { webgl: 900, wasm: 100 },
    });
    const info = await selectBackend('auto', env);
    expect(env.measured.map((m) => m.name)).toEqual(['wasm', 'webgl']);
    expect(info).toMatchObject({
      name: 'webgl',
      adapterKind: 'unverified',
      softwareEmulated: false,
    });
    expect(env.active()).toBe('webgl');
    expect(env.released).toEqual(['wasm']);
  });

  it('a warm-up that overruns its slice never wins and is never cached', async () => {
    const cache = new Map<string, MeasuredSpeeds>();
    const options = {
      gpuApi: false,
      renderer: SWIFTSHADER_GL,
      // WebGL's figure beats WASM's: only the overrun mark may keep it from winning.
      speeds: { webgl: 500, wasm: 40 },
      overrun: ['webgl'] as const,
      cache,
    };
    const info = await selectBackend('auto', fakeEnvironment(options));
    expect(info.name).toBe('wasm');
    expect(info.fallbackReason).toContain(
      'WebGL skipped: its warm-up step overran its 1500 ms slice (no speed measured; the next start times it again)',
    );
    expect(info.candidates?.find((c) => c.name === 'webgl')?.imagesPerSecond).toBe(0);
    expect(cache.size).toBe(0);
    // So the next start times again instead of trusting a bound.
    const again = fakeEnvironment({ ...options, overrun: [] });
    expect((await selectBackend('auto', again)).name).toBe('webgl');
    expect(again.measured.map((m) => m.name)).toEqual(['wasm', 'webgl']);
    expect([...cache.values()]).toEqual([{ webgl: 500, wasm: 40 }]);
  });

  it('a device lost while timed loses, is named, is not cached, and is released', async () => {
    const cache = new Map<string, MeasuredSpeeds>();
    const env = fakeEnvironment({
      adapter: SWIFTSHADER_ADAPTER,
      renderer: SWIFTSHADER_GL,
      speeds: { webgpu: 999, webgl: 20, wasm: 100 },
      lostDuringTiming: ['webgpu'],
      cache,
    });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('wasm');
    expect(info.fallbackReason).toContain(
      'WebGPU skipped: timing it failed (GPU device lost (destroyed))',
    );
    expect(cache.size).toBe(0);
    expect(env.released.sort()).toEqual(['webgl', 'webgpu']);
  });

  it('a hardware WebGL after a software WebGPU wins untimed, and the WebGPU device is released', async () => {
    const env = fakeEnvironment({ adapter: SWIFTSHADER_ADAPTER });
    const info = await selectBackend('auto', env);
    expect(info).toMatchObject({ name: 'webgl', adapterKind: 'hardware' });
    expect(env.measured).toEqual([]);
    expect(env.released).toEqual(['webgpu']);
  });
});

describe('speedCacheKey', () => {
  it("names the browser, tfjs, the app's version, the model and each candidate", () => {
    const started = [
      { name: 'webgl' as const, adapter: 'SwiftShader', kind: 'software' as const, details: {} },
      { name: 'wasm' as const, adapter: 'XNNPACK', kind: null, details: { threads: 4 } },
    ];
    const env = { userAgent: 'UA/1', tfjsVersion: '4.22.0', appVersion: '0.1.0' };
    expect(speedCacheKey('wide', started, env)).toBe(
      'UA/1|tfjs 4.22.0|app 0.1.0|wide|webgl:SwiftShader|wasm:XNNPACK:4 threads',
    );
    // A new build is another entry: it may time differently.
    expect(speedCacheKey('wide', started, { ...env, appVersion: '0.2.0' })).toBe(
      'UA/1|tfjs 4.22.0|app 0.2.0|wide|webgl:SwiftShader|wasm:XNNPACK:4 threads',
    );
  });
});
