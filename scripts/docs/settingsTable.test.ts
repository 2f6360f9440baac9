// The README's settings table against the SETTINGS table that parses links and run files: the
// same keys in the same order, each default as a link writes it, each bound and each choice.
// A bound changed in settings.ts and not in the README (or the other way round) fails here.
import { describe, expect, it } from 'vitest';
import { CLASS_SLUGS } from '../../src/lib/core/types';
import {
  LIVE_KEYS,
  SETTINGS,
  SETTING_KEYS,
  parseHash,
  type SettingKey,
} from '../../src/lib/settings';
import { codeSpans, oneLine, readDoc, section, tableRows } from './markdown';

const settingsSection = section(readDoc('README.md'), 'Settings (URL hash)');
const rows = tableRows(settingsSection, 'key');
/** key → [meaning, default, allowed], as the README writes them. */
const rowOf = new Map(rows.map(([key, ...rest]) => [codeSpans(key)[0], rest]));

/** "integer 10–6000" or "1e-6–10" → the two bounds as numbers. */
function boundsIn(allowed: string): { integer: boolean; min: number; max: number } | null {
  const match = allowed.match(/^(integer )?(\S+)–(\S+)$/);
  return match ? { integer: Boolean(match[1]), min: Number(match[2]), max: Number(match[3]) } : null;
}

describe('README settings table', () => {
  it('lists every setting, in the order of the SETTINGS table', () => {
    expect(rows.map(([key]) => codeSpans(key)[0])).toEqual([...SETTING_KEYS]);
  });

  it.each(SETTING_KEYS.map((key) => [key]))('%s: its default, as a link writes it', (key) => {
    const spec = SETTINGS[key as SettingKey] as (typeof SETTINGS)[SettingKey];
    const written = (spec.format as (value: unknown) => string)(spec.default);
    const cell = rowOf.get(key)![1];
    // An empty list (hide) is written "none"; every other default as the link writes it.
    expect(written === '' ? cell : codeSpans(cell)[0]).toBe(written === '' ? 'none' : written);
  });

  it.each(SETTING_KEYS.map((key) => [key]))('%s: its bounds or choices', (key) => {
    const control = SETTINGS[key as SettingKey].control;
    const [meaning, , allowed] = rowOf.get(key)!;
    const spans = codeSpans(`${meaning} ${allowed}`);
    switch (control.kind) {
      case 'integer':
      case 'number':
        expect(boundsIn(allowed)).toEqual({
          integer: control.kind === 'integer',
          min: control.min,
          max: control.max,
        });
        break;
      case 'choice':
        for (const { value } of control.options) expect(spans).toContain(value);
        break;
      case 'classes':
        expect(codeSpans(allowed)[0].split(', ')).toEqual([...CLASS_SLUGS]);
        break;
      case 'flag':
        expect(codeSpans(allowed)).toEqual(['0', '1']);
        break;
      case 'list':
        expect(codeSpans(allowed)[0].split(', ')).toEqual([...control.options]);
        break;
    }
  });
});

describe('README settings prose', () => {
  const prose = oneLine(settingsSection);

  it('its example link parses without a problem', () => {
    const link = codeSpans(prose).find((span) => span.startsWith('#classes='));
    expect(link).toBeDefined();
    expect(parseHash(link!).problems).toEqual([]);
  });

  it('names the page keys: the settings that are not part of a run', () => {
    const sentence = prose.match(/The page keys \(([^)]*)\)/)?.[1] ?? '';
    const pageKeys = SETTING_KEYS.filter((key) => SETTINGS[key].config === undefined);
    expect(codeSpans(sentence)).toEqual(pageKeys);
  });

  it('names the settings that can change mid-run', () => {
    const sentence = prose.match(/Settings are locked while a run exists; (.*?) can/)?.[1] ?? '';
    expect(codeSpans(sentence)).toEqual([...LIVE_KEYS]);
  });

  it('states the memory bounds the table enforces', () => {
    const train = SETTINGS.train.control as { max: number };
    const validation = SETTINGS.val.control as { max: number };
    const batch = SETTINGS.batch.control as { max: number };
    // 28 × 28 float32 pixels per image, in decimal megabytes as the sentence writes them.
    const trainMegabytes = ((train.max * 28 * 28 * 4) / 1e6).toFixed(1);
    expect(prose).toContain(
      `at most ${train.max} training images (${trainMegabytes} MB as float32 on the device), ` +
        `${validation.max} validation images and batches of ${batch.max}`,
    );
  });
});
