import { describe, expect, it } from 'vitest';
import { withBinding } from './binding';

describe('withBinding', () => {
  it('reads the page state and writes changes back, as bind: does', () => {
    let binning = 'equal-width';
    const props = withBinding(
      { epochs: 3 },
      'binning',
      () => binning,
      (next) => (binning = next),
    );
    expect(props.binning).toBe('equal-width');
    props.binning = 'equal-mass';
    expect(binning).toBe('equal-mass');
    expect(props.epochs).toBe(3);
  });

  it('shows the bound prop to a spread as an own accessor (Svelte looks for its setter)', () => {
    const props = withBinding(
      {},
      'pinned',
      () => [1],
      () => undefined,
    );
    const descriptor = Object.getOwnPropertyDescriptor(props, 'pinned');
    expect(descriptor?.set).toBeTypeOf('function');
    expect(Object.keys(props)).toEqual(['pinned']);
  });
});
