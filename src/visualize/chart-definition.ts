/** What a chart builder hands to the renderer. */
import type { TopLevelSpec } from 'vega-lite';
import { textLayer } from './marks.js';
import { CHART_WIDTH, COLORS, CONFIG, SIZES } from './style.js';

/** A chart ready to render: its Vega-Lite spec, its exact size, and what it says in words. */
export interface ChartDefinition {
  /** Short name used in the SVG's class and ids, e.g. `timeline`. */
  kind: string;
  spec: TopLevelSpec;
  /** Outer size of the SVG in CSS pixels. */
  width: number;
  height: number;
  /** One-sentence accessible name, e.g. "Timeline of 6 dated developments from …". */
  label: string;
  /** Longer text alternative: the data the chart shows, in words. */
  description: string;
}

/** The frame every chart shares: plot area, margins, headline and standfirst. */
export interface ChartFrame {
  kind: string;
  label: string;
  description: string;
  title: string;
  subtitle: string;
  /** Left edge and size of the plot area inside the chart. */
  plot: { left: number; width: number; height: number };
  margin: { top: number; right: number; bottom: number };
  /** The chart's own layers, drawn after the headline and standfirst. */
  layers: unknown[];
}

/** A chart of the full column width: the Vega-Lite frame, headline and standfirst around `layers`. */
export function framedChart(frame: ChartFrame): ChartDefinition {
  const { plot, margin } = frame;
  const heading = (baseline: number, text: string, style: Parameters<typeof textLayer>[3]) =>
    textLayer(-plot.left, baseline - margin.top, text, style);
  return {
    kind: frame.kind,
    width: CHART_WIDTH,
    height: margin.top + plot.height + margin.bottom,
    label: frame.label,
    description: frame.description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      description: frame.label,
      width: plot.width,
      height: plot.height,
      autosize: { type: 'none' },
      padding: { left: plot.left, top: margin.top, right: margin.right, bottom: margin.bottom },
      config: CONFIG,
      layer: [
        heading(16, frame.title, { fontSize: SIZES.title, fontWeight: 700 }),
        heading(35, frame.subtitle, { fontSize: SIZES.subtitle, color: COLORS.soft }),
        ...frame.layers,
      ],
    } as TopLevelSpec,
  };
}
