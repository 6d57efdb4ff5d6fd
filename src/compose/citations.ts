import type { Citation, DocumentSummary } from '../model.js';

/** Numbers the passages a briefing cites, in the order the reader meets them. */
export class CitationIndex {
  private readonly byKey = new Map<string, Citation>();

  /** The citation number of a document's paragraph, assigning the next number on first use. */
  cite(doc: DocumentSummary, paragraphId: number): number {
    const key = `${doc.id}#${paragraphId}`;
    const known = this.byKey.get(key);
    if (known) return known.n;
    const paragraph = doc.paragraphs.find((p) => p.id === paragraphId);
    const citation: Citation = {
      n: this.byKey.size + 1,
      document: doc.id,
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
