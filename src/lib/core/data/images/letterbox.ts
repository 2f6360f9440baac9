// From a decoded picture of any size to the model's input: 28 × 28 grayscale, aspect ratio kept.
// The worker draws the picture, scaled, into the rectangle `letterboxRect` gives and reads the
// 28 × 28 RGBA back; everything after that is here, pure, so Node tests reach it.
//
// Padding: the part of the square the picture does not cover is filled with the mean luminance
// of the picture's own outermost ring of pixels (its background, for most photos and drawings),
// not with a fixed black. A fixed colour would draw a frame around some images and not others
// (landscape vs portrait), a cue the network could learn instead of the content.

import { IMAGE_SIDE } from '../dataset';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a `width` × `height` picture goes inside a `side` × `side` square: scaled so its longer
 * edge fills the side, the shorter one rounded (at least 1 pixel), centred (an odd leftover puts
 * the extra pixel after it). 100 × 50 → 28 × 14 at (0, 7).
 */
export function letterboxRect(width: number, height: number, side = IMAGE_SIDE): Rect {
  if (!(width > 0 && height > 0)) throw new RangeError(`Not a picture size: ${width} × ${height}`);
  const scale = side / Math.max(width, height);
  const scaledWidth = Math.max(1, Math.min(side, Math.round(width * scale)));
  const scaledHeight = Math.max(1, Math.min(side, Math.round(height * scale)));
  return {
    x: Math.floor((side - scaledWidth) / 2),
    y: Math.floor((side - scaledHeight) / 2),
    width: scaledWidth,
    height: scaledHeight,
  };
}

/** ITU-R BT.601 luma weights (what most image libraries' "L" mode uses). */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * RGBA pixels to one byte of luminance each. Transparency is composited over black, the
 * background of Fashion-MNIST's light-on-dark images: a transparent pixel becomes 0.
 */
export function luminance(rgba: ArrayLike<number>): Uint8Array {
  const count = Math.floor(rgba.length / 4);
  const gray = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const r = rgba[4 * i];
    const g = rgba[4 * i + 1];
    const b = rgba[4 * i + 2];
    const alpha = rgba[4 * i + 3] / 255;
    gray[i] = Math.round((LUMA[0] * r + LUMA[1] * g + LUMA[2] * b) * alpha);
  }
  return gray;
}

/** Mean of the pixels on `rect`'s outline inside a `side`-wide grayscale image, rounded. */
export function borderMean(gray: Uint8Array, rect: Rect, side = IMAGE_SIDE): number {
  const { x, y, width, height } = rect;
  let sum = 0;
  let count = 0;
  for (let row = y; row < y + height; row++) {
    for (let column = x; column < x + width; column++) {
      const onEdge =
        row === y || row === y + height - 1 || column === x || column === x + width - 1;
      if (!onEdge) continue;
      sum += gray[row * side + column];
      count++;
    }
  }
  return count === 0 ? 0 : Math.round(sum / count);
}

/**
 * The model's 28 × 28 input from a square RGBA canvas readback holding the picture in `rect`:
 * luminance, and everything outside `rect` set to the picture's border mean.
 */
export function letterboxed(rgba: ArrayLike<number>, rect: Rect, side = IMAGE_SIDE): Uint8Array {
  const gray = luminance(rgba);
  if (gray.length !== side * side) {
    throw new RangeError(`Expected ${side * side} pixels, got ${gray.length}`);
  }
  const pad = borderMean(gray, rect, side);
  for (let row = 0; row < side; row++) {
    for (let column = 0; column < side; column++) {
      const inside =
        row >= rect.y &&
        row < rect.y + rect.height &&
        column >= rect.x &&
        column < rect.x + rect.width;
      if (!inside) gray[row * side + column] = pad;
    }
  }
  return gray;
}
