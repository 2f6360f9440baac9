// Finds elements that stick out of their card or past the page width, over every element's box
// (issue 22, part 3): a generic check, so any panel added later is covered without a screenshot.
// A spill is a border box more than SPILL_TOLERANCE_PX past its card (the nearest `.card`
// ancestor) or, outside any card, past the viewport's width. Exempt: elements inside an
// `overflow: auto | hidden | scroll | clip` box that lies within the card (that box is checked
// itself, so a wide table scrolling in its own box passes and one cut off by the card fails),
// and visually hidden ones (display: none, zero size, clipped to 1 px, clip-path inset(50%), folded
// into a closed <details>).
import type { Page } from '@playwright/test';

/** Sub-pixel layout rounds; a spill is more than this past the edge. */
export const SPILL_TOLERANCE_PX = 1;

/** The class every panel's card carries (src/styles/content.css `.card`). */
export const CARD_SELECTOR = '.card';

export interface Spill {
  /** Selector-ish path from the card (or body) down to the element. */
  path: string;
  /** How far the border box lies past the edge, in CSS px (largest side). */
  px: number;
  against: 'card' | 'viewport';
}

/** Every element spilling on the page as it is now, outermost spills only (their children follow). */
export async function findSpills(page: Page): Promise<Spill[]> {
  return page.evaluate(
    ({ tolerance, cardSelector }) => {
      const CLIPPING = new Set(['auto', 'hidden', 'scroll', 'clip']);
      const viewportWidth = document.documentElement.clientWidth;

      function describe(element: Element): string {
        const id = element.id ? `#${element.id}` : '';
        const classes = [...element.classList].map((name) => `.${name}`).join('');
        const testid = element.getAttribute('data-testid');
        return `${element.tagName.toLowerCase()}${id}${classes}${testid ? `[data-testid=${testid}]` : ''}`;
      }

      function pathTo(element: Element, top: Element | null): string {
        const parts: string[] = [];
        for (let at: Element | null = element; at && at !== document.body; at = at.parentElement) {
          parts.unshift(describe(at));
          if (at === top) break;
        }
        return parts.join(' > ');
      }

      /** Hidden from sight though maybe in the layout: display/visibility and the sr-only clips. */
      function clippedAway(style: CSSStyleDeclaration): boolean {
        if (style.display === 'none' || style.visibility === 'hidden') return true;
        if (style.clipPath.startsWith('inset(50%')) return true;
        return style.clip !== 'auto' && style.clip !== '' && style.position === 'absolute';
      }

      /**
       * Inside a closed <details>, outside its summary: Chromium keeps a layout box for the folded
       * content (content-visibility: hidden on ::details-content), though none of it is shown.
       */
      function foldedAway(element: Element): boolean {
        for (let at: Element | null = element; at?.parentElement; at = at.parentElement) {
          const parent = at.parentElement;
          if (parent instanceof HTMLDetailsElement && !parent.open && at.tagName !== 'SUMMARY')
            return true;
        }
        return false;
      }

      /** The element has no visible box, or it or an ancestor is clipped out of sight. */
      function visuallyHidden(element: Element): boolean {
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return true;
        if (foldedAway(element)) return true;
        for (let at: Element | null = element; at; at = at.parentElement) {
          const style = getComputedStyle(at);
          if (clippedAway(style)) return true;
          if (style.position === 'fixed') break; // its own layer: ancestors do not clip it
        }
        return false;
      }

      /**
       * The box the element is held to, or null when an overflow box inside that bound clips it
       * (that box is checked on its own). A fixed element is held to the viewport.
       */
      function bound(element: Element): { card: Element | null } | null {
        if (getComputedStyle(element).position === 'fixed') return { card: null };
        for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
          if (at.matches(cardSelector)) return { card: at };
          const style = getComputedStyle(at);
          if (CLIPPING.has(style.overflowX) || CLIPPING.has(style.overflowY)) return null;
        }
        return { card: null };
      }

      function past(element: Element, card: Element | null): number {
        const box = element.getBoundingClientRect();
        if (card) {
          const edge = card.getBoundingClientRect();
          return Math.max(
            edge.left - box.left,
            box.right - edge.right,
            edge.top - box.top,
            box.bottom - edge.bottom,
          );
        }
        return Math.max(-box.left, box.right - viewportWidth);
      }

      const spilling = new Map<Element, { card: Element | null; px: number }>();
      for (const element of document.body.querySelectorAll('*')) {
        if (visuallyHidden(element)) continue;
        const held = bound(element);
        if (!held) continue;
        const px = past(element, held.card);
        if (px > tolerance) spilling.set(element, { card: held.card, px });
      }
      const spills = [];
      for (const [element, { card, px }] of spilling) {
        const parent = element.parentElement;
        // Report where the spill starts, not every child that rides along with it.
        if (parent && spilling.get(parent)?.card === card) continue;
        spills.push({
          path: pathTo(element, card),
          px: Math.round(px),
          against: card ? ('card' as const) : ('viewport' as const),
        });
      }
      return spills;
    },
    { tolerance: SPILL_TOLERANCE_PX, cardSelector: CARD_SELECTOR },
  );
}

/** One line per spill: "path: N px past its card". */
export function describeSpills(spills: readonly Spill[]): string[] {
  return spills.map(
    (spill) =>
      `${spill.path}: ${spill.px} px past ${spill.against === 'card' ? 'its card' : 'the page width'}`,
  );
}
