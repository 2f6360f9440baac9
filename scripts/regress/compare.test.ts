import { describe, expect, it } from 'vitest';
import {
  baselineFromRun,
  checkExpectation,
  checkSpread,
  compareWithBaseline,
  formatNumber,
  metricSeries,
  tolerances,
} from './compare.mjs';
import { escapeHtml, formatTable, renderHtml, svgChart } from './report.mjs';
import { parseSpec } from './spec.mjs';

const label = { run: 'tiny', backend: 'webgl' };

function run(validationLoss: number[], validationAccuracy: number[]) {
  return {
    environment: { adapter: 'SwiftShader', userAgent: 'test', tfjs: '4.22.0' },
    epochs: validationLoss.map((loss, i) => ({
      epoch: i + 1,
      validationLoss: loss,
      validationAccuracy: validationAccuracy[i],
      trainLoss: loss / 2,
      trainAccuracy: 0.9,
      imagesPerSecond: 100,
      logitGapHistogram: { edges: [0, 1], correct: [1], wrong: [0] },
    })),
    validation: { labels: [0], logits: [[1, 0]] },
  };
}

const entry = { name: 'tiny', backend: 'webgl', hash: 'train=64' };
const recorded = run([0.5, 0.4, 0.45], [0.8, 0.85, 0.86]);
const baseline = baselineFromRun(entry, recorded, new Date('2026-01-01T00:00:00Z'));

describe('baselines', () => {
  it('keep per-epoch metrics only: no logits, histograms or timings', () => {
    expect(baseline.metrics).toEqual({
      validationLoss: [0.5, 0.4, 0.45],
      validationAccuracy: [0.8, 0.85, 0.86],
      trainLoss: [0.25, 0.2, 0.225],
      trainAccuracy: [0.9, 0.9, 0.9],
    });
    expect(JSON.stringify(baseline)).not.toMatch(/logits|imagesPerSecond|Histogram/);
  });
});

