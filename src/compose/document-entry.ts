import type { DocumentEntry } from '../model.js';

/** A document as the edition lists it (see `DocumentEntry`). */
export function entryOf(doc: DocumentEntry): DocumentEntry {
  return {
    id: doc.id,
    path: doc.path,
    format: doc.format,
    title: doc.title,
    titleFrom: doc.titleFrom,
    published: doc.published,
    publishedFrom: doc.publishedFrom,
    source: doc.source,
    author: doc.author,
    classification: doc.classification,
    handling: doc.handling,
    tags: doc.tags,
    themes: doc.themes,
  };
}
