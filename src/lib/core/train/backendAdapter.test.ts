import { describe, expect, it } from 'vitest';
import { classifyAdapter, requestTrainingAdapter, type GpuLike } from './backendAdapter';
import { SWIFTSHADER_GL } from './backendEnvironment.fixture';

const facts = (description: string, more: { fallback?: boolean; masked?: boolean } = {}) => ({
  description,
  isFallbackAdapter: more.fallback ?? false,
  masked: more.masked ?? false,
});

describe('classifyAdapter', () => {
  it.each([
    ['google swiftshader', 'software'],
    [SWIFTSHADER_GL, 'software'],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', 'software'],
    ['Vulkan lavapipe', 'software'],
    ['Microsoft Basic Render Driver', 'software'],
    ['Apple Software Renderer', 'software'],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', 'hardware'],
    ['ANGLE (AMD, AMD Radeon RX 6800 (0x73BF) Direct3D11 vs_5_0 ps_5_0, D3D11)', 'hardware'],
    ['Mesa Intel(R) UHD Graphics 620 (KBL GT2)', 'hardware'],
    ['apple metal-3', 'hardware'],
    ['qualcomm adreno-7xx', 'hardware'],
    ['arm valhall', 'hardware'],
    ['img-tec rogue', 'hardware'],
    // Neither flagged nor named: an emulator this list has never heard of, a vendor we don't know.
    ['acme rasterpipe 2.0', 'unverified'],
    ['WebGPU adapter', 'unverified'],
    ['', 'unverified'],
    // "arm64" names a CPU architecture, not the GPU vendor Arm.
    ['generic arm64 device', 'unverified'],
  ])('%j → %s', (description, kind) => {
    expect(classifyAdapter(facts(description))).toBe(kind);
  });

  it('a masked WebGL renderer is unverified, whatever the mask says', () => {
    expect(classifyAdapter(facts('WebKit WebGL', { masked: true }))).toBe('unverified');
    expect(classifyAdapter(facts('Intel(R) HD Graphics', { masked: true }))).toBe('unverified');
  });

  it('a flagged fallback adapter is software even when it names a hardware vendor', () => {
    expect(classifyAdapter(facts('nvidia ampere', { fallback: true }))).toBe('software');
  });
});

/** A dual-GPU machine: the integrated GPU by default and for low power, the discrete one for high performance. */
function dualGpu(asked: (GPURequestAdapterOptions | undefined)[]): GpuLike {
  return {
    async requestAdapter(options) {
      asked.push(options);
      return options?.powerPreference === 'high-performance'
        ? { info: { vendor: 'nvidia', architecture: 'ampere', device: '', description: '' } }
        : { info: { vendor: 'intel', architecture: 'gen-12lp', device: '', description: '' } };
    },
  };
}

describe('requestTrainingAdapter', () => {
  it("asks with tfjs-backend-webgpu's options, so it describes the GPU tfjs trains on", async () => {
    const asked: (GPURequestAdapterOptions | undefined)[] = [];
    const adapter = await requestTrainingAdapter(dualGpu(asked), false);
    expect(asked).toEqual([{ powerPreference: 'high-performance' }]);
    expect(adapter).toEqual({
      description: 'nvidia ampere',
      isFallbackAdapter: false,
      masked: false,
    });
    // WEBGPU_USE_LOW_POWER_GPU set: tfjs asks for low power, and so do we.
    const lowPower = await requestTrainingAdapter(dualGpu(asked), true);
    expect(lowPower?.description).toBe('intel gen-12lp');
  });

  it('reads the fallback flag from adapter.info or, in older browsers, the adapter', async () => {
    const flagged = (where: 'info' | 'adapter'): GpuLike => ({
      requestAdapter: async () =>
        where === 'info'
          ? { info: { vendor: 'google', isFallbackAdapter: true } }
          : { info: { vendor: 'google' }, isFallbackAdapter: true },
    });
    expect((await requestTrainingAdapter(flagged('info'), false))?.isFallbackAdapter).toBe(true);
    expect((await requestTrainingAdapter(flagged('adapter'), false))?.isFallbackAdapter).toBe(true);
    expect(await requestTrainingAdapter({ requestAdapter: async () => null }, false)).toBeNull();
  });
});
