import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { Block } from '../model.js';
import type { Range } from './mask.js';
import { paragraphRuns, parsePieces } from './parse-pieces.js';

const parser = unified().use(remarkParse).use(remarkGfm);

/** How to read a (normalized) text into blocks. */
export interface ParseOptions {
  /** Parse these ranges one by one instead of the whole text (e.g. one line each). */
  segments?: readonly Range[];
  /** Read indented code as prose (plain text often indents paragraphs). */
  codeAsText?: boolean;
}

/**
 * Parses a document's (masked) text with remark and returns its paragraphs and headings,
 * each with readable text and a map from every character back to the original offsets.
 * A long text is parsed in pieces (see `parsePieces`); plain paragraphs are read without
 * remark, into the tree it would build (see `plainTree`).
 */
export function parseBlocks(text: string, options: ParseOptions = {}): Block[] {
  const segments = options.segments ?? [[0, text.length] as const];
  const blocks: Block[] = [];
  const codeAsText = options.codeAsText ?? false;
  for (const segment of segments) {
    for (const piece of parsePieces(text, segment)) readPiece(text, piece, codeAsText, blocks);
  }
  return blocks;
}

/**
 * Reads one piece run by run (see `paragraphRuns`): a run that is a plain paragraph is read
 * directly, and consecutive runs with any Markdown in them go to remark together.
 */
function readPiece(text: string, [start, end]: Range, codeAsText: boolean, out: Block[]): void {
  let pending = -1; // where the runs waiting for remark start
  for (const [from, to] of paragraphRuns(text, [start, end])) {
    const source = text.slice(from, to);
    const tree = plainTree(source);
    if (!tree) {
      if (pending === -1) pending = from;
      continue;
    }
    if (pending !== -1) parseWithRemark(text, [pending, from], codeAsText, out);
    pending = -1;
    collect(tree, { source, base: from, codeAsText }, out);
  }
  if (pending !== -1) parseWithRemark(text, [pending, end], codeAsText, out);
}

function parseWithRemark(text: string, [start, end]: Range, codeAsText: boolean, out: Block[]) {
  const part = text.slice(start, end);
  if (part.trim() === '') return;
  const tree = parser.parse(part) as Root;
  collect(tree, { source: part, base: start, codeAsText }, out);
}

/**
 * Characters that may be Markdown anywhere in a line (escapes, entities, code, emphasis,
 * strikethrough, links, raw HTML, tables, e-mail autolinks), control characters other than the
 * line feed (tabs and carriage returns change how lines are read) and the byte order mark.
 */
