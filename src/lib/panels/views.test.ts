import { describe, expect, it } from 'vitest';
import { PAGE_VIEWS } from '../settings';
import { TOUR_STEPS } from '../state/page';
import { PANELS } from './panels';
import { shownViews, tourPlace, viewOfPanel } from './views';

describe('the views come from the panel table', () => {
  it('lists every view that has a panel, in tab order, with its label, the story first', () => {
    const withPanels = new Set(PANELS.filter((panel) => panel.frame !== 'bare').map((p) => p.view));
    const ids = shownViews([]).map((view) => view.id);
    expect(ids[0]).toBe('story');
    expect(ids).toEqual(
      Object.keys(PAGE_VIEWS).filter((id) => id === 'story' || withPanels.has(id as never)),
    );
    expect(shownViews([]).find((view) => view.id === 'fix')?.label).toBe('Fix it');
  });

  it('drops a view whose every panel the link hides, and keeps the story', () => {
    const whyPanels = PANELS.filter((panel) => panel.view === 'why');
    const hide = [...new Set(whyPanels.map((panel) => panel.hide).filter((part) => part !== null))];
    // Every Why panel can be hidden by some part (scoring rides on the split's).
    expect(whyPanels.every((panel) => panel.hide !== null)).toBe(true);
    expect(shownViews(hide).map((view) => view.id)).not.toContain('why');
    expect(shownViews(['loss', 'histogram']).map((view) => view.id)).toContain('story');
  });

  it('finds each panel in its view', () => {
    expect(viewOfPanel('reliability')).toBe('why');
    expect(viewOfPanel('temperature')).toBe('fix');
    expect(viewOfPanel('nothing')).toBeNull();
  });
});

describe('the tour walks the views', () => {
  it('places every step: the toolbar, a panel view or the settings drawer', () => {
    const places = TOUR_STEPS.map((step) => tourPlace(step.targets[0], []));
    expect(places.every((place) => place !== null)).toBe(true);
    expect(places[0]).toEqual({ kind: 'toolbar' });
    expect(places.at(-1)).toEqual({ kind: 'drawer' });
    const views = places.flatMap((place) => (place?.kind === 'view' ? [place.view] : []));
    // Story first, then deeper: the tour visits at least the story, Why and Fix it.
    expect(views[0]).toBe('story');
    expect(new Set(views)).toEqual(new Set(['story', 'why', 'fix']));
  });

  it('leaves out what the link hides', () => {
    expect(tourPlace('[data-tour="temperature"]', ['temperature'])).toBeNull();
    expect(tourPlace('[data-tour="settings"]', ['settings'])).toBeNull();
    expect(tourPlace('[data-tour="controls"]', ['controls'])).toBeNull();
    expect(tourPlace('.not-a-tour-target', [])).toBeNull();
  });
});
