// The README's animation: the recorded default run (replay) stepped from epoch 1 to 40, cropped to
// the two hero charts and the caption, so the picture shows what the README says in words: the
// loss bottoms out and climbs while accuracy holds, and the logit gaps drift right. Frames are
// taken one epoch value at a time and encoded as an APNG by UPNG.js (upng-js), 256 colours: the
// charts have few, and the file stays small. It goes to the ignored test-results/screenshots/
// unless UPDATE_SCREENSHOTS=1 asks for docs/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import UPNG from 'upng-js';
import { expect, test } from './fixtures';
import { openReplayAt, RECORDED_EPOCHS } from './replay-page';
import { screenshotPath } from './screenshots';

/** Epochs shown: dense where the loss turns (around its minimum), sparse after. */
const FRAME_EPOCHS = [1, 3, 6, 10, 15, 20, 25, 30, 35, RECORDED_EPOCHS];
const MARGIN_PX = 8;
const FRAME_MS = 600;
const LAST_FRAME_MS = 3000;
/** Palette size of the encoded frames (0 would be lossless, several times larger). */
const COLOURS = 256;

test('README animation of the recorded default run, epoch 1 to 40', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openReplayAt(page, FRAME_EPOCHS[0], 'backend=wasm');
  // The two charts and the story's caption over them, whether or not they fit in the viewport.
  const boxes = await Promise.all(
    ['chart-loss', 'chart-histogram', 'story-caption'].map((id) =>
      page.getByTestId(id).boundingBox(),
    ),
  );
  expect(boxes.every(Boolean)).toBe(true);
  const edges = boxes.map((box) => box!);
  const left = Math.floor(Math.min(...edges.map((box) => box.x))) - MARGIN_PX;
  const top = Math.floor(Math.min(...edges.map((box) => box.y))) - MARGIN_PX;
  const clip = {
    x: left,
    y: top,
    width: Math.ceil(Math.max(...edges.map((box) => box.x + box.width))) + MARGIN_PX - left,
    height: Math.ceil(Math.max(...edges.map((box) => box.y + box.height))) + MARGIN_PX - top,
  };

  const slider = page.getByRole('slider', { name: 'Replay epoch' });
  const frames: Buffer[] = [];
  let shown = FRAME_EPOCHS[0];
  for (const epoch of FRAME_EPOCHS) {
    await slider.focus();
    for (; shown < epoch; shown += 1) await page.keyboard.press('ArrowRight');
    await slider.blur();
    await expect(page.getByTestId('chart-loss')).toHaveAttribute('data-points', String(epoch));
    await expect(page.getByTestId('chart-histogram')).toHaveAttribute('data-epoch', String(epoch));
    frames.push(await page.screenshot({ clip, fullPage: true }));
  }

  const delays = FRAME_EPOCHS.map((_, i) =>
    i === FRAME_EPOCHS.length - 1 ? LAST_FRAME_MS : FRAME_MS,
  );
  const path = screenshotPath('replay.png');
  mkdirSync(dirname(path), { recursive: true });
  const decoded = frames.map((png) => UPNG.decode(toArrayBuffer(png)));
  const { width, height } = decoded[0];
  const rgba = decoded.map((image) => UPNG.toRGBA8(image)[0]);
  writeFileSync(path, Buffer.from(UPNG.encode(rgba, width, height, COLOURS, delays)));
  // Read back: an animation of every frame, at the frames' size.
  const written = UPNG.decode(toArrayBuffer(readFileSync(path)));
  expect([written.width, written.height]).toEqual([width, height]);
  expect(written.frames).toHaveLength(FRAME_EPOCHS.length);
  await testInfo.attach('replay.png', { path, contentType: 'image/png' });
});

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
