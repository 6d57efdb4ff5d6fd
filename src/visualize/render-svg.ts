/**
 * Renders a chart definition to static SVG at build time: Vega-Lite compiles it to
 * Vega, a headless Vega view draws it, and the markup is finished for inlining.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartDefinition } from './chart-definition.js';
import { finishSvg } from './finish-svg.js';

// A build prints its own messages; Vega's warnings would only be noise in them.
const quiet = {
  level: () => quiet,
  error: () => quiet,
  warn: () => quiet,
  info: () => quiet,
  debug: () => quiet,
};

/** The chart as inline SVG markup, or `null` if it cannot be rendered safely. */
export async function renderSvg(chart: ChartDefinition, idPrefix: string): Promise<string | null> {
  const compiled = compile(chart.spec, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
  try {
    const svg = await view.toSVG();
    return finishSvg(svg, chart, idPrefix);
  } finally {
    view.finalize();
  }
}
