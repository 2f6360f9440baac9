// A chart canvas as a stand-alone picture: the card's background under it (a transparent PNG of
// light text is unreadable on a white slide) and the chart's title above it.

export interface ChartImageStyle {
  title: string;
  /** Resolved CSS colours of the card, e.g. getComputedStyle(card).backgroundColor. */
  background: string;
  color: string;
  fontFamily: string;
}

/** Padding and title size in CSS pixels; scaled by the canvas's device-pixel ratio. */
const PADDING_PX = 16;
const TITLE_FONT_PX = 18;
const TITLE_GAP_PX = 10;

export interface ChartImageLayout {
  width: number;
  height: number;
  padding: number;
  titleFontPx: number;
  /** Top of the chart drawing inside the picture. */
  chartTop: number;
}

/** Sizes in the canvas's own pixels; `scale` = canvas pixels per CSS pixel (≥ 1 on HiDPI). */
export function chartImageLayout(
  canvasWidth: number,
  canvasHeight: number,
  scale: number,
  hasTitle: boolean,
): ChartImageLayout {
  const ratio = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const padding = Math.round(PADDING_PX * ratio);
  const titleFontPx = Math.round(TITLE_FONT_PX * ratio);
  const chartTop = padding + (hasTitle ? titleFontPx + Math.round(TITLE_GAP_PX * ratio) : 0);
  return {
    width: canvasWidth + 2 * padding,
    height: chartTop + canvasHeight + padding,
    padding,
    titleFontPx,
    chartTop,
  };
}

/** A new canvas holding `source` on a filled background, with the title above it. */
export function composeChartImage(
  source: HTMLCanvasElement,
  style: ChartImageStyle,
): HTMLCanvasElement {
  const scale = source.clientWidth > 0 ? source.width / source.clientWidth : 1;
  const title = style.title.trim();
  const layout = chartImageLayout(source.width, source.height, scale, title !== '');
  const picture = document.createElement('canvas');
  picture.width = layout.width;
  picture.height = layout.height;
  const context = picture.getContext('2d');
  if (context === null) return source;
  context.fillStyle = style.background;
  context.fillRect(0, 0, layout.width, layout.height);
  if (title !== '') {
    context.fillStyle = style.color;
    context.font = `600 ${layout.titleFontPx}px ${style.fontFamily}`;
    context.textBaseline = 'top';
    context.fillText(title, layout.padding, layout.padding, layout.width - 2 * layout.padding);
  }
  context.drawImage(source, layout.padding, layout.chartTop);
  return picture;
}

/** "Loss vs accuracy" → "loss-vs-accuracy.png"; keeps a name that already ends in .png. */
export function pngFileName(name: string): string {
  const base = name.trim().replace(/\.png$/i, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug === '' ? 'chart' : slug}.png`;
}

/** The card's colours, so the picture matches what is on screen (light, dark or projector). */
export function chartImageStyle(card: Element, title: string): ChartImageStyle {
  const style = getComputedStyle(card);
  const transparent = style.backgroundColor === 'rgba(0, 0, 0, 0)' || style.backgroundColor === '';
  return {
    title,
    background: transparent
      ? getComputedStyle(document.body).backgroundColor
      : style.backgroundColor,
    color: style.color,
    fontFamily: style.fontFamily,
  };
}
