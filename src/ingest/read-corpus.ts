import type { Message } from '../model.js';
import { listCorpus, type DocumentFile, type SkippedFile } from './find-documents.js';
import { readDocument } from './read-document.js';
import { SameTexts } from './same-text.js';

/** One corpus file as read: its text (`null` when it is not to be used) and messages about it. */
export interface CorpusText {
  /** Path relative to the corpus. */
  path: string;
  text: string | null;
  messages: Message[];
}

/**
 * Reads the corpus one file at a time, in path order. A file that cannot be used (see
 * `listCorpus` and `readDocument`) comes with an error naming it and why; one read with a
 * caveat (re-encoded, repaired) with a warning. A document whose text repeats an earlier one's
 * (see {@link SameTexts}) is not used again: a `duplicate` warning names the earlier file, so
 * the text is analyzed and cited once.
 */
export async function* readCorpus(corpus: string): AsyncGenerator<CorpusText> {
  const { files, skipped } = await listCorpus(corpus);
  const entries: (DocumentFile | SkippedFile)[] = [...files, ...skipped].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const same = new SameTexts();
  for (const entry of entries) {
    if ('code' in entry) {
      yield { path: entry.path, text: null, messages: [error(entry.path, entry)] };
      continue;
    }
    const read = await readDocument(entry.file);
    if (!read.ok) {
      yield { path: entry.path, text: null, messages: [error(entry.path, read)] };
      continue;
    }
    const messages: Message[] = read.warning
      ? [{ severity: 'warning', file: entry.path, ...read.warning }]
      : [];
    const earlier = same.earlier(entry.path, read.text);
    if (earlier === undefined) {
      yield { path: entry.path, text: read.text, messages };
      continue;
    }
    messages.push({
      severity: 'warning',
      file: entry.path,
      code: 'duplicate',
      reason: `same text as ${earlier}; cited once`,
    });
    yield { path: entry.path, text: null, messages };
  }
}

function error(file: string, problem: { code: string; reason: string }): Message {
  return { severity: 'error', file, code: problem.code, reason: problem.reason };
}
