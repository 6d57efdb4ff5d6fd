import type { Marking } from '../model.js';

/** Long forms of handling controls and the short names lists use for them. */
const CONTROLS: [RegExp, string][] = [
  [/\bTOP\s+SECRET\b/, 'TOP SECRET'],
  [/(?<!TOP\s+)\bSECRET\b/, 'SECRET'],
  [/\bCONFIDENTIAL\b/, 'CONFIDENTIAL'],
  [/\b(?:FOR\s+OFFICIAL\s+USE\s+ONLY|FOUO)\b/, 'FOUO'],
  [/\b(?:SENSITIVE\s+BUT\s+UNCLASSIFIED|SBU)\b/, 'SBU'],
  [/\b(?:NOT\s+RELEASABLE\s+TO\s+FOREIGN\s+NATIONALS|NOFORN)\b/, 'NOFORN'],
  [/\b(?:ORIGINATOR\s+CONTROLLED|ORCON)\b/, 'ORCON'],
  [/\b(?:LIMITED\s+DISTRIBUTION|LIMDIS)\b/, 'LIMDIS'],
  [/\b(?:EXCLUSIVE\s+DISTRIBUTION|EXDIS)\b/, 'EXDIS'],
  [/\b(?:CONTROLLED\s+UNCLASSIFIED\s+INFORMATION|CUI)\b/, 'CUI'],
  [/\bRESTRICTED\b/, 'RESTRICTED'],
];

/** The control a handling statement stands for when it names none of the known ones. */
export const UNNAMED_HANDLING = 'HANDLING';

/**
 * The handling controls a marking carries, by short name (`FOUO`, `SBU`, `NOFORN`, …).
 * `UNCLASSIFIED` alone carries none. A dissemination statement that names no known control
 * still restricts: it counts as `HANDLING`.
 */
export function controlsOf(marking: Marking | null): string[] {
  if (!marking) return [];
  const found = new Set(matches(marking.banner));
  if (marking.handling) {
    const named = matches(marking.handling);
    named.forEach((control) => found.add(control));
    if (named.length === 0) found.add(UNNAMED_HANDLING);
  }
  if (found.size === 0 && !/^\s*UNCLASSIFIED\s*$/i.test(marking.banner)) {
    found.add(marking.banner.trim().toUpperCase());
  }
  return [...found].sort();
}

/** A list's allowed markings in short form: long forms are named by their short name. */
export function normalizeAllowed(allowed: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const entry of allowed) {
    const upper = entry.trim().toUpperCase();
    const named = matches(upper);
    if (upper === '*' || named.length === 0) names.add(upper);
    named.forEach((control) => names.add(control));
  }
  return names;
}

/** The controls of `controls` that `allowed` does not cover (none when the list may receive it). */
export function disallowed(controls: readonly string[], allowed: readonly string[]): string[] {
  const names = normalizeAllowed(allowed);
  if (names.has('*')) return [];
  return controls.filter((control) => !names.has(control));
}

function matches(text: string): string[] {
  const upper = text.toUpperCase();
  return CONTROLS.filter(([pattern]) => pattern.test(upper)).map(([, name]) => name);
}
