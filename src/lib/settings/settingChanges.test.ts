import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../core/files';
import { validRunFile } from '../core/files/runFileParse.fixture';
import {
  changesToReplay,
  settingChangeLabel,
  settingChangePosition,
  settingChangeSentence,
  settingsAfter,
} from './settingChanges';
import { testConfig } from '../core/train/trainConfig.fixture';
import type { SettingChangeEvent } from '../core/types';

const lrDown: SettingChangeEvent = {
  epoch: 3,
  batch: 8,
  batchesPerEpoch: 32,
  field: 'learningRate',
  from: 0.001,
  to: 0.0003,
};
const focalOn: SettingChangeEvent = {
  epoch: 5,
  batch: 0,
  batchesPerEpoch: 32,
  field: 'focalGamma',
  from: 0,
  to: 2,
};

describe('mid-run setting changes', () => {
  it('sit at epoch − 1 + batch/batches on an epoch axis', () => {
    expect(settingChangePosition(lrDown)).toBe(2.25);
    expect(settingChangePosition(focalOn)).toBe(4); // from epoch 5's start: the end of epoch 4
  });

  it('give the settings after them, and the changes that replay them', () => {
    const config = testConfig({ learningRate: 0.001 });
    const second = { ...lrDown, epoch: 4, from: 0.0003, to: 0.0001 };
    expect(settingsAfter(config, [lrDown, focalOn, second])).toEqual({
      learningRate: 0.0001,
      l2: 0,
      labelSmoothing: 0,
      focalGamma: 2,
    });
    expect(changesToReplay(config, [])).toEqual({});
  });

  it('read as labels and sentences', () => {
    expect(settingChangeLabel(lrDown)).toBe('lr 0.001→0.0003');
    expect(settingChangeSentence(lrDown)).toBe(
      'epoch 3, after batch 8 of 32: learning rate 0.001 → 0.0003',
    );
    expect(settingChangeSentence(focalOn)).toBe('from the start of epoch 5: focal loss γ 0 → 2');
  });
});

describe('run file events', () => {
  it('round-trip through a run file, and older files read as none', () => {
    const events = [{ ...lrDown, epoch: 2 }];
    const withEvents = { ...validRunFile, events };
    const parsed = parseRunFile(JSON.stringify(withEvents));
    expect(parsed.ok && parsed.run.events).toEqual(events);
    const { events: _none, ...older } = validRunFile;
    const old = parseRunFile(JSON.stringify(older));
    expect(old.ok && old.run.events).toEqual([]);
  });

  it.each([
    ['an unknown field', { field: 'batchSize' }, /events\[0\]/],
    ['a batch past the epoch', { batch: 40 }, /events\[0\]/],
    ['an epoch past the run', { epoch: 99 }, /events\[0\]/],
    ['a negative value', { to: -1 }, /events\[0\]/],
  ])('refuses %s', (_, broken, message) => {
    const parsed = parseRunFile(
      JSON.stringify({ ...validRunFile, events: [{ ...lrDown, epoch: 2, ...broken }] }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
