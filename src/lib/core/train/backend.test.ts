import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { fakeEnvironment, SWIFTSHADER_ADAPTER } from './backendEnvironment.fixture';

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
      adapterKind: 'hardware',
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

describe('half-float WebGL detection', () => {
  it('is recorded on the backend info when WebGL lacks float32 render targets', async () => {
    const info = await selectBackend('webgl', fakeEnvironment({ halfFloat: true }));
    expect(info.halfFloat).toBe(true);
    expect((await selectBackend('webgl', fakeEnvironment({}))).halfFloat).toBe(false);
  });
});
