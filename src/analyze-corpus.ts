import type { ResolvedConfig } from './config/resolve-config.js';
import type { CorpusModel, DocumentSummary, Message } from './model.js';
import { ingestCorpus } from './ingest/ingest.js';
import { analyzeDocument } from './analyze/analyze.js';
import { compileThemes } from './analyze/score-themes.js';
import { composeBriefing } from './compose/compose.js';
import { strictestMarking } from './compose/marking.js';

/**
 * Reads, analyzes and composes the whole corpus into the model (no output written).
 * A document that fails analysis becomes an error message naming it; the rest go on.
 */
export async function analyzeCorpus(config: ResolvedConfig): Promise<CorpusModel> {
  const { documents: sources, messages } = await ingestCorpus(config.corpus);
  const themes = compileThemes(config.themes);
  const documents: DocumentSummary[] = [];
  for (const source of sources) {
    try {
      documents.push(analyzeDocument(source, themes));
    } catch (error) {
      messages.push(failure(source.path, error));
    }
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

function failure(file: string, error: unknown): Message {
  const reason = error instanceof Error ? error.message : String(error);
  return { severity: 'error', file, code: 'analyze-failed', reason: `analysis failed: ${reason}` };
}
