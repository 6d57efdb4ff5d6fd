/** What a chart builder hands to the renderer. */
import type { TopLevelSpec } from 'vega-lite';

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
