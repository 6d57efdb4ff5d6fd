import type { Message } from '../model.js';
import { scanCorpus, textOf } from './scan-corpus.js';

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
 * (see `SameTexts`) is not used again: a `duplicate` warning names the earlier file, so
 * the text is analyzed and cited once.
 */
export async function* readCorpus(corpus: string): AsyncGenerator<CorpusText> {
  for (const scanned of (await scanCorpus(corpus)).files) {
    if (scanned.textKey === undefined) {
      yield { path: scanned.path, text: null, messages: scanned.messages };
      continue;
    }
    const read = await textOf(scanned);
    yield 'error' in read
      ? { path: scanned.path, text: null, messages: [...scanned.messages, read.error] }
      : { path: scanned.path, text: read.text, messages: scanned.messages };
  }
}
