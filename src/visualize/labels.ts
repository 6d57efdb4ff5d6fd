/**
 * Short labels for chart rows, derived from a briefing item's sentence.
 */
import { widthEm, wrapText } from './text-width.js';

// Reporting lead-ins that say who said it, not what happened: "She explained that …",
// "Ms. Luo confirmed that …", "In addition to Wang, Luo noted, …", "According to X, …".
const LEAD_INS: RegExp[] = [
  /^(?:in addition(?: to [^,]{1,40})?|meanwhile|however|also|separately|moreover|furthermore),\s+/iu,
  /^according to [^,]{1,60},\s+/iu,
  /^(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}(?:explained|noted|said|added|reported|confirmed|stated|argued|claimed|observed|told us)(?:\s+that\b|,)\s*/u,
  /^it (?:is|was|should be|should come as) (?:no )?(?:surprise|clear|notable|worth noting)(?: then)? that\s+/iu,
];

/** The sentence without reporting lead-ins, first letter capitalised. */
export function stripLeadIns(text: string): string {
  const whole = text.trim().replace(/\s+/gu, ' ');
  let out = whole;
  for (let pass = 0; pass < 3; pass += 1) {
    const before = out;
    for (const re of LEAD_INS) out = out.replace(re, '');
    if (out === before) break;
  }
  // Keep the original if stripping left too little to say anything.
  if (out.length < 12) out = whole;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/**
 * A row label in at most `maxLines` lines of `maxEm` ems: optional `(MARKING)` prefix,
 * the item's gist (cut with an ellipsis if need be), then its `[n]` citations.
 */
export function itemLabel(
  item: { text: string; marking?: string; citations: number[] },
  maxEm: number,
  maxLines: number,
): string[] {
  const prefix = item.marking ? `(${item.marking}) ` : '';
  const cites = item.citations.length > 0 ? ` [${item.citations.join(', ')}]` : '';
  const gist = stripLeadIns(item.text)
    .replace(/\s--\s/gu, ' – ')
    .replace(/[.;:]$/u, '');
  // Reserve room for the citation on the last line so it is never the part cut off.
  const lines = wrapText(`${prefix}${gist}`, maxEm, maxLines);
  const last = lines.length - 1;
  if (widthEm(lines[last]! + cites) > maxEm) {
    const tail = wrapText(lines[last]!, maxEm - widthEm(cites), 1)[0] ?? '';
    lines[last] = tail;
  }
  lines[last] += cites;
  return lines;
}
