import { createHash } from 'node:crypto';

/**
 * Remembers the texts of the documents read so far, to tell when a document repeats one under
 * another name. Texts count as the same when they differ only in line endings, trailing
 * whitespace on a line, and blank lines at the start or end.
 */
export class SameTexts {
  private readonly firstPath = new Map<string, string>();

  /** The path of an earlier document with the same text, or `undefined` (and remembers this one). */
  earlier(path: string, text: string): string | undefined {
    return this.earlierByKey(path, sameTextKey(text));
  }

  /** As {@link earlier}, for a text known by its {@link sameTextKey}. */
  earlierByKey(path: string, key: string): string | undefined {
    const earlier = this.firstPath.get(key);
    if (earlier === undefined) this.firstPath.set(key, path);
    return earlier;
  }
}

/** What two texts that count as the same share: a hash of the text, blanks at either end and line ends aside. */
export function sameTextKey(text: string): string {
  // Loops, not regular expressions: a hostile text (a million blanks) must stay linear.
  const lines = text.split(/\r\n?|\n/).map((line) => line.trimEnd());
  let first = 0;
  while (first < lines.length && lines[first] === '') first++;
  let last = lines.length;
  while (last > first && lines[last - 1] === '') last--;
  return createHash('sha256').update(lines.slice(first, last).join('\n')).digest('hex');
}
