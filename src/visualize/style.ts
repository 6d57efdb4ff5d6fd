/**
 * The look shared by every chart: a fixed width that fits the A4 text column,
 * the page's font stack, and a restrained palette of greys and one accent.
 */
import type { Config } from 'vega-lite';

/** Total width of every chart in CSS pixels (96 dpi): fits the A4 text column. */
export const CHART_WIDTH = 660;

/** The page's sans-serif stack, CJK fallbacks included, as one CSS font-family value. */
export const SANS = '"Source Sans 3", "Noto Sans SC", "Noto Sans JP", "Noto Sans KR", sans-serif';

/** Palette: ink greys for text and rules, one dark red for the data. */
export const COLORS = {
  ink: '#1b1b1b',
  soft: '#4a4a4a',
  faint: '#6b6b6b',
  rule: '#d8d3c8',
  hairline: '#ece8df',
  accent: '#8a1c1c',
} as const;

/** Font sizes in pixels. */
export const SIZES = { title: 15, subtitle: 12, label: 12, small: 11 } as const;

/** Vega-Lite config applied to every chart: fonts, colours, no frame, no per-mark ARIA noise. */
export const CONFIG: Config = {
  font: SANS,
  background: null as unknown as string,
  view: { stroke: null },
  // The root SVG carries the accessible name; per-mark ARIA would make a screen reader
  // walk every tick and dot.
  aria: false,
  axis: {
    aria: false,
    labelFont: SANS,
    labelFontSize: SIZES.small,
    labelColor: COLORS.faint,
    titleFont: SANS,
    domain: false,
    tickColor: COLORS.rule,
    gridColor: COLORS.hairline,
  },
  text: { font: SANS, color: COLORS.ink, fontSize: SIZES.label },
  mark: { aria: false },
};
