import { describe, expect, it } from 'vitest';
import { createHistoryTracker } from './streaming';

describe('createHistoryTracker', () => {
  it('reports only new items while the history grows', () => {
    const track = createHistoryTracker<{ epoch: number }>();
    const one = { epoch: 1 };
    const two = { epoch: 2 };
    expect(track([])).toEqual({ restart: false, added: [] });
    expect(track([one])).toEqual({ restart: false, added: [one] });
    expect(track([one, two])).toEqual({ restart: false, added: [two] });
    expect(track([one, two])).toEqual({ restart: false, added: [] });
  });

  it('restarts when the history shrinks or its items are replaced', () => {
    const track = createHistoryTracker<{ epoch: number }>();
    const one = { epoch: 1 };
    track([one, { epoch: 2 }]);
    expect(track([])).toEqual({ restart: true, added: [] });
    track([one]);
    const otherRun = { epoch: 1 };
    expect(track([otherRun])).toEqual({ restart: true, added: [otherRun] });
  });
});
