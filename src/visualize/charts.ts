/**
 * Charts for a briefing, drawn at build time as static SVG to inline in its page:
 * a timeline of the dated developments and a bar chart of the places most involved.
 */
import type { Briefing } from '../model.js';
import type { ChartDefinition } from './chart-definition.js';
import { placesChart } from './places.js';
import { renderSvg } from './render-svg.js';
import { timelineChart } from './timeline.js';

/** SVG markup for each of a briefing's charts; `null` where a chart has too little data. */
export interface BriefingCharts {
  timeline: string | null;
  places: string | null;
}

/**
 * SVG markup for the briefing's charts; null for a chart without enough data (fewer
 * than 2 dated developments; fewer than 2 places and fewer than 2 organisations).
 * Never throws: a chart that fails to render is null. The same briefing always gives
 * byte-identical markup.
 */
export async function chartsFor(briefing: Briefing): Promise<BriefingCharts> {
  const prefix = `chart-${slug(briefing.theme)}`;
  const [timeline, places] = await Promise.all([
    draw(() => timelineChart(briefing), `${prefix}-timeline`),
    draw(() => placesChart(briefing), `${prefix}-places`),
  ]);
  return { timeline, places };
}

async function draw(
  define: () => ChartDefinition | null,
  idPrefix: string,
): Promise<string | null> {
  try {
    const chart = define();
    return chart ? await renderSvg(chart, idPrefix) : null;
  } catch {
    return null;
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'briefing'
  );
}
