import { describe, expect, it } from 'vitest';
import { CHART_HELP } from '../components/workshop/chartHelp';
import { HIDEABLE_PARTS } from '../settings';
import { TOUR_STEPS } from '../state/page';
import { PANEL_VIEWS, PANELS, panelsWithIds, tourName } from './panels';

describe('the panel table', () => {
  it('names each panel once, in a known view, hidden by a known part', () => {
    const ids = PANELS.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of PANELS) {
      expect(PANEL_VIEWS).toContain(panel.view);
      if (panel.hide !== null) expect(HIDEABLE_PARTS).toContain(panel.hide);
    }
  });

  it('has one chart card per chart help entry, with its words and file name', () => {
    const charts = PANELS.filter((panel) => panel.frame === 'chart');
    expect(charts.map((panel) => panel.id).sort()).toEqual(Object.keys(CHART_HELP).sort());
    const { title, help, fileName } = CHART_HELP.loss;
    const loss = charts.find((panel) => panel.id === 'loss');
    expect(loss).toMatchObject({ title, help, fileName, testid: 'card-loss', hide: 'loss' });
    expect(charts.find((panel) => panel.id === 'scoringRules')?.testid).toBe('card-scoring-rules');
  });

  it('marks for the tour exactly the panels its steps point at (controls and settings are not panels)', () => {
    const targets = new Set(TOUR_STEPS.flatMap((step) => step.targets));
    const toured = PANELS.filter((panel) => panel.tour !== undefined).map((panel) => panel.id);
    expect(toured.sort()).toEqual([
      'gallery',
      'histogram',
      'loss',
      'reliability',
      'split',
      'temperature',
    ]);
    for (const id of toured) expect(targets.has(`[data-tour="${id}"]`)).toBe(true);
    expect(tourName('calibration')).toBeUndefined();
  });

  it('keeps the hide= links of today: the three scores with the split, scoring rules with the worked example', () => {
    const hideOf = (id: string) => PANELS.find((panel) => panel.id === id)?.hide;
    expect(hideOf('scoring')).toBe('split');
    expect(hideOf('scoringRules')).toBe('worked');
    expect(hideOf('runs')).toBeNull();
  });

  it('picks panels by id in the table order', () => {
    expect(panelsWithIds(['histogram', 'loss']).map((panel) => panel.id)).toEqual([
      'loss',
      'histogram',
    ]);
  });
});
