import type { Block, DocumentSummary, Paragraph, SourceDocument } from '../model.js';
import { splitSentences } from './split-sentences.js';
import { publishedDate } from './published-date.js';
import { findDates } from './find-dates.js';
import { deriveTitle } from './derive-title.js';
import { rankSentences } from './rank-sentences.js';
import { scoreThemes, type CompiledTheme } from './score-themes.js';
import { findEntities } from './find-entities.js';
import { findFigures } from './find-figures.js';
import { findQuotes } from './find-quotes.js';

/**
 * Analyzes one document into its summary model: paragraphs and sentences with offsets,
 * key sentences, entities, figures, quotes, dates and the themes it covers. Depends on
 * nothing but the document and the themes, so its cost never grows with the corpus.
 */
export function analyzeDocument(
  document: SourceDocument,
  themes: CompiledTheme[],
): DocumentSummary {
  const numbered = numberParagraphs(document.blocks);
  const paragraphs = numbered.map((n) => n.paragraph);
  const sentences = splitSentences(numbered);
  const { meta } = document;
  const title = meta.title ?? deriveTitle(sentences, document.path);
  const { published, publishedFrom } = publishedDate(meta, document.text, sentences);
  const entities = findEntities(document.text, sentences);
  return {
    id: document.id,
    path: document.path,
    format: document.format,
    title,
    titleFrom: meta.title ? 'declared' : 'derived',
    published,
    publishedFrom,
    source: meta.source ?? null,
    author: meta.author ?? null,
    classification: meta.classification ?? null,
    handling: meta.handling ?? null,
    tags: meta.tags ?? [],
    paragraphs,
    sentences,
    keySentences: rankSentences(sentences),
    entities,
    figures: findFigures(document.text, sentences),
    quotes: findQuotes(document.text, sentences, entities),
    dates: findDates(sentences, publishedFrom === 'estimated' ? null : published),
    themes: scoreThemes(sentences, themes, meta.title ?? ''),
  };
}

/** Numbers the body paragraphs; a document that numbers its own (a cable) keeps its labels. */
function numberParagraphs(blocks: Block[]): { paragraph: Paragraph; block: Block }[] {
  return blocks
    .filter((block) => block.kind === 'paragraph')
    .map((block, i) => ({
      block,
      paragraph: {
        id: i + 1,
        label: `¶${block.label ?? i + 1}`,
        ...(block.marking ? { marking: block.marking } : {}),
        start: block.start,
        end: block.end,
        text: block.text,
      },
    }));
}
