// Chart colours come from CSS custom properties (app.css), so light/dark and print stay in CSS.
// Palette: Okabe–Ito (colour-blind safe); correct vs wrong also differ by hatching, not hue alone.

export interface ChartTheme {
  text: string;
  grid: string;
  validationLoss: string;
  trainingLoss: string;
  validationAccuracy: string;
  trainingAccuracy: string;
  correct: string;
  correctBorder: string;
  wrong: string;
  wrongBorder: string;
  wrongHatch: string;
  reference: string;
  /** Translucent band between the lowest-loss and highest-accuracy epochs. */
  band: string;
  /** The previous run's validation lines, drawn faint. */
  ghostLoss: string;
  ghostAccuracy: string;
  /** Reliability diagram: the gap between a bin's accuracy and its mean confidence. */
  gap: string;
  gapBorder: string;
  /** Reliability diagram: examples per confidence bin. */
  count: string;
  ece: string;
  mce: string;
  fontFamily: string;
  /** Base stroke width in CSS pixels (`--chart-line-width`); each chart scales its own by it / 2. */
  lineWidth: number;
  /** Tick, legend and axis-title size in CSS pixels (`--chart-font-size`). */
  fontSize: number;
}

type ColourKey = Exclude<keyof ChartTheme, 'lineWidth' | 'fontSize'>;

const FALLBACK: ChartTheme = {
  text: '#1f2328',
  grid: 'rgba(0, 0, 0, 0.08)',
  validationLoss: '#d55e00',
  trainingLoss: 'rgba(213, 94, 0, 0.55)',
  validationAccuracy: '#0072b2',
  trainingAccuracy: 'rgba(0, 114, 178, 0.55)',
  correct: '#0072b2',
  correctBorder: '#00507d',
  wrong: '#e69f00',
  wrongBorder: '#8a5f00',
  wrongHatch: 'rgba(0, 0, 0, 0.45)',
  reference: '#1f2328',
  band: 'rgba(230, 159, 0, 0.13)',
  ghostLoss: 'rgba(213, 94, 0, 0.45)',
  ghostAccuracy: 'rgba(0, 114, 178, 0.45)',
  gap: 'rgba(213, 94, 0, 0.3)',
  gapBorder: '#c75400',
  count: 'rgba(87, 96, 106, 0.55)',
  ece: '#a8457f',
  mce: '#007a5a',
  fontFamily: 'system-ui, sans-serif',
  lineWidth: 2,
  fontSize: 13,
};

/** The line width the charts' own border widths were chosen for: they scale by lineWidth / this. */
const BASE_LINE_WIDTH = FALLBACK.lineWidth;

const VARIABLES: Record<ColourKey, string> = {
  text: '--chart-text',
  grid: '--chart-grid',
  validationLoss: '--chart-validation-loss',
  trainingLoss: '--chart-training-loss',
  validationAccuracy: '--chart-validation-accuracy',
  trainingAccuracy: '--chart-training-accuracy',
  correct: '--chart-correct',
  correctBorder: '--chart-correct-border',
  wrong: '--chart-wrong',
  wrongBorder: '--chart-wrong-border',
  wrongHatch: '--chart-wrong-hatch',
  reference: '--chart-reference',
  band: '--chart-band',
  ghostLoss: '--chart-ghost-loss',
  ghostAccuracy: '--chart-ghost-accuracy',
  gap: '--chart-gap',
  gapBorder: '--chart-gap-border',
  count: '--chart-count',
  ece: '--chart-ece',
  mce: '--chart-mce',
  fontFamily: '--font-sans',
};

export function readChartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const theme = { ...FALLBACK };
  for (const key of Object.keys(VARIABLES) as ColourKey[]) {
    const value = style.getPropertyValue(VARIABLES[key]).trim();
    if (value !== '') theme[key] = value;
  }
  theme.lineWidth = positiveNumber(
    style.getPropertyValue('--chart-line-width'),
    FALLBACK.lineWidth,
  );
  theme.fontSize = positiveNumber(style.getPropertyValue('--chart-font-size'), FALLBACK.fontSize);
  return theme;
}

