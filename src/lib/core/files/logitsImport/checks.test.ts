import { describe, expect, it } from 'vitest';
import { runName } from './checks';

describe('runName', () => {
  it('drops the extension only', () => {
    expect(runName('resnet.v2.npz')).toBe('resnet.v2');
    expect(runName('logits.json')).toBe('logits');
    expect(runName('.npz')).toBe('.npz');
    expect(runName('a\u0007b.npz')).toBe('a b');
  });
});
