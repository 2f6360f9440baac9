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

/** Where a tour step's target lives: a panel's view, the toolbar, or the settings drawer. */
export type TourPlace = { kind: 'view'; view: PageView } | { kind: 'toolbar' } | { kind: 'drawer' };

/** The place of `[data-tour="name"]` on a page with this hide= list; null when not on it. */
export function tourPlace(
  selector: string,
  hide: readonly HideablePart[],
  panels: readonly Panel[] = PANELS,
): TourPlace | null {
  const name = /^\[data-tour="([^"]+)"\]$/.exec(selector)?.[1];
  if (name === 'controls') return hide.includes('controls') ? null : { kind: 'toolbar' };
  if (name === 'settings') return hide.includes('settings') ? null : { kind: 'drawer' };
  const panel = panels.find((candidate) => candidate.id === name);
  return panel && panelShown(panel, hide) ? { kind: 'view', view: panel.view } : null;
}
