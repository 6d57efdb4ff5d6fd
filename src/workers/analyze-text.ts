import type { DocumentSummary, Message } from '../model.js';
import { ingestText } from '../ingest/ingest.js';
import { analyzeDocument } from '../analyze/analyze.js';
import type { CompiledTheme } from '../analyze/score-themes.js';
import { digestOf, type DocumentDigest } from '../compose/digest.js';

/** What is wanted of each document: its full analysis, or only its digest for composing. */
export type Wanted = 'summary' | 'digest';

/** One document's analysis, or why there is none, with the problems met. */
export interface Analyzed<T> {
  value: T | null;
  messages: Message[];
}

/** What {@link analyzeText} gives for each {@link Wanted}. */
export interface Products {
  summary: DocumentSummary;
  digest: DocumentDigest;
}

/**
 * Ingests and analyzes one document's text, giving its summary or its digest. A text that
 * cannot be read as a document, or whose analysis fails, gives none and an error naming the
 * file; nothing is thrown.
 */
export function analyzeText<W extends Wanted>(
  relative: string,
  text: string,
  themes: CompiledTheme[],
  wanted: W,
): Analyzed<Products[W]> {
  let messages: Message[] = [];
  try {
    const ingested = ingestText(relative, text);
    messages = ingested.messages;
    if (!ingested.document) return { value: null, messages };
    const summary = analyzeDocument(ingested.document, themes);
    const value = wanted === 'summary' ? summary : digestOf(summary, themes);
    return { value: value as Products[W], messages };
  } catch (error) {
    return { value: null, messages: [...messages, failure(relative, error)] };
  }
}

function failure(file: string, error: unknown): Message {
  const reason = error instanceof Error ? error.message : String(error);
  return { severity: 'error', file, code: 'analyze-failed', reason: `analysis failed: ${reason}` };
}
