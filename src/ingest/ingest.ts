import path from 'node:path';
import type { Block, DeclaredMeta, Message, SourceDocument } from '../model.js';
import { readCorpus } from './read-corpus.js';
import { readFrontMatter } from './front-matter.js';
import { mask, type Range } from './mask.js';
import { parseBlocks } from './parse-blocks.js';
import { boundText, type TextProblem } from './bound-text.js';
import { maskDeepNesting } from './limit-nesting.js';
import { limitInlineMarks } from './limit-inline-marks.js';
import type { Normalized } from './formats/format.js';
import { isCable, normalizeCable } from './formats/cable.js';
import { isWebArticle, normalizeWebArticle } from './formats/web-article.js';
import { normalizePlainText } from './formats/plain-text.js';

/** The documents of a corpus, and the problems met reading them. */
export interface IngestResult {
  documents: SourceDocument[];
  messages: Message[];
}

/**
 * Reads every document of the corpus folder (see `readCorpus`). A file that cannot be used
 * yields an error message naming it, and a repeated text a warning; the others are still read.
 */
export async function ingestCorpus(corpus: string): Promise<IngestResult> {
  const documents: SourceDocument[] = [];
  const messages: Message[] = [];
  const ids = new Set<string>();
  for await (const { path: relative, text, messages: found } of readCorpus(corpus)) {
    messages.push(...found);
    if (text === null) continue;
    const result = ingestText(relative, text, ids);
    messages.push(...result.messages);
    if (result.document) documents.push(result.document);
  }
  return { documents, messages };
}

/**
 * Reads one document's text; `path` is relative to the corpus and decides the format. The text
 * is bounded first (overlong lines cut, text past the limit dropped; see `limits.ts`), and deep
 * nesting and floods of inline marks are kept from the parser; each is reported as a warning.
 * The document's `text` is the bounded text, which every offset points into.
 */
export function ingestText(
  relative: string,
  original: string,
  takenIds: Set<string> = new Set(),
): { document: SourceDocument | null; messages: Message[] } {
  const bounded = boundText(original);
  const text = bounded.text;
  const messages: Message[] = bounded.problems.map((problem) => warning(relative, problem));
  const normalized = tame(normalize(relative, text, messages), relative, messages);
  let blocks = parseBlocks(normalized.text, {
    ...(normalized.segments ? { segments: normalized.segments } : {}),
    codeAsText: normalized.format !== 'markdown',
  });
  blocks = markHeadings(blocks, normalized.headings ?? []);
  if (normalized.joinBrokenParagraphs) blocks = joinBrokenParagraphs(blocks);
  const meta = { ...normalized.meta };
  if (normalized.format === 'markdown') blocks = takeTitleHeading(blocks, meta);
  if (!blocks.some((block) => block.kind === 'paragraph')) {
    messages.push({
      severity: 'error',
      file: relative,
      code: 'no-text',
      reason: 'no readable body text',
    });
    return { document: null, messages };
  }
  const id = uniqueId(relative, takenIds);
  return {
    document: { id, path: relative, format: normalized.format, text, meta, blocks },
    messages,
  };
}

/** Keeps deep nesting and floods of inline marks from the parser (length-preserving). */
function tame(normalized: Normalized, relative: string, messages: Message[]): Normalized {
  const nesting = maskDeepNesting(normalized.text);
  const marks = limitInlineMarks(nesting.text);
  for (const problem of [nesting.problem, marks.problem]) {
    if (problem) messages.push(warning(relative, problem));
  }
  return { ...normalized, text: marks.text };
}

function warning(file: string, problem: TextProblem): Message {
  return { severity: 'warning', file, ...problem };
}

function normalize(relative: string, text: string, messages: Message[]): Normalized {
  const extension = path.extname(relative).toLowerCase();
  if (extension === '.md' || extension === '.markdown') {
    const frontMatter = readFrontMatter(text);
    for (const problem of frontMatter?.problems ?? []) messages.push(warning(relative, problem));
    const ranges: Range[] = frontMatter ? [frontMatter.range] : [];
    return { format: 'markdown', text: mask(text, ranges), meta: frontMatter?.meta ?? {} };
  }
  if (isCable(text)) return normalizeCable(text);
  if (isWebArticle(text)) return normalizeWebArticle(text);
  return normalizePlainText(text);
}

function markHeadings(blocks: Block[], headings: readonly Range[]): Block[] {
  if (headings.length === 0) return blocks;
  return blocks.map((block) =>
    headings.some(([start, end]) => block.start >= start && block.end <= end)
      ? { ...block, kind: 'heading' }
      : block,
  );
}

/** A hard-wrapped paragraph broken across a page continues in the next block: join them. */
function joinBrokenParagraphs(blocks: Block[]): Block[] {
  const joined: Block[] = [];
  // Pieces of the paragraph being joined, concatenated once it ends (joining them one by one
  // would copy a long run of pieces over and over).
  let run: Block[] = [];
  const flush = () => {
    if (run.length > 0) joined.push(joinRun(run));
    run = [];
  };
  for (const block of blocks) {
    const previous = run[run.length - 1];
    const continues =
      previous?.kind === 'paragraph' &&
      block.kind === 'paragraph' &&
      block.label === undefined &&
      !/[.!?:;"”')\]]$/.test(previous.text);
    if (!continues) flush();
    run.push(block);
  }
  flush();
  return joined;
}

function joinRun(run: Block[]): Block {
  const first = run[0]!;
  if (run.length === 1) return first;
  const offsets: number[] = [];
  run.forEach((block, i) => {
    if (i > 0) offsets.push(run[i - 1]!.end);
    for (let n = 0; n < block.offsets.length - (i < run.length - 1 ? 1 : 0); n++) {
      offsets.push(block.offsets[n]!);
    }
  });
  return {
    ...first,
    end: run[run.length - 1]!.end,
    text: run.map((block) => block.text).join(' '),
    offsets,
  };
}

/** A Markdown document's leading heading is its title, unless front matter gave one. */
function takeTitleHeading(blocks: Block[], meta: DeclaredMeta): Block[] {
  const first = blocks[0];
  if (!first || first.kind !== 'heading') return blocks;
  if (!meta.title) meta.title = first.text;
  return blocks.slice(1);
}

function uniqueId(relative: string, taken: Set<string>): string {
  const base =
    relative
      .replace(/\.(md|markdown|txt)$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