describe('compareWithBaseline', () => {
  const limits = tolerances({ validationLoss: { abs: 0.01, rel: 0 } });

  it('passes identical numbers and numbers within abs + rel·|baseline|', () => {
    const rows = compareWithBaseline(label, baseline, metricSeries(recorded), limits);
    expect(rows.map((row) => row.verdict)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const close = metricSeries(run([0.509, 0.4, 0.45], [0.8, 0.85, 0.86]));
    expect(compareWithBaseline(label, baseline, close, limits)[0].verdict).toBe('ok');
  });

  it('flags the worst epoch of a drifted metric as a regression', () => {
    const drifted = metricSeries(run([0.5, 0.43, 0.452], [0.8, 0.85, 0.86]));
    const [loss] = compareWithBaseline(label, baseline, drifted, limits);
    expect(loss).toMatchObject({
      metric: 'validationLoss',
      epoch: 2,
      baseline: '0.4',
      now: '0.43',
      verdict: 'REGRESSION',
    });
    expect(Number(loss.delta)).toBeCloseTo(0.03, 10);
  });

  it('flags NaN and a different number of epochs', () => {
    const nan = metricSeries(run([0.5, NaN, 0.45], [0.8, 0.85, 0.86]));
    expect(compareWithBaseline(label, baseline, nan, limits)[0].verdict).toBe('REGRESSION');
    const shorter = metricSeries(run([0.5, 0.4], [0.8, 0.85]));
    const rows = compareWithBaseline(label, baseline, shorter, limits);
    expect(rows[0]).toMatchObject({ baseline: '3 epochs', now: '2 epochs', verdict: 'REGRESSION' });
  });
});

describe('checkExpectation (the phenomenon)', () => {
  const expectation = { lossRiseAtLeast: 0.2, accuracyWithinPoints: 3 };

  it('passes a rising loss with steady accuracy', () => {
    const series = metricSeries(run([0.6, 0.3, 0.32, 0.37], [0.8, 0.86, 0.87, 0.85]));
    const [rise, accuracy] = checkExpectation(label, expectation, series);
    expect(rise).toMatchObject({ epoch: 2, delta: '23.3 %', verdict: 'ok' });
    expect(accuracy).toMatchObject({ epoch: 3, delta: '2.00 pts', verdict: 'ok' });
  });

  it('fails a loss that did not rise enough, or accuracy that fell', () => {
    const flat = metricSeries(run([0.6, 0.3, 0.32, 0.35], [0.8, 0.86, 0.87, 0.83]));
    const [rise, accuracy] = checkExpectation(label, expectation, flat);
    expect(rise.verdict).toBe('REGRESSION');
    expect(accuracy.verdict).toBe('REGRESSION');
  });
});

describe('checkSpread (agreement and repeatability)', () => {
  const a = { label: 'webgpu', series: { validationLoss: [0.5, 0.4] } };
  const b = { label: 'webgl', series: { validationLoss: [0.5004, 0.7] } };
  const c = { label: 'cpu', series: { validationLoss: [0.4998, 0.1] } };

  it('measures the largest pairwise difference at the chosen epoch', () => {
    const check = { metric: 'validationLoss', epoch: 1, tolerance: 1e-3 };
    const row = checkSpread('tiny', 'all', check, [a, b, c]);
    expect(row.metric).toContain('webgl vs cpu');
    expect(Number(row.delta)).toBeCloseTo(6e-4, 12);
    expect(row.verdict).toBe('ok');
    expect(checkSpread('tiny', 'all', { ...check, tolerance: 1e-4 }, [a, b, c]).verdict).toBe(
      'REGRESSION',
    );
  });

  it('looks at every epoch without one, and fails with fewer than two runs', () => {
    const check = { metric: 'validationLoss', tolerance: 1e-6 };
    expect(checkSpread('tiny', 'webgl repeats', check, [a, a]).verdict).toBe('ok');
    expect(checkSpread('tiny', 'webgl repeats', check, [a, b])).toMatchObject({ epoch: 2 });
    expect(checkSpread('tiny', 'webgl repeats', check, [a]).verdict).toBe('REGRESSION');
  });
});

describe('parseSpec', () => {
  const valid = { name: 'tiny', hash: 'train=64', backends: ['webgl'] };

  it('fills defaults', () => {
    expect(parseSpec([valid])[0]).toMatchObject({ baseline: true, repeat: 1, expect: null });
  });

  it.each([
    [{}, /expected a JSON list/],
    [[{ ...valid, name: 'Bad Name' }], /name must be/],
    [[valid, valid], /two entries are named "tiny"/],
    [[{ ...valid, hash: 'train=64&backend=cpu' }], /leave backend and autostart out/],
    [[{ ...valid, backends: ['metal'] }], /backends must be/],
    [[{ ...valid, tolerance: { accuracy: { abs: 1 } } }], /unknown metric "accuracy"/],
    [
      [{ ...valid, agree: { metric: 'validationLoss', epoch: 1, tolerance: 1e-3 } }],
      /two backends/,
    ],
    [[{ ...valid, expect: { lossRise: 0.2 } }], /expect knows/],
    [[{ ...valid, extra: 1 }], /unknown key "extra"/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseSpec(spec)).toThrow(message);
  });
});

describe('report', () => {
  const rows = compareWithBaseline(label, baseline, metricSeries(recorded), tolerances());

  it('prints an aligned table with every column', () => {
    const table = formatTable(rows).split('\n');
    expect(table[0]).toMatch(
      /^run\s+backend\s+metric\s+epoch\s+baseline\s+now\s+delta\s+limit\s+verdict$/,
    );
    expect(table).toHaveLength(2 + rows.length);
    expect(new Set(table.slice(2).map((line) => line.indexOf('ok')))).toHaveProperty('size', 1);
  });

  it('escapes every string and carries no script', () => {
    expect(escapeHtml(`<script>"'&`)).toBe('&#60;script&#62;&#34;&#39;&#38;');
    const html = renderHtml({
      title: 'Regression <run>',
      createdAt: 'now',
      passed: false,
      rows: [{ ...rows[0], run: '<img src=x onerror=alert(1)>' }],
      runs: [
        {
          name: '<b>x</b>',
          backend: 'webgl',
          repeat: 1,
          hash: 'a=<script>',
          error: '</section><script>alert(1)</script>',
          seconds: 1,
          file: '',
          now: metricSeries(recorded),
          baseline: baseline.metrics,
        },
      ],
    });
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html.match(/<svg /g)).toHaveLength(3); // validationLoss, validationAccuracy, trainLoss
    expect(html).not.toMatch(/\bsrc=["']?http|<link /);
  });

  it('draws baseline and now as two polylines with one point per epoch', () => {
    const svg = svgChart('validationLoss', [0.5, 0.4, 0.45], [0.5, 0.41, 0.5]);
    const lines = svg.match(/<polyline[^>]*points="([^"]*)"/g) ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('stroke-dasharray');
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(3.9241e-5)).toBe('3.924e-5');
  });
});
