// The page's tabs, read from the panel table: a view is listed when some panel the link does not
// hide belongs to it. The story is always there (its toolbar and caption are not panels).

import { PAGE_VIEWS, type HideablePart, type PageView } from '../settings';
import { PANELS, type Panel } from './panels';

export interface ShownView {
  id: PageView;
  label: string;
}

/** Whether a link's hide= list leaves this panel on the page. */
export function panelShown(panel: Panel, hide: readonly HideablePart[]): boolean {
  return panel.hide === null || !hide.includes(panel.hide);
}

/** The views a page with this hide= list shows, in tab order, each with its label. */
export function shownViews(
  hide: readonly HideablePart[],
  panels: readonly Panel[] = PANELS,
): ShownView[] {
  return (Object.keys(PAGE_VIEWS) as PageView[])
    .filter(
      (id) =>
        id === 'story' ||
        panels.some(
          (panel) => panel.view === id && panel.frame !== 'bare' && panelShown(panel, hide),
        ),
    )
    .map((id) => ({ id, label: PAGE_VIEWS[id] }));
}

/** The view that holds the panel a tour step or shortcut points at, or null if none does. */
export function viewOfPanel(id: string, panels: readonly Panel[] = PANELS): PageView | null {
  return panels.find((panel) => panel.id === id)?.view ?? null;
}
