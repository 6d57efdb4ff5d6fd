/**
 * A seeded, deterministic corpus for benchmarks: news-like Markdown, saved web articles and
 * cables of about 3 KB each, about the sample config's themes (none, one or two per document).
 * The same seed and count always give byte-identical files.
 *
 *     npx tsx scripts/bench/generate-corpus.ts DIR COUNT [SEED]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Random } from './corpus/random.js';
import { drawCast } from './corpus/cast.js';
import { drawTopics, writeStory } from './corpus/story.js';
import { cable, markdownNews, webArticle } from './corpus/formats.js';

/** One generated document: its path relative to the corpus folder and its text. */
export interface GeneratedDocument {
  path: string;
  text: string;
  /** The sample config's theme ids the document was written to cover (none, one or two). */
  themes: string[];
}

const THEME_IDS = {
  expansion: 'international-expansion',
  government: 'government-relations',
  ip: 'ip-enforcement',
  neutral: 'none',
} as const;

/** Kinds of document, with their share, folder, years and body size in characters. */
const KINDS = [
  { share: 0.45, folder: 'news', ext: 'md', years: [2012, 2023], body: 2700, write: markdownNews },
  { share: 0.3, folder: 'web', ext: 'txt', years: [2012, 2023], body: 2700, write: webArticle },
  { share: 0.25, folder: 'cables', ext: 'txt', years: [2004, 2010], body: 1800, write: cable },
] as const;

/** The `index`-th document of the corpus for `seed` (each document has its own generator). */
export function generateDocument(index: number, seed = 1): GeneratedDocument {
  const r = new Random((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const roll = r.next();
  const kind =
    roll < KINDS[0].share ? KINDS[0] : roll < KINDS[0].share + KINDS[1].share ? KINDS[1] : KINDS[2];
  const cast = drawCast(r, kind.years[0], kind.years[1]);
  const story = writeStory(r, cast, drawTopics(r), kind.body);
  const name = `${String(index).padStart(5, '0')}_${r.hex(12)}.${kind.ext}`;
  return {
    path: `${kind.folder}/${name}`,
    text: kind.write(r, cast, story),
    themes: story.topics.map((topic) => THEME_IDS[topic]),
  };
}

/**
 * Writes `count` generated documents into `dir` (created when missing), spread over the
 * sub-folders `news/`, `web/` and `cables/`. Returns how many files and bytes were written.
 */
export async function generateCorpus(
  dir: string,
  count: number,
  seed = 1,
): Promise<{ files: number; bytes: number }> {
  for (const kind of KINDS) await mkdir(path.join(dir, kind.folder), { recursive: true });
  let bytes = 0;
  const batch = 64;
  for (let start = 0; start < count; start += batch) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + batch); index += 1) {
      const document = generateDocument(index, seed);
      const body = Buffer.from(document.text, 'utf8');
      bytes += body.length;
      writes.push(writeFile(path.join(dir, document.path), body));
    }
    await Promise.all(writes);
  }
  return { files: count, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count || !/^\d+$/.test(count) || (seed !== undefined && !/^\d+$/.test(seed))) {
    console.error('usage: tsx scripts/bench/generate-corpus.ts DIR COUNT [SEED]');
    process.exit(2);
  }
  const started = performance.now();
  const result = await generateCorpus(path.resolve(dir), Number(count), Number(seed ?? 1));
  console.log(
    `Wrote ${result.files} documents (${(result.bytes / 1e6).toFixed(2)} MB) to ${dir} in ` +
      `${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}
