import type { DocumentEntry, Marking } from '../model.js';

const LEVELS: [RegExp, number][] = [
  [/\bTOP\s*SECRET\b/i, 50],
  [/\bSECRET\b/i, 40],
  [/\bCONFIDENTIAL\b/i, 30],
  [
    /\b(?:NOFORN|ORCON|LIMDIS|EXDIS|FOR OFFICIAL USE ONLY|FOUO|SENSITIVE|SBU|RESTRICTED|CUI|OFFICIAL)\b/i,
    20,
  ],
  [/\bUNCLAS(?:SIFIED)?\b/i, 10],
];

/** How restrictive a document's marking is: 0 for none, higher for more restrictive. */
export function restrictiveness(doc: Pick<DocumentEntry, 'classification' | 'handling'>): number {
  const text = `${doc.classification ?? ''} ${doc.handling ?? ''}`;
  const level = LEVELS.find(([pattern]) => pattern.test(text))?.[1] ?? 0;
  // A dissemination restriction makes even an unclassified source more restrictive.
  return level + (doc.handling ? 5 : 0);
}

/** The most restrictive marking among the documents a briefing cites, or `null` when none has one. */
export function strictestMarking(
  documents: Pick<DocumentEntry, 'classification' | 'handling'>[],
): Marking | null {
  let best: Pick<DocumentEntry, 'classification' | 'handling'> | null = null;
  for (const doc of documents) {
    if (!doc.classification && !doc.handling) continue;
    if (!best || restrictiveness(doc) > restrictiveness(best)) best = doc;
  }
  if (!best) return null;
  return {
    banner: best.classification ?? bannerFromHandling(best.handling!),
    handling: best.handling,
  };
}

function bannerFromHandling(handling: string): string {
  return /SENSITIVE BUT UNCLASSIFIED/i.test(handling)
    ? 'SENSITIVE BUT UNCLASSIFIED'
    : handling.toUpperCase();
}
