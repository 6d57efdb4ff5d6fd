import { ingestText } from '../../src/ingest/ingest.js';
import { analyzeDocument } from '../../src/analyze/analyze.js';
import type { CompiledTheme } from '../../src/analyze/score-themes.js';
import type { DocumentSummary } from '../../src/model.js';

/** Analyzes one text exactly as `briefing analyze` does a corpus file of that name. */
export function analyzeText(
  file: string,
  text: string,
  themes: CompiledTheme[],
): DocumentSummary | null {
  const { document } = ingestText(file, text);
  return document ? analyzeDocument(document, themes) : null;
}

/** Precision, recall and F1 from counts. */
export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Formats a ratio as a figure with three decimals. */
export const fmt = (x: number) => x.toFixed(3);
