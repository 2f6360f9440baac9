import { describe, expect, it } from 'vitest';
import { testConfig } from '../core/train/trainConfig.fixture';
import { toTrainConfig } from './runConfig';
import { SETTINGS } from './settings';
import { SETTING_KEYS } from './settingKeys';
import { defaultSettings, formatSetting, withSetting } from './settingValues';

describe('settings table', () => {
  it('lists every Settings key exactly once, in table order', () => {
    expect([...SETTING_KEYS].sort()).toEqual(Object.keys(SETTINGS).sort());
    expect(new Set(SETTING_KEYS).size).toBe(SETTING_KEYS.length);
  });

  it('has defaults that its own parser accepts', () => {
    const defaults = defaultSettings();
    for (const key of SETTING_KEYS) {
      const text = formatSetting(defaults, key);
      expect(withSetting(defaults, key, text), key).toEqual({ ok: true, settings: defaults });
    }
  });

  it('converts to a TrainConfig', () => {
    // The shared test config, with the table's defaults where it differs from them.
    expect(toTrainConfig(defaultSettings())).toEqual(
      testConfig({
        trainSize: 2000,
        validationSize: 2000,
        epochs: 40,
        batchSize: 64,
        model: 'wide',
        seed: 1,
        validationPercent: 20,
      }),
    );
  });

  it('applies a single setting from text, typed per key', () => {
    const result = withSetting(defaultSettings(), 'optimizer', 'SGD');
    expect(result.ok && result.settings.optimizer).toBe('sgd');
    expect(withSetting(defaultSettings(), 'batch', '0')).toEqual({
      ok: false,
      reason: 'is below the minimum 1',
    });
  });
});
