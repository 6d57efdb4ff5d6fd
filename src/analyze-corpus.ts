import type { ResolvedConfig } from './config/resolve-config.js';
import type { CorpusModel, DocumentSummary, Message } from './model.js';
import { ingestText } from './ingest/ingest.js';
import { readCorpus } from './ingest/read-corpus.js';
import { analyzeDocument } from './analyze/analyze.js';
import { compileThemes, type CompiledTheme } from './analyze/score-themes.js';
import { ANALYZER_VERSION } from './analyze/version.js';
import type { CacheStore } from './cache/store.js';
import { hashOf, stableJson } from './cache/hash.js';
import { composeBriefing } from './compose/compose.js';
import { strictestMarking } from './compose/marking.js';

/** How to analyze: with a persisted cache of document analyses, or afresh. */
export interface AnalyzeOptions {
  /** Reuse and store analyses here; without it every document is analyzed. */
  cache?: CacheStore;
  /** Ignore what the cache holds (it is still refreshed). */
  force?: boolean;
  /** Filled in with what was analyzed afresh and what was reused, by path. */
  stats?: { analyzed: string[]; reused: string[] };
}

/** What the cache keeps for one document: its summary, or why it could not be used. */
interface CachedAnalysis {
  summary: DocumentSummary | null;
  messages: Message[];
}

/**
 * Reads, analyzes and composes the whole corpus into the model (no output written).
 * A document's analysis depends only on its path, its text, the analyzer's version and the
 * themes, and is reused from the cache when those are unchanged. A file that cannot be read
 * or a document that fails analysis becomes an error message naming it; the rest go on.
 * A document with the same text as one earlier in path order is not analyzed again: it gets
 * a `duplicate` warning naming the other file, and only the first is in the model and cited.
 */
export async function analyzeCorpus(
  config: ResolvedConfig,
  options: AnalyzeOptions = {},
): Promise<CorpusModel> {
  const themes = compileThemes(config.themes);
  const themesKey = stableJson(config.themes);
  const documents: DocumentSummary[] = [];
  const messages: Message[] = [];
  const ids = new Set<string>();
  for await (const { path: relative, text, messages: found } of readCorpus(config.corpus)) {
    messages.push(...found);
    if (text === null) continue;
    const key = hashOf(ANALYZER_VERSION, relative, text, themesKey);
    const cached = options.force
      ? undefined
      : await options.cache?.getJson<CachedAnalysis>('analysis', key);
    const result = cached ?? analyzeText(relative, text, themes);
    (cached ? options.stats?.reused : options.stats?.analyzed)?.push(relative);
    if (!cached) await options.cache?.setJson('analysis', key, result);
    messages.push(...result.messages);
    if (result.summary) documents.push(withUniqueId(result.summary, ids));
  }
  const briefings = themes.map((theme) =>
    composeBriefing(documents, theme, { editionDate: config.editionDate }),
  );
  const cited = documents.filter((doc) => briefings.some((b) => b.documents.includes(doc.id)));
  return {
    schema: 1,
    edition: { date: config.editionDate },
    marking: strictestMarking(cited),
    documents,
    briefings,
    messages,
  };
}

function analyzeText(relative: string, text: string, themes: CompiledTheme[]): CachedAnalysis {
  const { document, messages } = ingestText(relative, text);
  if (!document) return { summary: null, messages };
  try {
    return { summary: analyzeDocument(document, themes), messages };
  } catch (error) {
    return { summary: null, messages: [...messages, failure(relative, error)] };
  }
}

/** Ids come from paths; two paths that make the same id are told apart by a hash of the path. */
function withUniqueId(summary: DocumentSummary, taken: Set<string>): DocumentSummary {
  const id = taken.has(summary.id)
    ? `${summary.id}-${hashOf(summary.path).slice(0, 8)}`
    : summary.id;
  taken.add(id);
  return id === summary.id ? summary : { ...summary, id };
}

function failure(file: string, error: unknown): Message {
  const reason = error instanceof Error ? error.message : String(error);
  return { severity: 'error', file, code: 'analyze-failed', reason: `analysis failed: ${reason}` };
}
