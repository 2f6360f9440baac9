// A 28×28 grayscale image (uint8, row-major; several concatenated) painted at its native size:
// exactly what the network is given, scaled up by CSS with crisp (pixelated) edges. The dataset
// preview, the explanations' validation images and the own-images strip all draw this way.
import type { Attachment } from 'svelte/attachments';

export const IMAGE_SIDE_PX = 28;
export const IMAGE_PIXELS = IMAGE_SIDE_PX * IMAGE_SIDE_PX;

/** Writes image `index` of `pixels` into `rgba` (4 bytes a pixel) as opaque gray; missing pixels are black. */
export function grayToRgba(pixels: Uint8Array, index: number, rgba: Uint8ClampedArray): void {
  const offset = index * IMAGE_PIXELS;
  for (let pixel = 0; pixel < IMAGE_PIXELS; pixel++) {
    rgba.fill(pixels[offset + pixel] ?? 0, pixel * 4, pixel * 4 + 3);
    rgba[pixel * 4 + 3] = 255;
  }
}

/** Paints image `index` of `pixels` onto the canvas it is attached to. */
export function paintGrayImage(pixels: Uint8Array, index: number): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const context = canvas.getContext('2d');
    if (context === null) return;
    const image = context.createImageData(IMAGE_SIDE_PX, IMAGE_SIDE_PX);
    grayToRgba(pixels, index, image.data);
    context.putImageData(image, 0, 0);
  };
}
