import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.mjs';

const counts = { kernels: 476, programs: 600, readbacks: 1, compiles: 0 };
const epoch = (ms: number, images = 64) => ({ ms, images, counts });

/** A minimal results object, as run.mjs collects it, for one backend. */
function results(appMs: number[], callbackMs: number[], fitMs: number[]) {
  return {
    bytes: { mainThreadJs: { gzip: 90_000 }, firstScreenJs: { gzip: 90_000 } },
    chartCost: null,
    backends: {
      webgl: {
        throughput: [
          {
            label: 'wide',
            workload: { model: 'wide', trainSize: 64, batchSize: 32, validationSize: 20, seed: 1 },
            result: {
              warmup: { app: [epoch(9000)], fitCallback: [epoch(4000)], fit: [epoch(4000)] },
              rounds: {
                app: appMs.map((ms) => epoch(ms)),
                fitCallback: callbackMs.map((ms) => epoch(ms)),
                fit: fitMs.map((ms) => epoch(ms)),
              },
              order: appMs.map(() => ['app', 'fitCallback', 'fit']),
            },
          },
        ],
        batchScaling: null,
        sizeScaling: null,
        memory: null,
        page: null,
      },
    },
  };
}

describe('analyze', () => {
  it('compares the loops by the ratio of median images/s and per round', () => {
    const { backends, targets } = analyze(
      results([1000, 1000, 1000], [2000, 1600, 1500], [1000, 900, 1100]),
    );
    const throughput = backends.webgl.throughput[0];
    expect(throughput.variants.app.imagesPerSecond.median).toBe(64);
    expect(throughput.vsFitCallback.ofMedians.value).toBeCloseTo(1.6);
    expect(throughput.vsFitCallback.paired.min).toBeCloseTo(1.5);
    expect(throughput.variants.app.kernelsPerStep).toBe(238);
    const row = targets.find((t) => t.name.startsWith('app loop / (fit'));
    expect(row?.status).toBe('pass');
    expect(targets.find((t) => t.name === 'app loop / plain fit')?.status).toBe('pass');
  });

  it('prices the readbacks the app loop saves at the measured round trip', () => {
    const raw = results([1000, 1000, 1000], [1600, 1600, 1600], [1000, 1000, 1000]);
    const webgl: any = raw.backends.webgl;
    const callbackRounds = webgl.throughput[0].result.rounds.fitCallback;
    for (const round of callbackRounds) round.counts = { ...counts, readbacks: 3 };
    webgl.readbackLatencyMs = [9, 10, 11];
    const gain = analyze(raw).backends.webgl.throughput[0].readbackGain;
    expect(gain.readbacksSavedPerEpoch).toBe(2);
    expect(gain.savedMsPerEpoch.value).toBe(20);
    expect(gain.epochMs.value).toBeCloseTo(1600);
    expect(gain.worth.value).toBeCloseTo(1600 / 1580);
  });

  it('fails a target the figures miss', () => {
    const { targets } = analyze(results([1000, 1000, 1000], [1000, 1000, 1000], [900, 900, 900]));
    expect(targets.find((t) => t.name.startsWith('app loop / (fit'))?.status).toBe('fail');
    expect(targets.find((t) => t.name === 'app loop / plain fit')?.status).toBe('fail');
  });

  it('marks unmeasured targets n/a with a reason, never pass', () => {
    const { targets } = analyze(results([1000], [1000], [1000]));
    const unmeasured = targets.filter((t) => t.status === 'n/a');
    expect(unmeasured.map((t) => t.name)).toEqual(
      expect.arrayContaining(['page ready, cold', 'throughput, batch 32 → 256']),
    );
    for (const row of unmeasured) expect(row.measured).toMatch(/^n\/a \(.+\)$/);
    expect(targets.find((t) => t.where === 'build')?.status).toBe('pass');
  });
});
