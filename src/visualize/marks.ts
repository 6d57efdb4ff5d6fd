/**
 * Small Vega-Lite building blocks shared by the charts: text placed in pixels, and the
 * timeline's two marks (dot for an exact day, bar for a month or year) so that the key
 * and the data are drawn alike.
 */
import { COLORS } from './style.js';

/** Style of the dot that marks an exact day. */
export const DOT = {
  type: 'point',
  filled: true,
  size: 42,
  color: COLORS.accent,
  opacity: 1,
} as const;

/** Style of the bar that spans a month or a year. */
export const SPAN = {
  type: 'rect',
  color: COLORS.accent,
  fillOpacity: 0.35,
  stroke: COLORS.accent,
  strokeWidth: 1,
} as const;

/** How a line of text looks. */
export interface TextStyle {
  fontSize: number;
  color?: string;
  fontWeight?: number;
}

/**
 * A layer holding one line of text at `(x, y)`, in pixels relative to the plot's
 * top-left corner (negative values reach into the padding), on the alphabetic baseline.
 */
export function textLayer(x: number, y: number, text: string, style: TextStyle) {
  return {
    data: { values: [{ text }] },
    mark: {
      type: 'text' as const,
      align: 'left' as const,
      baseline: 'alphabetic' as const,
      color: style.color ?? COLORS.ink,
      fontSize: style.fontSize,
      fontWeight: style.fontWeight ?? 400,
    },
    encoding: {
      x: { value: x },
      y: { value: y },
      text: { field: 'text', type: 'nominal' as const },
    },
  };
}
