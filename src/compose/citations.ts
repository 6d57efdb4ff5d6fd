import type { Citation } from '../model.js';
import type { DigestParagraph, DigestSentence, DocumentDigest } from './digest.js';

/** Numbers the passages a briefing cites, in the order the reader meets them. */
export class CitationIndex {
  private readonly byKey = new Map<string, Citation>();

  /** The citation number of a document's paragraph, assigning the next number on first use. */
  cite(doc: DocumentDigest, paragraphId: number): number {
    const key = `${doc.entry.id}#${paragraphId}`;
    const known = this.byKey.get(key);
    if (known) return known.n;
    const paragraph = paragraphOf(doc, paragraphId);
    const citation: Citation = {
      n: this.byKey.size + 1,
      document: doc.entry.id,
      paragraph: paragraphId,
      label: paragraph?.label ?? `¶${paragraphId}`,
      ...(paragraph?.marking ? { marking: paragraph.marking } : {}),
    };
    this.byKey.set(key, citation);
    return citation.n;
  }

  /** Every citation, by number. */
  all(): Citation[] {
    return [...this.byKey.values()];
  }
}

/** A paragraph of a digested document, by id. */
export function paragraphOf(doc: DocumentDigest, id: number): DigestParagraph | undefined {
  return doc.paragraphs.find((p) => p.id === id);
}

/** A sentence of a digested document, by id. */
export function sentenceOf(doc: DocumentDigest, id: number): DigestSentence | undefined {
  return doc.sentences.find((s) => s.id === id);
}
