import { describe, expect, it } from 'vitest';
import { createModel } from '../lib/core/train';
import type { ModelPreset } from '../lib/core/types';
import { modelFlops } from './flops';

/**
 * Multiply-adds of one forward image read off the model the app really builds (each layer's
 * kernel shape and output size), not off flops.ts' own shape arithmetic: if model.ts changes a
 * layer, this count follows it and flops.ts must too.
 */
function multiplyAddsOfBuiltModel(preset: ModelPreset): number {
  const model = createModel(preset, 1);
  try {
    let total = 0;
    for (const layer of model.layers) {
      const kernel = layer.getWeights()[0]?.shape;
      if (!kernel) continue;
      const weights = kernel.reduce((a, b) => a * b, 1);
      if (layer.getClassName() === 'Conv2D') {
        // Each output position applies the whole kernel (height × width × in × out).
        const [, height, width] = layer.outputShape as number[];
        total += height * width * weights;
      } else if (layer.getClassName() === 'Dense') {
        total += weights; // in × out
      }
    }
    return total;
  } finally {
    model.dispose();
  }
}

describe('modelFlops', () => {
  // By hand, two FLOPs per multiply-add. Wide: conv1 26·26·32·9 = 194,688; conv2
  // 11·11·64·(9·32) = 2,230,272; dense 1,600·128 = 204,800; logits 128·2 = 256; sum 2,630,016.
  // Training = 3 × forward − conv1's input gradient (2 × 194,688 = 389,376).
  it.each([
    ['wide', 5_260_032, 15_390_720],
    // Small: conv1 26·26·8·9 = 48,672; conv2 11·11·16·72 = 139,392; dense 400·32 = 12,800;
    // logits 32·2 = 64; sum 200,928.
    ['small', 401_856, 1_108_224],
  ] as const)('%s CNN: %i forward, %i training FLOPs per image', (preset, forward, training) => {
    expect(modelFlops(preset)).toEqual({ forward, training });
  });

  it.each(['wide', 'small'] as const)('%s: matches the layers createModel builds', (preset) => {
    expect(modelFlops(preset).forward).toBe(2 * multiplyAddsOfBuiltModel(preset));
  });
});
