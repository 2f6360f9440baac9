// A run file's eceInterval names its method: files written before `method` hold percentile bands
// and read as 'percentile' (no estimate); basic-bootstrap bands must carry their estimate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validRunFileText } from './runFileParse.fixture';
import { eceBootstrap } from '../metrics';
import { parseRunFile } from './runFileParse';

const OLD_INTERVAL = {
  level: 0.9,
  resamples: 200,
  seed: 20171111,
  equalWidth: { low: 0.0135, high: 0.0285 },
  equalMass: { low: 0.0149, high: 0.0299 },
};

function withInterval(interval: object): string {
  const doc = JSON.parse(validRunFileText);
  for (const epoch of doc.epochs) epoch.eceInterval = interval;
  return JSON.stringify(doc);
}

describe('run file eceInterval', () => {
  it('reads a file from before `method` as a percentile band, with no estimate', () => {
    const result = parseRunFile(withInterval(OLD_INTERVAL));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.epochs[0].eceInterval).toEqual({ method: 'percentile', ...OLD_INTERVAL });
  });

  it('reads a basic-bootstrap band with its bias-corrected estimate', () => {
    const interval = {
      method: 'basic-bootstrap',
      level: 0.9,
      resamples: 1000,
      seed: 20171111,
      equalWidth: { low: 0.004, high: 0.02, estimate: 0.012 },
      equalMass: { low: 0.005, high: 0.021, estimate: 0.013 },
    };
    const result = parseRunFile(withInterval(interval));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.run.epochs[0].eceInterval).toEqual(interval);
  });

  it('refuses an unknown method and a basic-bootstrap band without its estimate', () => {
    const unknown = parseRunFile(withInterval({ ...OLD_INTERVAL, method: 'bca' }));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatch(/eceInterval\.method/);
    const bare = parseRunFile(withInterval({ ...OLD_INTERVAL, method: 'basic-bootstrap' }));
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(bare.error).toMatch(/equalWidth\.estimate/);
  });
});

describe('the recorded run (static/replay/default-run.json)', () => {
  const text = readFileSync(
    new URL('../../../../static/replay/default-run.json', import.meta.url),
    'utf8',
  );
  const result = parseRunFile(text);
  if (!result.ok) throw new Error(result.error);
  const { run } = result;
  const labels = Uint8Array.from(run.validation.labels);

  it('stores at every epoch the basic-bootstrap band the code computes from its logits', () => {
    expect(run.epochLogits).toHaveLength(run.epochs.length);
    run.epochs.forEach((epoch, index) => {
      expect(epoch.eceInterval).toEqual(eceBootstrap(run.epochLogits![index], labels));
      expect(epoch.eceInterval?.method).toBe('basic-bootstrap');
    });
  });

  it('has each band contain its corrected estimate, in both binnings', () => {
    for (const { eceInterval } of run.epochs) {
      for (const band of [eceInterval!.equalWidth, eceInterval!.equalMass]) {
        expect(band.estimate).toBeGreaterThanOrEqual(band.low);
        expect(band.estimate).toBeLessThanOrEqual(band.high);
      }
    }
  });
});
