import { describe, expect, it } from 'vitest';
import { borderMean, letterboxed, letterboxRect, luminance } from './letterbox';

describe('letterboxRect', () => {
  it('fits the longer edge to 28 and centres the shorter one', () => {
    // 100 × 50: scale 0.28 → 28 × 14, (28 − 14) / 2 = 7 rows above.
    expect(letterboxRect(100, 50)).toEqual({ x: 0, y: 7, width: 28, height: 14 });
    expect(letterboxRect(50, 100)).toEqual({ x: 7, y: 0, width: 14, height: 28 });
    expect(letterboxRect(28, 28)).toEqual({ x: 0, y: 0, width: 28, height: 28 });
    expect(letterboxRect(640, 640)).toEqual({ x: 0, y: 0, width: 28, height: 28 });
  });

  it('rounds the shorter edge and puts an odd leftover pixel after it', () => {
    // 3 × 2: 2 · 28/3 = 18.67 → 19 rows; 9 left over → 4 above, 5 below.
    expect(letterboxRect(3, 2)).toEqual({ x: 0, y: 4, width: 28, height: 19 });
  });

  it('keeps at least one pixel of a sliver', () => {
    // 1000 × 1: 0.028 rows → 1; 27 left over → 13 above.
    expect(letterboxRect(1000, 1)).toEqual({ x: 0, y: 13, width: 28, height: 1 });
  });

  it('refuses an empty picture', () => {
    expect(() => letterboxRect(0, 10)).toThrow(RangeError);
  });
});

describe('luminance', () => {
  it('weighs red, green and blue by BT.601 and composites alpha over black', () => {
    const rgba = [
      [255, 0, 0, 255], // 0.299 · 255 = 76.245
      [0, 255, 0, 255], // 0.587 · 255 = 149.685
      [0, 0, 255, 255], // 0.114 · 255 = 29.07
      [255, 255, 255, 255],
      [255, 255, 255, 128], // half-transparent white over black: 128
      [255, 255, 255, 0],
    ].flat();
    expect([...luminance(rgba)]).toEqual([76, 150, 29, 255, 128, 0]);
  });
});

/** A 28 × 28 RGBA square, transparent, with opaque gray `value(row, column)` inside `rect`. */
function drawn(
  rect: { x: number; y: number; width: number; height: number },
  value: (row: number, column: number) => number,
): Uint8Array {
  const rgba = new Uint8Array(28 * 28 * 4);
  for (let row = rect.y; row < rect.y + rect.height; row++) {
    for (let column = rect.x; column < rect.x + rect.width; column++) {
      const at = 4 * (row * 28 + column);
      rgba.fill(value(row, column), at, at + 3);
      rgba[at + 3] = 255;
    }
  }
  return rgba;
}

describe('padding with the border mean', () => {
  const rect = letterboxRect(100, 50); // rows 7…20, all 28 columns
  const topRowWhite = (row: number) => (row === 7 ? 200 : 0);

  it('averages the picture’s outermost ring only', () => {
    // The ring of a 28 × 14 rectangle: 28 + 28 + 2 · 12 = 80 pixels, 28 of them (the top row)
    // at 200: 200 · 28 / 80 = 70.
    expect(borderMean(luminance(drawn(rect, topRowWhite)), rect)).toBe(70);
  });

  it('fills the margin with it and keeps the picture', () => {
    const input = letterboxed(drawn(rect, topRowWhite), rect);
    expect(input).toHaveLength(784);
    expect(input[0]).toBe(70); // row 0: margin
    expect(input[6 * 28 + 27]).toBe(70); // row 6: margin
    expect(input[7 * 28 + 3]).toBe(200); // the picture's top row
    expect(input[10 * 28 + 3]).toBe(0); // inside the picture
    expect(input[21 * 28]).toBe(70); // row 21: margin
    expect(input.filter((value) => value === 70)).toHaveLength(28 * 14);
  });

  it('leaves a picture that fills the square untouched', () => {
    const full = { x: 0, y: 0, width: 28, height: 28 };
    const input = letterboxed(
      drawn(full, (row, column) => (row + column) % 256),
      full,
    );
    expect(input[27 * 28 + 27]).toBe(54);
  });
});
