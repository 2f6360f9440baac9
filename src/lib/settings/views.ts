// The page's views (its tabs), in the order the story tells them. They live beside the settings
// table because a link names the shown one (`view=why`); the panel table (panels/panels.ts) puts
// each panel in one of them, and the tabs, the tour and the shortcuts read that table.

export const PAGE_VIEWS = {
  story: 'Story',
  why: 'Why',
  classes: 'Classes',
  fix: 'Fix it',
  sweep: 'Sweep',
  examples: 'Examples',
  worked: 'Worked example',
  data: 'Your data',
  runs: 'Runs',
} as const;

export type PageView = keyof typeof PAGE_VIEWS;

/** Every view id, in tab order. */
export const PAGE_VIEW_IDS = Object.keys(PAGE_VIEWS) as PageView[];
