import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, wasmThreadsHelp } from './backendEnvironment';
import { SWIFTSHADER_GL } from './backendEnvironment.fixture';

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
