import { describe, expect, it } from 'vitest';
import { drawResampleCounts, eceBootstrap } from './bootstrap';
import { calibrationErrors, equalMassDiagram, reliabilityDiagram } from './calibration';
import { mulberry32 } from '../prng';

function overconfidentRun(
  count: number,
  seed: number,
): { logits: Float32Array; labels: Uint8Array } {
  const random = mulberry32(seed);
  const labels = Uint8Array.from({ length: count }, (_, i) => (i < count / 2 ? 0 : 1));
  const logits = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) {
    // 90 % right, with gaps far larger than that accuracy deserves.
    const right = random() < 0.9;
    const gap = 2 + random() * 10;
    const predicted = right ? labels[i] : 1 - labels[i];
    logits[2 * i + predicted] = gap;
  }
  return { logits, labels };
}

describe('ECE bootstrap', () => {
  const { logits, labels } = overconfidentRun(400, 3);

  it('is reproducible with a seed and changes with it', () => {
    const first = eceBootstrap(logits, labels, { seed: 11 });
    expect(eceBootstrap(logits, labels, { seed: 11 })).toEqual(first);
    expect(eceBootstrap(logits, labels, { seed: 12 })).not.toEqual(first);
    expect(first.resamples).toBeGreaterThanOrEqual(200);
    expect(first.level).toBe(0.9);
  });

  it('bands the corrected estimate, which sits below the plug-in ECE it corrects', () => {
    const interval = eceBootstrap(logits, labels);
    const width = calibrationErrors(reliabilityDiagram(logits, labels)).ece;
    const mass = calibrationErrors(equalMassDiagram(logits, labels)).ece;
    for (const [band, ece] of [
      [interval.equalWidth, width],
      [interval.equalMass, mass],
    ] as const) {
      const estimate = band.estimate ?? NaN;
      expect(band.low).toBeLessThanOrEqual(estimate);
      expect(estimate).toBeLessThanOrEqual(band.high);
      // Resampling adds the upward bias once more, so 2θ̂ − mean(θ*) < θ̂.
      expect(estimate).toBeLessThan(ece);
      expect(estimate).toBeGreaterThan(ece - 0.03);
      expect(band.high - band.low).toBeGreaterThan(0);
    }
  });

  it('narrows as the validation set grows', () => {
    const small = overconfidentRun(100, 5);
    const large = overconfidentRun(2000, 5);
    const spread = (run: typeof small) => {
      const band = eceBootstrap(run.logits, run.labels).equalWidth;
      return band.high - band.low;
    };
    expect(spread(large)).toBeLessThan(spread(small));
  });

  it('draws each resample from the mulberry32 stream (core/prng.ts), continuing it across resamples', () => {
    const random = mulberry32(20_171_111);
    const expected = new Uint32Array(37);
    const drawn = new Uint32Array(37);
    let state = 20_171_111;
    for (let resample = 0; resample < 3; resample++) {
      expected.fill(0);
      for (let draw = 0; draw < 37; draw++) expected[Math.floor(random() * 37)]++;
      state = drawResampleCounts(drawn, state);
      expect(Array.from(drawn)).toEqual(Array.from(expected));
    }
  });
});
