import { describe, expect, it } from 'vitest';
import { selectBackend, type BackendEnvironment } from './backend';
import type { BackendName } from './types';

interface FakeOptions {
  gpuApi?: boolean;
  adapter?: string | null | Error;
  failing?: Partial<Record<BackendName, 'false' | 'throw'>>;
}

function fakeEnvironment(options: FakeOptions): BackendEnvironment & { tried: BackendName[] } {
  const tried: BackendName[] = [];
  return {
    tried,
    hasWebGpuApi: () => options.gpuApi ?? true,
    async requestWebGpuAdapter() {
      if (options.adapter instanceof Error) throw options.adapter;
      return options.adapter === undefined ? 'google swiftshader' : options.adapter;
    },
    async setBackend(name) {
      tried.push(name);
      const failure = options.failing?.[name];
      if (failure === 'throw') throw new Error(`${name} exploded`);
      return failure !== 'false';
    },
    describeActive: (name) =>
      name === 'webgl' ? 'ANGLE (SwiftShader)' : name === 'cpu' ? 'JS' : '',
    tfjsVersion: '4.22.0',
  };
}

describe('selectBackend', () => {
  it('prefers WebGPU and describes its adapter', async () => {
    const env = fakeEnvironment({});
    const info = await selectBackend('auto', env);
    expect(info).toEqual({
      name: 'webgpu',
      adapter: 'google swiftshader',
      fallbackReason: null,
      tfjsVersion: '4.22.0',
    });
  });

  it('falls back to WebGL when navigator.gpu is missing, saying so', async () => {
    const env = fakeEnvironment({ gpuApi: false });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('webgl');
    expect(info.adapter).toBe('ANGLE (SwiftShader)');
    expect(info.fallbackReason).toMatch(/WebGPU unavailable: .*navigator\.gpu is missing/);
    expect(env.tried).toEqual(['webgl']);
  });

  it('falls back to WebGL when no adapter is returned, without initialising WebGPU', async () => {
    const env = fakeEnvironment({ adapter: null });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('webgl');
    expect(info.fallbackReason).toMatch(/no adapter/);
    expect(env.tried).toEqual(['webgl']);
  });

  it('falls back when setBackend fails or throws, down to CPU', async () => {
    const env = fakeEnvironment({ failing: { webgpu: 'throw', webgl: 'false' } });
    const info = await selectBackend('auto', env);
    expect(info.name).toBe('cpu');
    expect(info.fallbackReason).toMatch(/WebGPU unavailable: .*webgpu exploded/);
    expect(info.fallbackReason).toMatch(/WebGL unavailable: .*failed to initialise/);
    expect(env.tried).toEqual(['webgpu', 'webgl', 'cpu']);
  });

  it('honours a forced backend and skips the ones before it', async () => {
    const env = fakeEnvironment({});
    const info = await selectBackend('webgl', env);
    expect(info.name).toBe('webgl');
    expect(info.fallbackReason).toBeNull();
    expect(env.tried).toEqual(['webgl']);
    expect((await selectBackend('cpu', fakeEnvironment({}))).name).toBe('cpu');
  });

  it('reports an adapter request that throws as a reason', async () => {
    const info = await selectBackend('webgpu', fakeEnvironment({ adapter: new Error('denied') }));
    expect(info.name).toBe('webgl');
    expect(info.fallbackReason).toMatch(/requesting a WebGPU adapter failed \(denied\)/);
  });

  it('throws with every reason when nothing starts', async () => {
    const env = fakeEnvironment({ gpuApi: false, failing: { webgl: 'false', cpu: 'false' } });
    await expect(selectBackend('auto', env)).rejects.toThrow(
      /No TensorFlow.js backend.*WebGL.*CPU/,
    );
  });
});
