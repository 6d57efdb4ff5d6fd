import type { Briefing, DocumentSummary } from '../model.js';
import type { CompiledTheme } from '../analyze/score-themes.js';
import { digestOf } from './digest.js';
import { composeFromDigests, type ComposeOptions } from './compose-digests.js';

export { composeFromDigests, type ComposeOptions } from './compose-digests.js';

/**
 * Composes one theme's briefing from the analyzed documents that cover the theme: a bottom
 * line, key developments in date order, actors, figures, quotes and sources, every item citing
 * its document and paragraph. A theme with no material says so instead of padding.
 */
export function composeBriefing(
  documents: DocumentSummary[],
  compiled: CompiledTheme,
  options: ComposeOptions,
): Briefing {
  return composeFromDigests(
    documents.map((doc) => digestOf(doc, [compiled])),
    compiled.theme,
    options,
  );
}
