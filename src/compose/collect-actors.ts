import type { BriefingActor, Entity } from '../model.js';
import { paragraphOf, sentenceOf, type CitationIndex } from './citations.js';
import { clip } from './clip.js';
import type { DigestActor, DocumentDigest } from './digest.js';

/** The people, organisations and places of a briefing's documents, most involved first. */
export function collectActors(
  docs: DocumentDigest[],
  theme: string,
  citations: CitationIndex,
  type: Entity['type'],
  max = 8,
): BriefingActor[] {
  const byName = new Map<string, Entry>();
  for (const doc of docs) {
    for (const found of doc.themes[theme]?.actors ?? []) {
      if (found.type !== type) continue;
      const names = [found.name, ...found.aliases];
      // The same actor across documents, however each document names it.
      const key =
        names.map((n) => n.toLowerCase()).find((n) => byName.has(n)) ?? found.name.toLowerCase();
      const entry = byName.get(key) ?? {
        actor: blankActor(found),
        weight: 0,
        passages: [],
        documents: new Set<string>(),
      };
      for (const name of names)
        if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), entry);
      entry.actor.mentions += found.mentions;
      if (!entry.documents.has(doc.entry.id)) {
        entry.documents.add(doc.entry.id);
        entry.actor.documents.push(doc.entry.id);
      }
      if (found.name.length < entry.actor.name.length) entry.actor.name = found.name;
      entry.weight += found.mentions + 2 * found.inEvidence;
      const context = found.sentence === null ? undefined : sentenceOf(doc, found.sentence);
      if (context) {
        if (entry.actor.context === '') {
          entry.actor.context = clip(context.text);
          const marking = paragraphOf(doc, context.paragraph)?.marking;
          if (marking) entry.actor.marking = marking;
        }
        const cited = entry.passages.some(
          (p) => p.doc === doc && p.paragraph === context.paragraph,
        );
        if (entry.passages.length < 3 && !cited)
          entry.passages.push({ doc, paragraph: context.paragraph });
      }
      byName.set(key, entry);
    }
  }
  // Only the actors the briefing shows are cited, so that every citation is one a reader meets.
  return [...new Set(byName.values())]
    .sort((a, b) => b.weight - a.weight || a.actor.name.localeCompare(b.actor.name))
    .slice(0, max)
    .map(({ actor, passages }) => {
      for (const { doc, paragraph } of passages) {
        const n = citations.cite(doc, paragraph);
        if (!actor.citations.includes(n)) actor.citations.push(n);
      }
      return actor;
    });
}

/** An actor being collected: how much it matters, and up to three passages to cite. */
interface Entry {
  actor: BriefingActor;
  weight: number;
  passages: { doc: DocumentDigest; paragraph: number }[];
  /** The ids in `actor.documents`, to look up. */
  documents: Set<string>;
}

function blankActor(found: DigestActor): BriefingActor {
  return {
    name: found.name,
    type: found.type,
    mentions: 0,
    documents: [],
    context: '',
    citations: [],
  };
}
