// The URL hash and the run-file config are read by one table (settings.ts). This enumerates the
// table's run settings and checks that both readers accept and refuse exactly the same values.
import { describe, expect, it } from 'vitest';
import { CLASS_SLUGS } from '../core/types';
import { RUN_KEYS } from './settingKeys';
import { SETTINGS, type SettingKey } from './settings';
import { defaultSettings, withSetting } from './settingValues';
import { parseRunConfig, toRunConfig } from './runConfig';

/** Values on and around each setting's limits, as JSON values. */
function candidates(key: SettingKey): unknown[] {
  const control = SETTINGS[key].control;
  switch (control.kind) {
    case 'integer':
    case 'number': {
      const { min, max } = control;
      const span = max - min;
      return [
        min,
        max,
        min - span * 1e-3,
        max + span * 1e-3,
        min - 1,
        max + 1,
        (min + max) / 2,
        min + 0.5,
        0,
        1,
        1e9,
        -1e9,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        '1',
        null,
        true,
      ];
    }
    case 'choice':
      return [...control.options.map((option) => option.value), 'ADAM', ' sgd ', 'bogus', '', 3];
    case 'classes':
      return [
        ['pullover', 'coat'],
        ['coat', 'pullover'],
        ['boot', 'boot'],
        ['boot'],
        ['boot', 'sneaker', 'bag'],
        ['boot', 'sneaker', 'boot'],
        ['boot', 'hat'],
        'boot,sneaker',
        [1, 2],
        [...CLASS_SLUGS.slice(0, 2)],
        [...CLASS_SLUGS],
        [...CLASS_SLUGS, 'boot'],
        [],
      ];
    default:
      return [];
  }
}

/** How the same value is written in a link; null when a link cannot express it (a wrong type). */
function asText(key: SettingKey, value: unknown): string | null {
  switch (SETTINGS[key].control.kind) {
    case 'integer':
    case 'number':
      return typeof value === 'number' ? String(value) : null;
    case 'classes':
      return Array.isArray(value) && value.every((part) => typeof part === 'string')
        ? value.join(',')
        : null;
    default:
      return typeof value === 'string' ? value : null;
  }
}

describe('one settings table, two readers', () => {
  const base = toRunConfig(defaultSettings());

  it('derives the run-file config fields from the table', () => {
    expect(Object.keys(base).sort()).toEqual(
      [
        'classes',
        'trainSize',
        'validationSize',
        'epochs',
        'batchSize',
        'learningRate',
        'optimizer',
        'model',
        'seed',
        'labelSmoothing',
        'l2',
        'dropout',
        'earlyStop',
        'patience',
        'focalGamma',
        'mixupAlpha',
        'validationPercent',
        'backend',
      ].sort(),
    );
    expect(parseRunConfig(base)).toEqual({ ok: true, config: base });
  });

  for (const key of RUN_KEYS) {
    const field = SETTINGS[key].config as string;
    it(`${key} (${field}): the hash and the run file accept and refuse the same values`, () => {
      const values = candidates(key);
      expect(values.length).toBeGreaterThan(4);
      for (const value of values) {
        const fromFile = parseRunConfig({ ...base, [field]: value });
        const text = asText(key, value);
        if (text === null) {
          expect(fromFile.ok, `${key} = ${JSON.stringify(value)}`).toBe(false);
          continue;
        }
        const fromHash = withSetting(defaultSettings(), key, text);
        const label = `${key} = ${JSON.stringify(value)}`;
        expect(fromFile.ok, label).toBe(fromHash.ok);
        if (fromFile.ok && fromHash.ok) {
          expect(fromFile.config[field as keyof typeof base], label).toEqual(
            fromHash.settings[key],
          );
        }
      }
    });
  }

  it('refuses the values the old run-file parser let through', () => {
    const refused: [string, unknown][] = [
      ['labelSmoothing', 0.5],
      ['dropout', 0.99],
      ['l2', 2],
      ['patience', 101],
      ['trainSize', 1],
      ['validationSize', 9],
    ];
    for (const [field, value] of refused) {
      expect(parseRunConfig({ ...base, [field]: value }).ok, field).toBe(false);
    }
  });

  it('gives settings newer than a file their defaults, and requires the rest', () => {
    const { labelSmoothing: _s, l2: _l, dropout: _d, earlyStop: _e, patience: _p, ...old } = base;
    expect(parseRunConfig(old)).toEqual({ ok: true, config: base });
    const { seed: _seed, ...noSeed } = base;
    expect(parseRunConfig(noSeed)).toEqual({ ok: false, field: 'seed', reason: 'is missing' });
    expect(parseRunConfig({ ...base, labelSmoothing: 0.6 })).toEqual({
      ok: false,
      field: 'labelSmoothing',
      reason: 'is above the maximum 0.49',
    });
  });
});
