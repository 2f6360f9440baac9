// Nothing spills (issue 22, part 3): at desktop, full-HD, phone and projector sizes, on the
// recorded run at its last epoch, in every view (each tab in turn, so every panel is measured,
// own images and the logits import included) with every <details> open, no element's border box
// lies more than 1 px past its card or the page width. The check reads every element's box
// (e2e/spill.ts), so it covers whichever panels a view shows, without screenshots.
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { openReplayStoryAt, RECORDED_EPOCHS, showViewAt } from './replay-page';
import { describeSpills, findSpills } from './spill';
import { VIEW_IDS } from './views';

/** Opens every <details> the locator finds. */
async function openDetails(details: Locator): Promise<void> {
  await details.evaluateAll((elements) => {
    for (const element of elements) (element as HTMLDetailsElement).open = true;
  });
}

interface Size {
  name: string;
  width: number;
  height: number;
  /** Link keys beyond the replay's, e.g. projector mode. */
  hash: string;
}

const SIZES: readonly Size[] = [
  { name: 'desktop', width: 1280, height: 720, hash: '' },
  { name: 'full HD', width: 1920, height: 1080, hash: '' },
  { name: 'phone', width: 390, height: 844, hash: '' },
  { name: 'projector', width: 1280, height: 720, hash: 'projector=1' },
];

for (const size of SIZES) {
  test(`nothing spills in any view at ${size.name} ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openReplayStoryAt(page, RECORDED_EPOCHS, size.hash);
    if (size.hash.includes('projector=1')) {
      await expect(page.locator('html')).toHaveAttribute('data-projector', '');
    }
    const spills: string[] = [];
    for (const view of VIEW_IDS) {
      // The view's panels drawn at the last epoch (Your data: own images and the logits import
      // included), so each is measured as a user sees it.
      await showViewAt(page, view, RECORDED_EPOCHS);
      // Folded tables and help count too: open the view's <details> so their contents are laid
      // out (the toolbar's stay shut until the end: an open one would lie over the tabs).
      await openDetails(page.getByRole('tabpanel').locator('details'));
      spills.push(...describeSpills(await findSpills(page)).map((spill) => `${view}: ${spill}`));
    }
    // Last, on the story: every <details> of the page open, the backend badge's included.
    await showViewAt(page, 'story', RECORDED_EPOCHS);
    await openDetails(page.locator('details'));
    spills.push(...describeSpills(await findSpills(page)).map((spill) => `page: ${spill}`));
    expect(spills, `spills at ${size.width}×${size.height}`).toEqual([]);
  });
}

// The check itself, on a page whose spills are known by construction (widths in CSS px), so a
// finder that missed spills, or exempted too much, fails here rather than passing every size.
const KNOWN_SPILLS = `
  <style>
    body { margin: 0; }
    .card { box-sizing: border-box; width: 200px; padding: 0; border: 0; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  </style>
  <div class="card"><div id="wide" style="width: 250px">wider than its card</div></div>
  <div class="card"><div style="overflow-x: auto"><div style="width: 400px">scrolls</div></div></div>
  <div class="card"><span class="sr-only" style="width: 1px">${'hidden '.repeat(60)}</span></div>
  <div class="card"><div style="clip-path: inset(50%); width: 400px">hidden too</div></div>
  <div class="card"><details><summary>folded</summary><div style="width: 400px">shut</div></details></div>
  <div class="card"><details open><summary>open</summary><div id="unfolded" style="width: 300px">shown</div></details></div>
  <div class="card" style="overflow: hidden"><div id="cut" style="width: 300px">cut off</div></div>
  <div id="page-wide" style="width: 1000px">past the page</div>
`;

test('the spill finder names what sticks out and exempts only scroll boxes and hidden text', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.setContent(KNOWN_SPILLS);
  expect(describeSpills(await findSpills(page))).toEqual([
    // 250 − 200 and 300 − 200: a card that clips its content does not excuse it.
    'div.card > div#wide: 50 px past its card',
    // An open <details> lays its content out like any other: 300 − 200.
    'div.card > details > div#unfolded: 100 px past its card',
    'div.card > div#cut: 100 px past its card',
    // 1000 − 800, against the page width outside any card.
    'div#page-wide: 200 px past the page width',
  ]);
});
