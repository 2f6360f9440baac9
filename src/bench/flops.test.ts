import { describe, expect, it } from 'vitest';
import { modelFlops } from './flops';

describe('modelFlops', () => {
  it('counts the wide CNN by hand', () => {
    // conv1: 26·26 outputs × 32 filters × 9 taps; conv2: 11·11 × 64 × 9·32; dense: 5·5·64 → 128;
    // logits: 128 → 2. Two FLOPs per multiply-add.
    const conv1 = 2 * 676 * 32 * 9; // 389,376
    const forward = conv1 + 2 * 121 * 64 * 288 + 2 * 1600 * 128 + 2 * 256;
    expect(forward).toBe(5_260_032);
    expect(modelFlops('wide')).toEqual({ forward, training: 3 * forward - conv1 });
    expect(modelFlops('wide').training).toBe(15_390_720);
  });

  it('counts the small CNN by hand', () => {
    const conv1 = 2 * 676 * 8 * 9;
    const forward = conv1 + 2 * 121 * 16 * 72 + 2 * 400 * 32 + 2 * 64;
    expect(modelFlops('small')).toEqual({ forward, training: 3 * forward - conv1 });
  });
});
