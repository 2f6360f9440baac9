// What the tour reads off the page about a step's target: the element, once its view shows and
// its panel's code has loaded, and the boxes of its words (which the card must not cover).

/** The target, polled for a few frames (up to about 3 s) while its view and panel load. */
export async function findTarget(
  selector: string,
  cancelled: () => boolean,
): Promise<HTMLElement | null> {
  for (let frame = 0; frame < 180 && !cancelled(); frame++) {
    const target = document.querySelector<HTMLElement>(selector);
    if (target !== null) return target;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}

/** The words a step points at: the panel's headings, captions and labels, as laid out. */
export function wordsOf(target: Element): DOMRect[] {
  return [...target.querySelectorAll('h2, h3, p, label, legend, figcaption')]
    .map((element) => element.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0);
}
