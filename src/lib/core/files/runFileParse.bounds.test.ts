// Every setting a run file records, in its config or in a mid-run change (`events`), is read
// with the settings table's bounds, and the message names the field, the value and the bound.
// The expected messages are written out by hand from the table (settings/settings.ts).

import { describe, expect, it } from 'vitest';
import { validRunFile } from './runFileParse.fixture';
import { parseRunFile } from './runFileParse';

const smoothingUp = {
  epoch: 2,
  batch: 0,
  batchesPerEpoch: 4,
  field: 'labelSmoothing',
  from: 0.1,
  to: 0.2,
};

function errorOf(file: object): string {
  const parsed = parseRunFile(JSON.stringify(file));
  return parsed.ok ? 'accepted' : parsed.error;
}

const withEvent = (change: object) => ({
  ...validRunFile,
  events: [smoothingUp, { ...smoothingUp, from: 0.2, ...change }],
});

const withConfig = (change: object) => ({
  ...validRunFile,
  config: { ...validRunFile.config, ...change },
});

describe('run-file events are bounded by the settings table', () => {
  it('accept a change inside the bounds', () => {
    const parsed = parseRunFile(JSON.stringify(withEvent({ to: 0.49 })));
    expect(parsed.ok && parsed.run.events.map((event) => event.to)).toEqual([0.2, 0.49]);
  });

  it.each([
    [{ to: 5 }, 'events[1].to (labelSmoothing) = 5 is above the maximum 0.49'],
    [{ from: 0.5 }, 'events[1].from (labelSmoothing) = 0.5 is above the maximum 0.49'],
    [
      { field: 'learningRate', from: 0.001, to: 0 },
      'events[1].to (learningRate) = 0 is below the minimum 0.000001',
    ],
    [
      { field: 'learningRate', from: 0.001, to: 11 },
      'events[1].to (learningRate) = 11 is above the maximum 10',
    ],
    [
      { field: 'focalGamma', from: 0, to: 6 },
      'events[1].to (focalGamma) = 6 is above the maximum 5',
    ],
    [{ field: 'l2', from: 0, to: 1.5 }, 'events[1].to (l2) = 1.5 is above the maximum 1'],
    [{ field: 'l2', from: 0, to: '0.1' }, 'events[1].to (l2) = "0.1" is not a number'],
    [{ from: -0.1 }, 'events[1].from (labelSmoothing) = -0.1 is below the minimum 0'],
  ])('refuse %j: %s', (change, message) => {
    expect(errorOf(withEvent(change))).toBe(message);
  });
});

describe('run-file config messages name the value', () => {
  it.each([
    [{ labelSmoothing: 5 }, 'file.config.labelSmoothing = 5 is above the maximum 0.49'],
    [{ epochs: 2.5 }, 'file.config.epochs = 2.5 is not a whole number'],
    [{ batchSize: 0 }, 'file.config.batchSize = 0 is below the minimum 1'],
    [
      { optimizer: 'rmsprop' },
      'file.config.optimizer = "rmsprop" is not one of adam, sgd, momentum',
    ],
    [{ seed: undefined }, 'file.config.seed is missing'],
  ])('%j: %s', (change, message) => {
    expect(errorOf(withConfig(change))).toBe(message);
  });
});
