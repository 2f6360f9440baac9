// Performance figures say when, on what and under what load they were measured, and only
// docs/performance.md carries them: a speed in the README would go stale unseen.
import { describe, expect, it } from 'vitest';
import { readDoc } from './markdown';

/** A measured speed or time: "129 images/s", "2.0 GFLOP/s", "3.7 ms". */
const FIGURE = /\d[\d.,]* ?(?:images\/s|GFLOP\/s|ms)\b/;

/** The page's `## ` sections, each with its heading. */
function sections(text: string): { heading: string; body: string }[] {
  return text
    .split(/^## /m)
    .slice(1)
    .map((part) => ({ heading: part.slice(0, part.indexOf('\n')), body: part }));
}

/** Whether a section holds a table with a measured figure in it. */
function hasFigureTable(body: string): boolean {
  return body.split('\n').some((line) => line.startsWith('|') && FIGURE.test(line));
}

describe('performance figures', () => {
  it('the README quotes none (they live in docs/performance.md)', () => {
    expect(readDoc('README.md')).not.toMatch(FIGURE);
  });

  const measured = sections(readDoc('docs/performance.md')).filter(({ body }) =>
    hasFigureTable(body),
  );

  it('docs/performance.md has sections of figures to check', () => {
    expect(measured.length).toBeGreaterThan(1);
  });

  it.each(measured.map(({ heading, body }) => [heading, body]))(
    '"%s" names the date, the machine and its load',
    (_heading, body) => {
      expect(body).toMatch(/\b20\d\d-\d\d-\d\d\b/);
      expect(body).toMatch(/\d+(?:-| logical )cores?\b/);
      expect(body).toMatch(/\bload\b/);
    },
  );
});
