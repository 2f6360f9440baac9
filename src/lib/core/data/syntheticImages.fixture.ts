// Labelled noise images for unit tests that train (tiny shapes: the cpu backend is slow).
// Labels alternate 0, 1, 0, …; class 1 is brighter by `offset`, so the classes can be learned
// (offset 0: pure noise, which cannot).
import { mulberry32 } from '../prng';
import type { LabelledImages } from './dataset';

const PIXELS = 28 * 28;

export function syntheticImages(
  count: number,
  seed: number,
  { offset = 170, spread = 85 }: { offset?: number; spread?: number } = {},
): LabelledImages {
  const random = mulberry32(seed);
  const images = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    const base = labels[i] === 1 ? offset : 0;
    for (let p = 0; p < PIXELS; p++) images[i * PIXELS + p] = base + Math.floor(random() * spread);
  }
  return { images, labels, count };
}