// eslint-disable-next-line no-control-regex -- control characters are part of what it finds
const INLINE_SYNTAX = /[\\&`*_[\]<~|@\0-\x09\x0b-\x1f\uFEFF]|www\.|https?:\/\//i;
/** What may open a block when a line starts with it: a list, quote, heading or underline. */
const BLOCK_START = /^(?:[-+=#>]|\d+[.)])/;
/** An ordered list item at the margin whose text follows on the same line. */
const LIST_ITEM = /^\d{1,9}[.)] {1,4}(?=[^ \n])/;

/**
 * The tree remark would build for a run that is one plain paragraph (or one ordered list item
 * holding one): prose without Markdown syntax, lines joined as remark joins them. `null` for
 * anything else, which remark must read. Worth it because most prose has no Markdown at all and
 * remark is the costliest step of reading a document.
 */
function plainTree(source: string): Root | null {
  if (INLINE_SYNTAX.test(source)) return null;
  const lines = contentLines(source);
  if (lines === null) return { type: 'root', children: [] };
  const [first] = lines;
  if (!first) return null;
  const item =
    first.start === first.lineStart ? LIST_ITEM.exec(source.slice(first.start, first.end)) : null;
  if (item) first.start += item[0].length;
  else if (first.start - first.lineStart >= 4) return null; // indented code
  if (lines.some((line) => BLOCK_START.test(source.slice(line.start, line.end)))) return null;
  const paragraph: RootContent = {
    type: 'paragraph',
    children: phrasing(source, lines),
    position: span(first.start, lines[lines.length - 1]!.end),
  };
  if (!item) return { type: 'root', children: [paragraph] };
  const listItem: RootContent = {
    type: 'listItem',
    children: [paragraph],
    position: span(first.lineStart, lines[lines.length - 1]!.end),
  };
  return { type: 'root', children: [{ type: 'list', children: [listItem] }] };
}

/** A non-blank line: where it starts, where its text starts and ends (spaces trimmed). */
interface ContentLine {
  lineStart: number;
  start: number;
  end: number;
  /** Spaces after the text: two or more before another line make a hard break. */
  trailing: number;
}

/**
 * The non-blank lines of a run, when they are consecutive (blank lines only around them);
 * `[]` when there is a blank line between them (not one paragraph), `null` when all are blank.
 */
function contentLines(source: string): ContentLine[] | null {
  const lines: ContentLine[] = [];
  let gap = false;
  for (let pos = 0; pos <= source.length;) {
    const newline = source.indexOf('\n', pos);
    const lineEnd = newline === -1 ? source.length : newline;
    let start = pos;
    while (start < lineEnd && source.charCodeAt(start) === 32) start++;
    let end = lineEnd;
    while (end > start && source.charCodeAt(end - 1) === 32) end--;
    if (start < end) {
      if (gap && lines.length > 0) return [];
      lines.push({ lineStart: pos, start, end, trailing: lineEnd - end });
    } else if (lines.length > 0) {
      gap = true;
    }
    pos = lineEnd + 1;
  }
  return lines.length > 0 ? lines : null;
}

/** A paragraph's text nodes, split where a line ends in a hard break, as remark splits them. */
function phrasing(source: string, lines: ContentLine[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let from = 0; // the first line of the text node being built
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    if (!last && line.trailing < 2) return;
    const value = lines
      .slice(from, i + 1)
      .map((l) => source.slice(l.start, l.end))
      .join('\n');
    nodes.push({ type: 'text', value, position: span(lines[from]!.start, line.end) });
    if (!last) nodes.push({ type: 'break', position: span(line.end, line.end + line.trailing) });
    from = i + 1;
  });
  return nodes;
}

/** A node's position; only the offsets are read (see `gather`), lines and columns are not. */
function span(start: number, end: number): Position {
  return {
    start: { line: 1, column: start + 1, offset: start },
    end: { line: 1, column: end + 1, offset: end },
  };
}

interface Context {
  source: string;
  base: number;
  codeAsText: boolean;
}

function collect(node: Nodes, ctx: Context, out: Block[], listLabel?: string): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const block = toBlock(node, ctx, node.type);
      if (block) {
        if (listLabel && block.label === undefined) block.label = listLabel;
        out.push(block);
      }
      return;
    }
    case 'code': {
      if (!ctx.codeAsText || !node.position) return;
      const block = toBlock(
        { type: 'text', value: node.value, position: node.position },
        ctx,
        'paragraph',
      );
      if (block) out.push(block);
      return;
    }
    case 'listItem': {
      const label = ordinalOf(node, ctx.source);
      node.children.forEach((child, i) => collect(child, ctx, out, i === 0 ? label : undefined));
      return;
    }
    default:
      if ('children' in node)
        (node as Parent).children.forEach((child) => collect(child as Nodes, ctx, out));
  }
}

function ordinalOf(node: Nodes, source: string): string | undefined {
  const offset = node.position?.start.offset;
  if (offset === undefined) return undefined;
  return /^\s*(\d{1,4})[.)]/.exec(source.slice(offset, offset + 8))?.[1];
}

function toBlock(node: Nodes, ctx: Context, kind: Block['kind']): Block | null {
  const chars: string[] = [];
  const offsets: number[] = [];
  gather(node, ctx, chars, offsets);
  const collapsed = collapseWhitespace(chars, offsets);
  const labelled = stripLabelAndMarking(collapsed);
  if (labelled.text === '') return null;
  const start = labelled.offsets[0]!;
  const end = labelled.offsets[labelled.offsets.length - 1]!;
  return { kind, start, end, ...labelled };
}

/** Appends a node's readable characters and their original offsets. */
function gather(node: Nodes, ctx: Context, chars: string[], offsets: number[]): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return;
    const map = alignValue(node.value, ctx.source, from, to);
    for (let i = 0; i < node.value.length; i++) {
      chars.push(node.value[i]!);
      offsets.push(ctx.base + map[i]!);
    }
    return;
  }
  if (node.type === 'break') {
    chars.push(' ');
    offsets.push(ctx.base + (node.position?.start.offset ?? 0));
    return;
  }
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return;
  if (!('children' in node)) return;
  // Inline raw HTML is dropped as markup, and so is what a <script> or <style> wraps: code, not
  // prose (`a <script>fetch(…)</script> b` reads "a b").
  let closing: RegExp | null = null;
  for (const child of (node as Parent).children as Nodes[]) {
    if (child.type === 'html') {
      if (closing) {
        if (closing.test(child.value)) closing = null;
      } else {
        const open = /<(script|style)\b[^>]*>/i.exec(child.value);
        const name = open?.[1]?.toLowerCase();
        if (name && !new RegExp(`</${name}\\s*>`, 'i').test(child.value.slice(open!.index))) {
          closing = new RegExp(`</${name}\\s*>`, 'i');
        }
      }
      continue;
    }
    if (!closing) gather(child, ctx, chars, offsets);
  }
}

/** Maps each character of a node's value to its offset in the source (escapes and entities differ). */
function alignValue(value: string, source: string, from: number, to: number): number[] {
  const slice = source.slice(from, to);
  // One offset per UTF-16 code unit: a character outside the BMP takes two.
  if (slice === value) return Array.from({ length: value.length }, (_, i) => from + i);
  const map: number[] = [];
  let j = 0;
  for (const char of value) {
    // A native search: a character the source lacks (an entity's) must not cost a slow scan.
    const k = slice.indexOf(char, j);
    if (k !== -1) j = k;
    map.push(from + Math.min(j, Math.max(slice.length - 1, 0)));
    for (let n = 1; n < char.length; n++) map.push(from + Math.min(j + n, slice.length));
    if (k !== -1) j += char.length;
  }
  return map;
}

interface MappedText {
  text: string;
  offsets: number[];
}

/** Collapses runs of whitespace to one space and trims; the offsets follow. */
function collapseWhitespace(chars: string[], offsets: number[]): MappedText {
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  chars.forEach((char, i) => {
    if (/\s/.test(char)) {
      if (text !== '' && pendingSpace === -1) pendingSpace = offsets[i]!;
      return;
    }
    if (pendingSpace !== -1) {
      text += ' ';
      map.push(pendingSpace);
      pendingSpace = -1;
    }
    text += char;
    map.push(offsets[i]!);
  });
  const last = map.length > 0 ? map[map.length - 1]! + 1 : 0;
  return { text, offsets: [...map, last] };
}

const LABEL = /^(\d{1,3})\.\s+(?=\()/;
const MARKING = /^\(((?:U|C|S|TS|SBU|FOUO|NF|NOFORN|CUI|LOU|SBU-NF|REL)(?:\/\/?[A-Z-]+)*)\)\s*/;

/** Takes a paragraph number and a portion marking like `(SBU)` off the front of a block. */
function stripLabelAndMarking(
  mapped: MappedText,
): MappedText & { label?: string; marking?: string } {
  let { text, offsets } = mapped;
  let label: string | undefined;
  let marking: string | undefined;
  const labelMatch = LABEL.exec(text);
  if (labelMatch) {
    label = labelMatch[1];
    ({ text, offsets } = drop(text, offsets, labelMatch[0].length));
  }
  const markingMatch = MARKING.exec(text);
  if (markingMatch) {
    marking = markingMatch[1];
    ({ text, offsets } = drop(text, offsets, markingMatch[0].length));
  }
  return { text, offsets, ...(label ? { label } : {}), ...(marking ? { marking } : {}) };
}

function drop(text: string, offsets: number[], count: number): MappedText {
  return { text: text.slice(count), offsets: offsets.slice(count) };
}
