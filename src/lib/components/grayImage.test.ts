import { describe, expect, it } from 'vitest';
import { grayToRgba, IMAGE_PIXELS } from './grayImage';

describe('grayToRgba', () => {
  it('writes the chosen image as opaque gray, and missing pixels as black', () => {
    const pixels = new Uint8Array(IMAGE_PIXELS + 2);
    pixels[IMAGE_PIXELS] = 7; // image 1, pixel 0
    pixels[IMAGE_PIXELS + 1] = 200; // image 1, pixel 1
    const rgba = new Uint8ClampedArray(IMAGE_PIXELS * 4);
    grayToRgba(pixels, 1, rgba);
    expect([...rgba.subarray(0, 12)]).toEqual([7, 7, 7, 255, 200, 200, 200, 255, 0, 0, 0, 255]);
    expect(rgba[IMAGE_PIXELS * 4 - 1]).toBe(255);
  });
});
