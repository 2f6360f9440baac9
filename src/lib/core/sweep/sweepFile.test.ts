import { describe, expect, it } from 'vitest';
import { defaultSettings, parseHash } from '../../settings';
import { fixtureSweep, FIXTURE_LINK } from './sweepFile.fixture';
import { parseSweepFile } from './sweepFileParse';
import { sweepFileName, sweepFileText, sweepLink, withoutVolatile } from './sweepFile';

const text = (value: unknown) => JSON.stringify(value);
const errorOf = (value: unknown) => {
  const result = parseSweepFile(typeof value === 'string' ? value : text(value));
  return result.ok ? 'parsed' : result.error;
};

describe('sweep@1 file', () => {
  it('reads back what it writes, NaN (a fix that does not apply) as null', () => {
    const file = fixtureSweep();
    const written = sweepFileText(file);
    expect(written).toContain('"plattNll":null');
    expect(parseSweepFile(written)).toEqual({ ok: true, sweep: file });
  });

  it('is the link without page keys or pool: the same sweep on any pool gives the same file', () => {
    const { settings } = parseHash(`${FIXTURE_LINK}&pool=4&projector=1`);
    expect(sweepLink(settings)).toBe(sweepLink(parseHash(FIXTURE_LINK).settings));
    expect(sweepLink(settings)).toMatch(/&sweep=smoothing\(0,0\.1\)&seeds=2$/);
    expect(sweepLink(defaultSettings())).not.toMatch(/sweep=/);
  });

  it('sets aside createdAt, imagesPerSecond and environment at any depth', () => {
    expect(
      withoutVolatile({ createdAt: 1, a: [{ imagesPerSecond: 2, environment: {}, b: 3 }] }),
    ).toEqual({ a: [{ b: 3 }] });
  });

  it('names the file by its time', () => {
    expect(sweepFileName(new Date('2026-01-31T12:34:56.789Z'))).toBe(
      'sweep-2026-01-31T12-34-56Z.json',
    );
  });
});

describe('sweep@1 parser refuses bad files with clear messages', () => {
  const good = () => JSON.parse(sweepFileText(fixtureSweep()));

  it.each<[string, (file: ReturnType<typeof good>) => unknown, string]>([
    ['not JSON', () => '{', 'not a sweep file: it is not valid JSON'],
    [
      'another format',
      (f) => ({ ...f, format: 'overconfidence-playground/run@2' }),
      'format must be "overconfidence-playground/sweep@1", got "overconfidence-playground/run@2"',
    ],
    ['a bad date', (f) => ({ ...f, createdAt: 'soon' }), 'createdAt must be a date, got "soon"'],
    [
      'a foreign link',
      (f) => ({ ...f, link: 'javascript:alert(1)' }),
      'link must be a "#…" settings link, got "javascript:alert(1)"',
    ],
    [
      'a value out of the table’s bounds',
      (f) => ({ ...f, link: f.link.replace('smoothing(0,0.1)', 'smoothing(0,0.9)') }),
      'link: sweep=smoothing(0,0.9) has smoothing "0.9", which is above the maximum 0.49; using the default off',
    ],
    ['no sweep', (f) => ({ ...f, link: '#epochs=3' }), 'link: sweep is off, so it defines no runs'],
    [
      'an arm override out of bounds',
      (f) => ({ ...f, arms: [f.arms[0], { ...f.arms[1], overrides: { smoothing: 7 } }] }),
      'arms[1].overrides.smoothing is above the maximum 0.49',
    ],
    [
      'an arm the link does not make',
      (f) => ({
        ...f,
        arms: [f.arms[0], { ...f.arms[1], name: 'x', overrides: { smoothing: 0.2 } }],
      }),
      'arms[1] is "x", but the link\'s sweep makes "smoothing=0.1" there',
    ],
    [
      'seeds unlike the link',
      (f) => ({ ...f, seeds: [1, 3] }),
      "seeds must be 1, 2 (the link's seed and seeds), got a list of 2",
    ],
    [
      'a run of an unknown arm',
      (f) => ({ ...f, runs: [{ ...f.runs[0], arm: 'plain' }] }),
      'runs[0].arm must be the name of one of the arms, got "plain"',
    ],
    [
      'a run twice',
      (f) => ({ ...f, runs: [f.runs[1], f.runs[1]] }),
      'runs holds arm "smoothing=0" seed 2 twice',
    ],
    [
      'an ECE above 1',
      (f) => ({ ...f, runs: [{ ...f.runs[0], summary: { ...f.runs[0].summary, finalEce: 1.5 } }] }),
      'runs[0].summary.finalEce must be a finite number in [0, 1], got 1.5',
    ],
    [
      'a missing NLL',
      (f) => ({
        ...f,
        runs: [{ ...f.runs[0], summary: { ...f.runs[0].summary, finalNll: null } }],
      }),
      'runs[0].summary.finalNll must be a finite number ≥ 0, got null',
    ],
    [
      'more epochs than the settings train',
      (f) => ({
        ...f,
        runs: [{ ...f.runs[0], curves: { ...f.runs[0].curves, epoch: [1, 2, 4] } }],
      }),
      'runs[0].curves.epoch[2] must be an integer in [1, 3], got 4',
    ],
    [
      'a best epoch the run never had',
      (f) => ({
        ...f,
        runs: [{ ...f.runs[0], summary: { ...f.runs[0].summary, bestEpoch: 3.5 } }],
      }),
      'runs[0].summary.bestEpoch must be an integer ≥ 1, got 3.5',
    ],
    [
      'a curve of the wrong length',
      (f) => ({ ...f, runs: [{ ...f.runs[0], curves: { ...f.runs[0].curves, ece: [0.1] } }] }),
      'runs[0].curves.ece must be a list of 3, got a list of 1',
    ],
    [
      'an unknown backend',
      (f) => ({
        ...f,
        runs: [{ ...f.runs[0], environment: { ...f.runs[0].environment, backend: 'tpu' } }],
      }),
      'runs[0].environment.backend must be one of webgpu, webgl, wasm, cpu, got "tpu"',
    ],
    [
      'a broken run file',
      (f) => ({ ...f, runs: [{ ...f.runs[0], file: { format: 'nope' } }] }),
      'runs[0].file: not a run file of this playground: format is "nope"',
    ],
  ])('%s', (_label, change, message) => {
    expect(errorOf(change(good()))).toBe(message);
  });

  it('refuses prototype keys', () => {
    expect(errorOf('{"__proto__": {}}')).toBe('the file contains the reserved key "__proto__"');
  });
});
