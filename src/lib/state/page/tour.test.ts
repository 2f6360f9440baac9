import { describe, expect, it } from 'vitest';
import {
  applyTourMove,
  chooseTourCorner,
  clampStep,
  placeSteps,
  TOUR_STEPS,
  tourMoveFor,
} from './tour';

describe('TOUR_STEPS', () => {
  it('tells the story in order', () => {
    expect(TOUR_STEPS.map((step) => step.id)).toEqual([
      'train',
      'accuracy-plateaus',
      'loss-rises',
      'logits-grow',
      'confidence-outruns-accuracy',
      'wrong-carry-the-loss',
      'temperature',
      'settings',
    ]);
  });

  it('gives every step a unique id, a title, a short body and data-tour targets', () => {
    expect(new Set(TOUR_STEPS.map((step) => step.id)).size).toBe(TOUR_STEPS.length);
    for (const step of TOUR_STEPS) {
      expect(step.title.length).toBeGreaterThan(0);
      // Short enough to read aloud in a room: at most about three sentences.
      expect(step.body.length, step.id).toBeLessThan(320);
      expect(step.targets.length).toBeGreaterThan(0);
      for (const target of step.targets) expect(target).toMatch(/^\[data-tour="[a-z-]+"\]$/);
    }
  });
});

describe('placeSteps', () => {
  it('keeps every step when every panel is there', () => {
    const placed = placeSteps(TOUR_STEPS, () => true);
    expect(placed).toHaveLength(TOUR_STEPS.length);
    expect(placed[0].target).toBe('[data-tour="controls"]');
  });

  it('drops steps whose panels are missing and falls back to a later target', () => {
    const present = new Set(['[data-tour="controls"]', '[data-tour="gallery"]']);
    const placed = placeSteps(TOUR_STEPS, (selector) => present.has(selector));
    expect(placed.map((step) => [step.id, step.target])).toEqual([
      ['train', '[data-tour="controls"]'],
      ['wrong-carry-the-loss', '[data-tour="gallery"]'],
    ]);
  });
});

describe('clampStep', () => {
  it('keeps the index inside the steps', () => {
    expect(clampStep(-2, 5)).toBe(0);
    expect(clampStep(2, 5)).toBe(2);
    expect(clampStep(9, 5)).toBe(4);
    expect(clampStep(1.7, 5)).toBe(1);
    expect(clampStep(Number.NaN, 5)).toBe(0);
    expect(clampStep(3, 0)).toBe(0);
  });
});

describe('tour keys', () => {
  it('maps ← →, page keys, Home/End and Escape; ↑ ↓ still scroll the page', () => {
    expect(tourMoveFor('ArrowRight')).toBe('next');
    expect(tourMoveFor('ArrowDown')).toBeNull();
    expect(tourMoveFor('ArrowUp')).toBeNull();
    expect(tourMoveFor('PageDown')).toBe('next');
    expect(tourMoveFor('ArrowLeft')).toBe('back');
    expect(tourMoveFor('Home')).toBe('first');
    expect(tourMoveFor('End')).toBe('last');
    expect(tourMoveFor('Escape')).toBe('close');
    expect(tourMoveFor('Enter')).toBeNull();
    expect(tourMoveFor('x')).toBeNull();
  });

  it('moves between steps and closes after the last', () => {
    expect(applyTourMove(0, 3, 'next')).toBe(1);
    expect(applyTourMove(2, 3, 'next')).toBeNull();
    expect(applyTourMove(0, 3, 'back')).toBe(0);
    expect(applyTourMove(2, 3, 'back')).toBe(1);
    expect(applyTourMove(1, 3, 'first')).toBe(0);
    expect(applyTourMove(0, 3, 'last')).toBe(2);
    expect(applyTourMove(1, 3, 'close')).toBeNull();
  });
});

describe('chooseTourCorner', () => {
  const viewport = { width: 1280, height: 720 };
  const card = { width: 400, height: 200 };

  it('prefers the bottom right when nothing is covered there', () => {
    const target = { left: 0, top: 0, right: 400, bottom: 300 };
    expect(chooseTourCorner(target, viewport, card, 16).corner).toBe('bottom-right');
  });

  it('moves off a panel in the bottom right', () => {
    const target = { left: 440, top: 300, right: 1264, bottom: 700 };
    expect(chooseTourCorner(target, viewport, card, 16).corner).toBe('bottom-left');
  });

  it('goes to the top when the panel fills the bottom row', () => {
    const target = { left: 0, top: 400, right: 1280, bottom: 720 };
    expect(chooseTourCorner(target, viewport, card, 16).corner).toBe('top-right');
  });

  it('hides none of the words when a corner can, even if it covers more of the panel', () => {
    // A full-width panel: every corner covers some of it. Its heading and caption are at its
    // top left; the bottom corners cover 400 × 200 of the panel, the top right 400 × 184 but
    // none of the words, the top left the words.
    const target = { left: 0, top: 0, right: 1280, bottom: 720 };
    const words = [
      { left: 16, top: 16, right: 600, bottom: 60 },
      { left: 16, top: 60, right: 840, bottom: 120 },
    ];
    const placed = chooseTourCorner(target, viewport, card, 16, words);
    expect(placed).toEqual({ corner: 'bottom-right', textCovered: 0 });
    // Words along the bottom too: only the top right leaves all of them clear.
    const bottomWords = [...words, { left: 16, top: 640, right: 1264, bottom: 700 }];
    expect(chooseTourCorner(target, viewport, card, 16, bottomWords)).toEqual({
      corner: 'top-right',
      textCovered: 0,
    });
  });

  it('reports the words it could not avoid', () => {
    const target = { left: 0, top: 0, right: 1280, bottom: 720 };
    // A line of words across the whole top and bottom: the least is one corner's 400 × 20.
    const words = [
      { left: 0, top: 0, right: 1280, bottom: 36 },
      { left: 0, top: 684, right: 1280, bottom: 720 },
    ];
    expect(chooseTourCorner(target, viewport, card, 16, words).textCovered).toBe(400 * 20);
  });

  it('counts only the visible part of a panel taller than the viewport', () => {
    const target = { left: 440, top: -2000, right: 1264, bottom: 380 };
    expect(chooseTourCorner(target, viewport, card, 16).corner).toBe('bottom-right');
  });
});
