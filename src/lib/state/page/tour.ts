// The guided tour as plain data: the story of the page in steps, each pointing at the panel it
// talks about. Tour.svelte only shows, highlights and moves between them.

export interface TourStep {
  id: string;
  title: string;
  body: string;
  /** CSS selectors of the panel to highlight; the first one on the page wins. */
  targets: readonly string[];
}

/** A step whose panel is on the page, with the selector that found it. */
export interface PlacedTourStep extends TourStep {
  target: string;
}

const panel = (name: string): string => `[data-tour="${name}"]`;

/** The question, in order: train → plateau → rise → logits grow → wrong ones pay → what helps. */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'train',
    title: 'Train a small network',
    body:
      'Press Train (or the T key). A small network learns to tell the two kinds of clothing ' +
      'apart; one epoch is one pass over the training images. Step (S) trains a single epoch, ' +
      'so you can stop and talk.',
    targets: [panel('controls')],
  },
  {
    id: 'accuracy-plateaus',
    title: 'Accuracy levels off',
    body:
      'Follow the solid blue accuracy line (◆ marks its best). After a few epochs it hardly ' +
      'moves: the network gets about the same share of new images right, epoch after epoch.',
    targets: [panel('loss')],
  },
  {
    id: 'loss-rises',
    title: '…yet the loss climbs',
    body:
      'Now the solid orange loss line: with the default settings it bottoms out (▲) and then ' +
      'rises, although accuracy holds (the sentence above the charts says what this run’s loss did). ' +
      'Loss does not just count mistakes — it also charges for how sure each answer was.',
    targets: [panel('loss')],
  },
  {
    id: 'logits-grow',
    title: 'The network grows surer',
    body:
      'The histogram sorts the validation images by the gap between the network’s two scores ' +
      '(logits). Epoch by epoch the bars drift right: every answer gets more confident — the ' +
      'wrong ones (hatched) too.',
    targets: [panel('histogram')],
  },
  {
    id: 'confidence-outruns-accuracy',
    title: 'Confidence outruns accuracy',
    body:
      'Images grouped by how sure the network was. For an honest network each bar would reach ' +
      'the diagonal; the gap shows it claims more certainty than its hit rate earns.',
    targets: [panel('reliability')],
  },
  {
    id: 'wrong-carry-the-loss',
    title: 'The wrong answers carry the loss',
    body:
      'Split the validation loss by who pays it: the few images the network gets wrong pay most ' +
      'of it, because a confident wrong answer costs far more than a right one earns back.',
    targets: [panel('split'), panel('gallery')],
  },
  {
    id: 'temperature',
    title: 'What helps: temperature scaling',
    body:
      'Dividing every logit by one number T > 1 softens every answer without changing a single ' +
      'prediction: accuracy stays the same, and the loss on held-out images falls.',
    targets: [panel('temperature')],
  },
  {
    id: 'settings',
    title: 'What helps: train differently',
    body:
      'Press Reset, then try label smoothing, weight decay (L2), dropout or early stopping, and ' +
      'train again. The faint lines keep the previous run for comparison.',
    targets: [panel('settings')],
  },
];

/** The steps whose panel is on the page (a link can hide panels), each with its found target. */
export function placeSteps(
  steps: readonly TourStep[],
  exists: (selector: string) => boolean,
): PlacedTourStep[] {
  const placed: PlacedTourStep[] = [];
  for (const step of steps) {
    const target = step.targets.find(exists);
    if (target !== undefined) placed.push({ ...step, target });
  }
  return placed;
}

/** A step index kept inside [0, count − 1] (0 when there are no steps). */
export function clampStep(step: number, count: number): number {
  if (count <= 0 || !Number.isFinite(step)) return 0;
  return Math.min(Math.max(Math.trunc(step), 0), count - 1);
}

export type TourMove = 'next' | 'back' | 'first' | 'last' | 'close';

/** ← → and PageUp/PageDown: what presenters' clickers send. Up/Down stay page scrolling. */
const TOUR_KEYS: Record<string, TourMove> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ArrowLeft: 'back',
  PageUp: 'back',
  Home: 'first',
  End: 'last',
  Escape: 'close',
};

/** How a key moves the tour; Enter is left to the focused button (Next has focus by default). */
export function tourMoveFor(key: string): TourMove | null {
  return TOUR_KEYS[key] ?? null;
}

/** The step a move leads to, or null when the move closes the tour (Next on the last step). */
export function applyTourMove(step: number, count: number, move: TourMove): number | null {
  switch (move) {
    case 'next':
      return step + 1 >= count ? null : step + 1;
    case 'back':
      return Math.max(step - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return Math.max(count - 1, 0);
    case 'close':
      return null;
  }
}

export type TourCorner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** In order of preference on a tie: bottom-right reads as "a note beside the page". */
const CORNERS: readonly TourCorner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/** The area two boxes share (0 when apart). */
function overlap(a: Box, b: Box): number {
  const width = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
  const height = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  return width * height;
}

export interface TourPlacement {
  corner: TourCorner;
  /** Area of the target's words (`text`) under the card: 0 means none is hidden. */
  textCovered: number;
}

/**
 * The viewport corner for a `card` (width × height, `margin` from the edges) that hides none of
 * the target's words (`text`: its heading, caption and labels) if any corner can, and of those
 * the one that covers the least of the `target`'s visible area, so the tour's card never hides
 * what it points at.
 */
export function chooseTourCorner(
  target: Box,
  viewport: { width: number; height: number },
  card: { width: number; height: number },
  margin: number,
  text: readonly Box[] = [],
): TourPlacement {
  const visible: Box = {
    ...target,
    top: Math.max(target.top, 0),
    bottom: Math.min(target.bottom, viewport.height),
  };
  let best: TourPlacement & { covered: number } = {
    corner: CORNERS[0],
    textCovered: Number.POSITIVE_INFINITY,
    covered: Number.POSITIVE_INFINITY,
  };
  for (const corner of CORNERS) {
    const left = corner.endsWith('left') ? margin : viewport.width - margin - card.width;
    const top = corner.startsWith('top') ? margin : viewport.height - margin - card.height;
    const box = { left, top, right: left + card.width, bottom: top + card.height };
    const textCovered = text.reduce((sum, words) => sum + overlap(box, words), 0);
    const covered = visible.bottom > visible.top ? overlap(box, visible) : 0;
    if (
      textCovered < best.textCovered ||
      (textCovered === best.textCovered && covered < best.covered)
    ) {
      best = { corner, textCovered, covered };
    }
  }
  return { corner: best.corner, textCovered: best.textCovered };
}