function positiveNumber(text: string, fallback: number): number {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Attributes on <html> that change the chart variables: the theme control and projector mode. */
const THEME_ATTRIBUTES = ['data-theme', 'data-projector'];

/**
 * Calls `onChange` when the OS switches light/dark, or when <html data-theme> (the theme
 * control) or data-projector changes, since either swaps the CSS variables the charts read.
 * Returns the unsubscribe function.
 */
export function watchColorScheme(onChange: () => void): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: THEME_ATTRIBUTES,
  });
  return () => {
    query.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

/** Each dataset's border width as the chart built it, before any theme scaled it. */
const baseBorderWidths = new WeakMap<object, number>();

/**
 * Scale every dataset's border width by `theme.lineWidth` / 2 (thicker lines in projector mode).
 * The width a dataset was built with is remembered on first call, so re-theming never compounds.
 */
export function scaleBorderWidths(
  datasets: readonly { borderWidth?: unknown }[],
  theme: ChartTheme,
): void {
  for (const dataset of datasets) {
    let base = baseBorderWidths.get(dataset);
    if (base === undefined) {
      if (typeof dataset.borderWidth !== 'number') continue;
      base = dataset.borderWidth;
      baseBorderWidths.set(dataset, base);
    }
    dataset.borderWidth = (base * theme.lineWidth) / BASE_LINE_WIDTH;
  }
}

/** Diagonal hatching over `fill`, so "wrong" bars read as different without colour vision. */
export function hatchPattern(fill: string, hatch: string): CanvasPattern | string {
  const TILE_PX = 8;
  const tile = document.createElement('canvas');
  tile.width = TILE_PX;
  tile.height = TILE_PX;
  const context = tile.getContext('2d');
  if (context === null) return fill;
  context.fillStyle = fill;
  context.fillRect(0, 0, TILE_PX, TILE_PX);
  context.strokeStyle = hatch;
  context.lineWidth = 1.5;
  context.beginPath();
  // One diagonal plus the two corner stubs, so tiles join into continuous stripes.
  context.moveTo(0, TILE_PX);
  context.lineTo(TILE_PX, 0);
  context.moveTo(-TILE_PX / 2, TILE_PX / 2);
  context.lineTo(TILE_PX / 2, -TILE_PX / 2);
  context.moveTo(TILE_PX / 2, TILE_PX * 1.5);
  context.lineTo(TILE_PX * 1.5, TILE_PX / 2);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? fill;
}

/**
 * Colours `chart` from the CSS variables now and again whenever the colour scheme changes.
 * Returns the function that stops watching. A full update (instant: animation is off), since
 * 'none' would keep Chart.js's shared element options, so markers and bars kept old colours.
 */
export function followTheme<C extends { update(): void }>(
  canvas: HTMLCanvasElement,
  chart: C,
  applyTheme: (chart: C, theme: ChartTheme) => void,
): () => void {
  const apply = () => {
    applyTheme(chart, readChartTheme(canvas));
    chart.update();
  };
  apply();
  return watchColorScheme(apply);
}

/**
 * Text, font, tick, grid and axis-title colours every chart here shares; `titleColours` gives
 * some axes' titles a colour of their own (by scale id). Each option object is spread once per
 * call: spreading Chart.js' options proxy twice in a row copies its internals and then fails.
 */
export function applyBaseTheme(
  options: {
    color?: unknown;
    font?: object;
    plugins?: { legend?: { labels?: object } };
    scales?: Record<string, { ticks?: object; grid?: object } | undefined>;
  },
  theme: ChartTheme,
  titleColours: Readonly<Record<string, string>> = {},
): void {
  options.color = theme.text;
  options.font = { ...options.font, family: theme.fontFamily, size: theme.fontSize };
  // The legend's words in the theme's colour and size too: Chart.js passes neither options.color
  // nor options.font down to a legend (dark mode's histogram legend was left dark on dark).
  const legend = options.plugins?.legend;
  if (legend) {
    legend.labels = {
      ...legend.labels,
      color: theme.text,
      font: { family: theme.fontFamily, size: theme.fontSize },
    };
  }
  for (const [id, scale] of Object.entries(options.scales ?? {})) {
    if (scale === undefined) continue;
    // Tick labels at the theme's size, explicitly: projector mode promises labels of 20 px+.
    const ticks = scale.ticks as { font?: object } | undefined;
    scale.ticks = {
      ...ticks,
      color: theme.text,
      font: { ...ticks?.font, size: theme.fontSize },
    };
    scale.grid = { ...scale.grid, color: theme.grid };
    if ('title' in scale) {
      const title = scale.title as { font?: object };
      scale.title = {
        ...title,
        color: titleColours[id] ?? theme.text,
        font: { ...title.font, size: theme.fontSize },
      };
    }
  }
}

/** Fills each dataset with `colourOf(index)` and outlines it with `borderOf(index)`. */
export function paintDatasets(
  datasets: readonly { borderColor?: unknown; backgroundColor?: unknown }[],
  colourOf: (index: number) => string,
  borderOf: (index: number) => string = colourOf,
): void {
  datasets.forEach((dataset, index) => {
    dataset.borderColor = borderOf(index);
    dataset.backgroundColor = colourOf(index);
  });
}

/** The shared last step of every chart's theme: stroke widths and the base text/grid colours. */
export function applyStrokesAndBase(
  chart: {
    data: { datasets: readonly { borderWidth?: unknown }[] };
    options: Parameters<typeof applyBaseTheme>[0];
  },
  theme: ChartTheme,
): void {
  scaleBorderWidths(chart.data.datasets, theme);
  applyBaseTheme(chart.options, theme);
}

/** The correct bars solid, the wrong bars hatched: told apart without colour vision. */
export function paintCorrectAndWrong(
  correct: { borderColor?: unknown; backgroundColor?: unknown },
  wrong: { borderColor?: unknown; backgroundColor?: unknown },
  theme: ChartTheme,
): void {
  correct.backgroundColor = theme.correct;
  correct.borderColor = theme.correctBorder;
  wrong.backgroundColor = hatchPattern(theme.wrong, theme.wrongHatch);
  wrong.borderColor = theme.wrongBorder;
}
