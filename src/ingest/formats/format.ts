import type { DeclaredMeta, DocumentFormat } from '../../model.js';
import type { Range } from '../mask.js';

/** What a format normalizer makes of a document's text, without changing its length. */
export interface Normalized {
  format: DocumentFormat;
  /** The text with boilerplate masked by spaces: same length, same offsets as the original. */
  text: string;
  meta: DeclaredMeta;
  /** Parse these ranges one by one (e.g. one paragraph per line); default: the whole text. */
  segments?: Range[];
  /** Ranges that are section headings although they are written as plain lines. */
  headings?: Range[];
  /** The format hard-wraps paragraphs and may break one across a page: join the pieces. */
  joinBrokenParagraphs?: boolean;
}

/** Title-cases a line written in capitals, keeping words the body writes in capitals (acronyms). */
export function titleCase(upper: string, acronyms: ReadonlySet<string> = new Set()): string {
  const small = new Set([
    'a',
    'an',
    'and',
    'as',
    'at',
    'but',
    'by',
    'for',
    'in',
    'of',
    'on',
    'or',
    'the',
    'to',
    'via',
    'vs',
    'with',
  ]);
  return upper
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((word, i) => {
      const bare = word.replace(/[^a-z0-9.]/gi, '').replace(/\.$/, '');
      if (acronyms.has(bare.toUpperCase())) return word.toUpperCase();
      if (i > 0 && small.has(word)) return word;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join('');
}

/** Words a mixed-case text writes in capitals (acronyms such as `USTR`, `NPC`). */
export function capitalWords(text: string): Set<string> {
  return new Set(text.match(/\b[A-Z][A-Z0-9.&]{1,7}\b/g) ?? []);
}
