/**
 * The bounds that keep one hostile or broken document from stalling a build or exhausting
 * memory. Reading and analysis run at roughly 250 KB of prose per second, and the Markdown
 * parser (micromark) is much slower, even quadratic, on long lines, deep nesting, long nested
 * lists and floods of emphasis marks; each limit below caps one of those costs. Whatever a limit
 * drops or changes is reported as a message naming the document (and the line).
 */

/**
 * A file larger than this is refused unread (`too-large`, an error): its size is checked
 * before reading, and no more than this many bytes (plus one) are ever read.
 */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/**
 * A document's text is read up to this many characters (about 85,000 words, a 300-page
 * report); the rest is dropped at a line break (`truncated`, a warning). Bounds the reading of
 * one document to about a second for prose and 10 s for text that is all Markdown lists.
 */
export const MAX_TEXT_CHARS = 500_000;

/**
 * A line longer than this (about 10,000 words) is cut at a word break (`long-line`, a
 * warning): the parser slows down sharply on one huge line.
 */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * A line nested in more block quotes and lists than this is dropped (`too-deep`, a warning);
 * deep nesting makes the parser quadratic and its tree deep enough to overflow the stack.
 */
export const MAX_NESTING = 32;

/**
 * A paragraph with more emphasis, strikethrough and link marks (runs of `*`, `_`, `~`, and
 * each `[` and `]`) than this is read as plain text without them (`markup-ignored`, a
 * warning): unmatched marks make the parser quadratic and nested ones overflow the stack.
 */
export const MAX_INLINE_MARKS = 256;

/**
 * A text of more lines than this is handed to the parser in pieces of about this many lines,
 * cut between paragraphs where it can: long (nested) lists make the parser quadratic.
 */
export const PIECE_LINES = 200;
