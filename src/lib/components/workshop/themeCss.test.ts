// styles/theme.css repeats the dark colours: once for the OS preference (@media) and once for
// the theme control's data-theme='dark'. Plain CSS cannot share one block between the two, so this test
// keeps them equal (and every dark colour backed by a light one).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../styles/theme.css', import.meta.url), 'utf8');

/** Custom properties declared in the first block opened by `selector {` at or after `from`. */
function variables(selector: string, from = 0): Map<string, string> {
  const start = css.indexOf(`${selector} {`, from);
  expect(start, `block ${selector}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  const declarations = new Map<string, string>();
  for (const match of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    declarations.set(match[1], match[2].trim());
  }
  return declarations;
}

describe('styles/theme.css themes', () => {
  const systemDark = variables(":root:not([data-theme='light'])");
  const pinnedDark = variables(":root[data-theme='dark']");
  const light = variables(':root');

  it('pins the same dark colours as the OS dark preference', () => {
    expect(systemDark.size).toBeGreaterThan(10);
    expect(Object.fromEntries(pinnedDark)).toEqual(Object.fromEntries(systemDark));
  });

  it('has a light value for every dark colour', () => {
    for (const name of systemDark.keys()) expect(light.has(name), name).toBe(true);
  });

  it('declares the chart size variables, larger in projector mode', () => {
    const projector = variables(':root[data-projector]');
    const sizes = variables(':root', css.indexOf('/* Chart sizes'));
    expect(Number(projector.get('--chart-line-width'))).toBeGreaterThan(
      Number(sizes.get('--chart-line-width')),
    );
    expect(Number(projector.get('--chart-font-size'))).toBeGreaterThan(
      Number(sizes.get('--chart-font-size')),
    );
  });
});
