// The sweep keys in a link: sweep, seeds and pool read and write through the one table, with
// the table's own bounds and messages for every value a grid names.
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './hash';
import { SETTINGS, type Settings } from './settings';
import { defaultSettings } from './settingValues';
import { sweepableKeys } from './sweepSpec';

const messages = (hash: string) => parseHash(hash).problems.map((problem) => problem.message);

describe('sweep, seeds and pool in the link', () => {
  it('are left out of an ordinary link and default to no sweep, 3 seeds, automatic pool', () => {
    const defaults = defaultSettings();
    expect(formatHash(defaults)).not.toMatch(/sweep=|seeds=|pool=/);
    expect(defaults.sweep).toEqual({ kind: 'off' });
    expect(defaults.seeds).toBe(3);
    expect(defaults.pool).toBe(0);
  });

  const samples: [string, Partial<Settings>][] = [
    ['remedies', { sweep: { kind: 'preset', preset: 'remedies' }, seeds: 3 }],
    ['learning-rate', { sweep: { kind: 'preset', preset: 'learning-rate' }, seeds: 1, pool: 2 }],
    [
      'one setting',
      { sweep: { kind: 'grid', axes: [{ key: 'smoothing', values: [0, 0.1] }] }, seeds: 10 },
    ],
    [
      'two settings',
      {
        sweep: {
          kind: 'grid',
          axes: [
            { key: 'model', values: ['small', 'wide'] },
            { key: 'train', values: [500, 1000, 2000, 4000] },
          ],
        },
        pool: 32,
      },
    ],
    [
      'a choice and a decimal',
      {
        sweep: {
          kind: 'grid',
          axes: [
            { key: 'earlyStop', values: ['off', 'loss'] },
            { key: 'lr', values: [1e-6, 0.0003, 10] },
          ],
        },
      },
    ],
  ];

  it.each(samples)('%s: parse(format(s)) = s without problems', (_label, sweep) => {
    const settings = { ...defaultSettings(), ...sweep };
    const hash = formatHash(settings);
    expect(parseHash(hash)).toEqual({ settings, problems: [] });
    expect(formatHash(parseHash(hash).settings)).toBe(hash);
  });

  it('writes a grid readably: parentheses and * survive URL encoding', () => {
    const settings = { ...defaultSettings(), ...samples[3][1] };
    expect(formatHash(settings)).toMatch(/&sweep=model\(small,wide\)\*train\(500,1000,2000,4000\)/);
    expect(formatHash(settings)).toMatch(/&pool=32$/);
  });

  it('reads setting names and preset names case-insensitively', () => {
    expect(parseHash('#sweep=EARLYSTOP(Off,LOSS)').settings.sweep).toEqual({
      kind: 'grid',
      axes: [{ key: 'earlyStop', values: ['off', 'loss'] }],
    });
    expect(parseHash('#sweep=Remedies').settings.sweep).toEqual({
      kind: 'preset',
      preset: 'remedies',
    });
  });

  it('varies only run numbers and choices: not the seed, the backend or the classes', () => {
    const keys = sweepableKeys(SETTINGS);
    expect(keys).toEqual(expect.arrayContaining(['smoothing', 'l2', 'model', 'train', 'lr']));
    for (const key of ['seed', 'backend', 'classes', 'sweep', 'seeds', 'pool', 'hide', 'autostart'])
      expect(keys).not.toContain(key);
  });

  it.each([
    [
      '#sweep=smoothing(0,0.7)',
      'sweep=smoothing(0,0.7) has smoothing "0.7", which is above the maximum 0.49; using the default off',
    ],
    [
      '#sweep=model(small,huge)',
      'sweep=model(small,huge) has model "huge", which is not one of wide, small; using the default off',
    ],
    [
      '#sweep=seed(1,2)',
      'sweep=seed(1,2) names "seed", which is not a setting a sweep can vary (train, val, split, epochs, batch, lr, optimizer, model, smoothing, l2, dropout, earlyStop, patience, focal, mixup); using the default off',
    ],
    [
      '#sweep=l2(0.001)',
      'sweep=l2(0.001) gives l2 one value; a sweep compares at least two; using the default off',
    ],
    [
      '#sweep=l2(0.001,0.0010)',
      'sweep=l2(0.001,0.0010) gives l2 0.001 twice; using the default off',
    ],
    ['#sweep=l2(0,1)*l2(0,1)', 'sweep=l2(0,1)*l2(0,1) sweeps l2 twice; using the default off'],
    [
      '#sweep=l2(0,1)*lr(1,2)*mixup(0,1)',
      'sweep=l2(0,1)*lr(1,2)*mixup(0,1) crosses 3 settings (at most 2); using the default off',
    ],
    [
      '#sweep=epochs(1,2,3,4,5,6)*batch(1,2,3,4,5)',
      'sweep=epochs(1,2,3,4,5,6)*batch(1,2,3,4,5) makes 30 arms (at most 25); using the default off',
    ],
    [
      '#sweep=epochs(1,2,3,4,5,6,7,8,9,10,11)',
      'sweep=epochs(1,2,3,4,5,6,7,8,9,10,11) gives epochs 11 values (at most 10); using the default off',
    ],
    [
      '#sweep=everything',
      'sweep=everything is not off, a preset (remedies, capacity, learning-rate) or a grid such as smoothing(0,0.1); using the default off',
    ],
    [
      '#sweep=smoothing[0,1]*(',
      'sweep=smoothing[0,1]*( has "smoothing[0,1]", which is not a setting with its values in parentheses, e.g. smoothing(0,0.1); using the default off',
    ],
    ['#sweep=', 'sweep= is empty; using the default off'],
    ['#seeds=11', 'seeds=11 is above the maximum 10; using the default 3'],
    ['#seeds=0', 'seeds=0 is below the minimum 1; using the default 3'],
    ['#pool=1.5', 'pool=1.5 is not a whole number; using the default 0'],
  ])('%s is refused with the table’s message', (hash, message) => {
    expect(messages(hash)).toEqual([message]);
  });
});
