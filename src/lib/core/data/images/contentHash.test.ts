import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentBytes, contentHash } from './contentHash';

const ones = new Uint8Array(784).fill(1);
const twos = new Uint8Array(784).fill(2);

describe('contentHash', () => {
  it('hashes each image as its label byte then its 784 pixels, class 0 first', async () => {
    const bytes = contentBytes([ones, twos]);
    expect(bytes).toHaveLength(2 * 785);
    expect([bytes[0], bytes[1], bytes[784], bytes[785], bytes[786], bytes[1569]]).toEqual([
      0, 1, 1, 1, 2, 2,
    ]);
    // sha256 of bytes([0] + [1]·784 + [1] + [2]·784), computed outside the app (Python hashlib).
    expect(await contentHash([ones, twos])).toBe(
      '755b6620c213af1b7803cf67714629ebdbda6a7581060fa3cfc4b5e66f64c45e',
    );
    expect(await contentHash([ones, twos])).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('is stable for the same images and changes when a label or pixel does', async () => {
    const first = await contentHash([ones, twos]);
    expect(await contentHash([ones.slice(), twos.slice()])).toBe(first);
    // The same two images with their classes swapped.
    expect(await contentHash([twos, ones])).toBe(
      '50a9db5b23cafbd63eef2058fedf7237c3d090f6367d7ed04a5214afbe35a631',
    );
    const changed = ones.slice();
    changed[400] = 0;
    expect(await contentHash([changed, twos])).not.toBe(first);
  });

  it('refuses pixels that are not whole images', () => {
    expect(() => contentBytes([new Uint8Array(10), twos])).toThrow(RangeError);
  });
});
