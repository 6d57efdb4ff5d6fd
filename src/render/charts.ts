/**
 * The one place raw markup enters a page: the charts the visualize stage draws. They are
 * checked here so that a mistake there cannot smuggle a script or an external fetch in.
 */
import type { Charts } from './view.js';

const FORBIDDEN = [
  /<script/i,
  /<foreignObject/i,
  /<\/style/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /\bhref\s*=\s*["']?(?!#)/i,
  /url\(\s*["']?(?!#)/i,
  /@import/i,
];

/**
 * Returns `svg` if it is one inline `<svg>` element that runs nothing and loads nothing
 * (no script, event handler, `foreignObject`, or link/`url()` other than to `#fragment`);
 * throws otherwise. `null` passes through.
 */
export function checkChart(svg: string | null, what: string): string | null {
  if (svg === null) return null;
  const trimmed = svg.trim();
  if (!/^<svg[\s>]/i.test(trimmed) || !/<\/svg>$/i.test(trimmed)) {
    throw new Error(`${what} chart is not a single <svg> element`);
  }
  // Look at markup only: text and accessible labels are escaped words, not instructions.
  const markup = trimmed.replace(/>[^<]*</g, '><').replace(/\saria-[a-z]+="[^"]*"/gi, '');
  const bad = FORBIDDEN.find((pattern) => pattern.test(markup));
  if (bad) throw new Error(`${what} chart contains forbidden markup (${bad.source})`);
  return trimmed;
}

/** Both charts of a briefing, checked; missing charts become `null`. */
export function checkCharts(charts: Charts | undefined): Charts {
  return {
    timeline: checkChart(charts?.timeline ?? null, 'timeline'),
    places: checkChart(charts?.places ?? null, 'places'),
  };
}
