import type { BriefingActor, DocumentSummary, Entity, Sentence } from '../model.js';
import type { CitationIndex } from './citations.js';

/** The people, organisations and places of a briefing's documents, most involved first. */
export function collectActors(
  docs: DocumentSummary[],
  evidence: Map<string, Set<number>>,
  citations: CitationIndex,
  type: Entity['type'],
  max = 8,
): BriefingActor[] {
  const byName = new Map<string, Entry>();
  for (const doc of docs) {
    const relevant = evidence.get(doc.id) ?? new Set<number>();
    let sentences: Map<number, Sentence> | undefined;
    for (const entity of doc.entities) {
      if (entity.type !== type) continue;
      const inEvidence = entity.mentions.filter((m) => relevant.has(m.sentence));
      if (inEvidence.length === 0) continue;
      // The same actor across documents, however each document names it.
      const key =
        [entity.name, ...entity.aliases].map((n) => n.toLowerCase()).find((n) => byName.has(n)) ??
        entity.name.toLowerCase();
      const entry = byName.get(key) ?? { actor: blankActor(entity), weight: 0, passages: [] };
      for (const name of [entity.name, ...entity.aliases])
        if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), entry);
      entry.actor.mentions += entity.mentions.length;
      if (!entry.actor.documents.includes(doc.id)) entry.actor.documents.push(doc.id);
      if (entity.name.length < entry.actor.name.length) entry.actor.name = entity.name;
      entry.weight += entity.mentions.length + 2 * inEvidence.length;
      const first = inEvidence[0] ?? entity.mentions[0];
      sentences ??= new Map(doc.sentences.map((s) => [s.id, s]));
      const sentence = first ? sentences.get(first.sentence) : undefined;
      if (sentence) {
        if (entry.actor.context === '') {
          entry.actor.context = clip(sentence.text);
          const marking = doc.paragraphs.find((p) => p.id === sentence.paragraph)?.marking;
          if (marking) entry.actor.marking = marking;
        }
        const cited = entry.passages.some(
          (p) => p.doc === doc && p.paragraph === sentence.paragraph,
        );
        if (entry.passages.length < 3 && !cited)
          entry.passages.push({ doc, paragraph: sentence.paragraph });
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
  passages: { doc: DocumentSummary; paragraph: number }[];
}

function blankActor(entity: Entity): BriefingActor {
  return {
    name: entity.name,
    type: entity.type,
    mentions: 0,
    documents: [],
    context: '',
    citations: [],
  };
}

/** Shortens a sentence to a note of about `max` characters, at a word boundary. */
export function clip(text: string, max = 180): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max).replace(/[,;:]$/, '')}…`;
}
