import { describe, expect, it } from 'vitest';
import { wasmThreadsHelp } from './backendEnvironment';

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
