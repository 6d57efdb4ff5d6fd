import path from 'node:path';
import type { Block, DeclaredMeta, Message, SourceDocument } from '../model.js';
import { findDocuments } from './find-documents.js';
import { readDocument } from './read-document.js';
import { readFrontMatter } from './front-matter.js';
import { mask, type Range } from './mask.js';
import { parseBlocks } from './parse-blocks.js';
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
 * Reads every document of the corpus folder. A file that cannot be used yields an error
 * message naming it; the others are still read.
 */
export async function ingestCorpus(corpus: string): Promise<IngestResult> {
  const files = await findDocuments(corpus);
  const documents: SourceDocument[] = [];
  const messages: Message[] = [];
  const ids = new Set<string>();
  for (const { file, path: relative } of files) {
    const read = await readDocument(file);
    if (!read.ok) {
      messages.push({ severity: 'error', file: relative, code: read.code, reason: read.reason });
      continue;
    }
    if (read.warning) messages.push({ severity: 'warning', file: relative, ...read.warning });
    const result = ingestText(relative, read.text, ids);
    messages.push(...result.messages);
    if (result.document) documents.push(result.document);
  }
  return { documents, messages };
}

/** Reads one document's text; `path` is relative to the corpus and decides the format. */
export function ingestText(
  relative: string,
  text: string,
  takenIds: Set<string> = new Set(),
): { document: SourceDocument | null; messages: Message[] } {
  const messages: Message[] = [];
  const normalized = normalize(relative, text, messages);
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

function normalize(relative: string, text: string, messages: Message[]): Normalized {
  const extension = path.extname(relative).toLowerCase();
  if (extension === '.md' || extension === '.markdown') {
    const frontMatter = readFrontMatter(text);
    for (const problem of frontMatter?.problems ?? []) {
      messages.push({
        severity: 'warning',
        file: relative,
        line: problem.line,
        code: problem.code,
        reason: problem.reason,
      });
    }
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
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    const continues =
      previous?.kind === 'paragraph' &&
      block.kind === 'paragraph' &&
      block.label === undefined &&
      !/[.!?:;"”')\]]$/.test(previous.text);
    if (previous && continues) {
      joined[joined.length - 1] = {
        ...previous,
        end: block.end,
        text: `${previous.text} ${block.text}`,
        offsets: [...previous.offsets.slice(0, -1), previous.end, ...block.offsets],
      };
    } else {
      joined.push(block);
    }
  }
  return joined;
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
