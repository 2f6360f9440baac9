// Every panel of the page as one table: which view (future tab) it belongs to, how it is framed,
// its help, the tour's name for it and the `hide=` key that takes it off a shared link. The grid
// and the side column render the cards from this list (PanelList.svelte), so a new panel is one
// row here plus the props its page gives it, never another copy of the card markup.
//
// `load()` is a dynamic import: the page fetches a panel's code when it first shows the panel.

import type { Component } from 'svelte';
import { HIDEABLE_PARTS, PAGE_VIEW_IDS, type HideablePart, type PageView } from '../settings';
import { TOUR_STEPS, type TourStep } from '../state/page';
import { CHART_HELP, type ChartKey } from '../components/workshop/chartHelp';

/** The views (tabs) the panels fall into, in the order the story tells them (settings/views.ts). */
export const PANEL_VIEWS = PAGE_VIEW_IDS;
export type PanelView = PageView;

/**
 * How the panel sits on the page: `chart`, a chart card with Help and PNG buttons (its title,
 * help and file name from CHART_HELP); `card` or `wide` (a whole grid row), a plain card; `bare`,
 * no frame (a dialog, or a panel that brings its own).
 */
export type PanelFrame = 'chart' | 'card' | 'wide' | 'bare';

// Svelte's Component type is contravariant in its props: `any` lets one list hold them all.
type LoadPanel = () => Promise<{ default: Component<any> }>;

export interface Panel {
  id: string;
  title: string;
  view: PanelView;
  load: LoadPanel;
  /** What the panel shows and what to look for, in a sentence or two. */
  help: string;
  frame: PanelFrame;
  /** Chart frames: the PNG's file name, without ".png". */
  fileName?: string;
  /** Chart frames: data-testid on the card. */
  testid?: string;
  /** data-tour on the card, where the guided tour (state/page/tour.ts) points at the panel. */
  tour?: string;
  /** The `hide=` part that takes the panel off the page; null: always shown. */
  hide: HideablePart | null;
}

/** A panel as written in the table below; `tour` is added from the tour's own steps. */
type PanelSpec = Omit<Panel, 'tour'>;

/** A chart card: its title, help and PNG name are the card's own words (CHART_HELP), said once. */
function chart<Id extends ChartKey>(
  id: Id,
  view: PanelView,
  load: LoadPanel,
  /** Default: the hide= part named like the chart. */
  hide: HideablePart | null = HIDEABLE_PARTS.find((part) => part === id) ?? null,
): PanelSpec & { id: Id } {
  const { title, help, fileName } = CHART_HELP[id];
  const testid = `card-${id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return { id, title, view, load, help, frame: 'chart', fileName, testid, hide };
}

const PANEL_SPECS = [
  chart('loss', 'story', () => import('../charts/LossAccuracyChart.svelte')),
  chart('histogram', 'story', () => import('../charts/LogitHistogramChart.svelte')),
  chart('split', 'why', () => import('../charts/LossSplitChart.svelte')),
  chart('reliability', 'why', () => import('../charts/ReliabilityChart.svelte')),
  chart('calibration', 'why', () => import('../charts/CalibrationErrorChart.svelte')),
  // The three scores tell the loss split's story in scores: a link hides the two together.
  chart('scoring', 'why', () => import('../charts/ScoringChart.svelte'), 'split'),
  {
    id: 'classes',
    title: 'Classes',
    view: 'classes',
    load: () => import('./ClassesCard.svelte'),
    help: 'Which classes carry the loss at the chosen epoch: per-class figures, the costliest confusions and the confusion matrix.',
    frame: 'wide',
    hide: null,
  },
  {
    id: 'temperature',
    title: 'Temperature scaling',
    view: 'fix',
    load: () => import('./TemperatureCard.svelte'),
    help: 'One number T divides every logit: the loss on held-out images falls, no prediction changes.',
    frame: 'card',
    hide: 'temperature',
  },
  {
    id: 'gallery',
    title: 'Confidently wrong examples',
    view: 'examples',
    help: 'The images the network gets wrong most surely, and the pinned ones followed epoch by epoch.',
    load: () => import('./ExamplesCard.svelte'),
    frame: 'wide',
    hide: 'gallery',
  },
  {
    id: 'worked',
    title: 'A worked example',
    help: 'One validation image: its two logits, the probabilities softmax makes of them and its loss.',
    view: 'worked',
    load: () => import('../components/explain/WorkedExample.svelte'),
    frame: 'card',
    hide: 'worked',
  },
  // Shown with the worked example: both take one answer apart.
  chart(
    'scoringRules',
    'worked',
    () => import('../components/explain/ScoringRulesPanel.svelte'),
    'worked',
  ),
  {
    id: 'drilldown',
    title: 'The images in a bin',
    view: 'examples',
    frame: 'bare', // a modal dialog, open while a bar or bin is chosen
    help: 'The images behind a histogram bar or a reliability bin, highest loss first.',
    load: () => import('../components/explain/DrillDown.svelte'),
    hide: null,
  },
  {
    id: 'preview',
    title: 'Sample images',
    view: 'data',
    help: 'A few training images of each of the two chosen classes.',
    frame: 'bare',
    load: () => import('../components/DatasetPreview.svelte'),
    hide: 'preview',
  },
  {
    id: 'ownImages',
    title: 'Your images',
    view: 'data',
    load: () => import('../components/images/OwnImagesPanel.svelte'),
    frame: 'bare',
    hide: 'preview', // the pair to train on: shown and hidden with the sample images
    help: 'Train on two folders of your own images, decoded and kept in this browser only.',
  },
  {
    id: 'importLogits',
    title: 'Import logits',
    view: 'data',
    load: () => import('../components/runs/ImportLogits.svelte'),
    help: 'Your own model’s validation logits per epoch, measured like a run trained here.',
    frame: 'card',
    hide: null,
  },
  {
    id: 'runs',
    title: 'Saved and compared runs',
    load: () => import('./RunsCard.svelte'),
    view: 'runs',
    help: 'Runs kept in this browser: resume, open or download one, or compare it with this run.',
    frame: 'card',
    hide: null,
  },
  {
    id: 'ranking',
    title: 'Runs ranked',
    view: 'fix',
    help: 'The saved runs ranked by validation loss and calibration: which remedy helped most.',
    frame: 'card',
    hide: null,
    load: () => import('../components/runs/RunsRanking.svelte'),
  },
  {
    id: 'sweep',
    title: 'Sweep: which fix works',
    view: 'sweep',
    help: 'Trains arms × seeds and shows what each setting did to NLL, ECE, Brier and accuracy, before and after temperature scaling, with the spread over seeds and which differences are beyond seed noise.',
    frame: 'wide',
    hide: null,
    load: () => import('../components/sweep/SweepPanel.svelte'),
  },
] as const satisfies readonly PanelSpec[];

/** The tour's name for a panel (data-tour), where one of its steps points at the panel. */
export function tourName(id: string, steps: readonly TourStep[] = TOUR_STEPS): string | undefined {
  const selector = `[data-tour="${id}"]`;
  return steps.some((step) => step.targets.includes(selector)) ? id : undefined;
}

/** Every panel, in page order. */
export const PANELS: readonly Panel[] = PANEL_SPECS.map((spec) => ({
  ...spec,
  tour: tourName(spec.id),
}));

export type PanelId = (typeof PANEL_SPECS)[number]['id'];

/** The panels with these ids, in the table's order. */
export function panelsWithIds(ids: readonly PanelId[]): Panel[] {
  return PANELS.filter((panel) => (ids as readonly string[]).includes(panel.id));
}
