import type { EditionModel } from '../model.js';
import type { CacheStore } from '../cache/store.js';
import { hashOf, stableJson } from '../cache/hash.js';
import type { BriefingCharts } from '../visualize/charts.js';

/** Part of every chart cache key: bump when the charts' drawing changes. */
const CHARTS_VERSION = 'charts-1';

/** Every briefing's charts, drawn afresh only for briefings whose content changed. */
export async function chartsOf(
  model: EditionModel,
  cache: CacheStore,
  force: boolean,
): Promise<Record<string, BriefingCharts>> {
  const entries = await Promise.all(
    model.briefings.map(async (briefing) => {
      const key = hashOf(CHARTS_VERSION, stableJson(briefing));
      const cached = force ? undefined : await cache.getJson<BriefingCharts>('charts', key);
      // Vega is loaded only when a chart must really be drawn.
      const charts: BriefingCharts =
        cached ?? (await import('../visualize/charts.js').then((m) => m.chartsFor(briefing)));
      if (!cached) await cache.setJson('charts', key, charts);
      return [briefing.theme, charts] as const;
    }),
  );
  return Object.fromEntries(entries);
}
