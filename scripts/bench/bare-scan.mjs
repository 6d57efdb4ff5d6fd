/**
 * The floor for a rebuild: start Node, read every document of the corpus and hash it, which is
 * what it takes to know from the content alone whether anything changed. Prints the count.
 *
 *     node scripts/bench/bare-scan.mjs CORPUS_DIR
 */
/* global process */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

const [corpus] = process.argv.slice(2);
if (!corpus) {
  process.stderr.write('usage: node scripts/bench/bare-scan.mjs CORPUS_DIR\n');
  process.exit(2);
}
const entries = await readdir(corpus, { recursive: true, withFileTypes: true });
const files = entries
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
const hashes = await Promise.all(
  files.map(async (file) =>
    createHash('sha256')
      .update(await readFile(file))
      .digest('hex'),
  ),
);
process.stdout.write(`${hashes.length}\n`);
