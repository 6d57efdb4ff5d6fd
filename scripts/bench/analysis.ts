/**
 * Texts for the analysis throughput bench: about 1 MB of real news (the eval set's CNN/DailyMail
 * articles), written as a corpus folder so that the analyzer and the bare libraries read the
 * same files.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from './temp-dirs.js';

/** A corpus folder for the throughput bench, with what it holds. */
export interface TextCorpus {
  label: string;
  dir: string;
  documents: number;
  bytes: number;
}

/** News articles to analyze: the eval set's CNN/DailyMail articles, else the sample corpus. */
export async function newsTexts(root: string): Promise<string[]> {
  const sample = path.join(root, '..', 'shared', 'eval-dev', 'cnndm', 'sample.jsonl');
  const lines = await readFile(sample, 'utf8').then(
    (t) => t.split('\n').filter(Boolean),
    () => [],
  );
  if (lines.length > 0) return lines.map((l) => (JSON.parse(l) as { article: string }).article);
  const corpus = path.join(root, 'corpus');
  return Promise.all((await readdir(corpus)).map((f) => readFile(path.join(corpus, f), 'utf8')));
}

/**
 * Repeats the texts into at least `bytes` of separate documents. Each repeat gets a closing
 * line naming its copy, so that no two documents are the same text (the analyzer would skip
 * the second as a duplicate, the bare libraries would not).
 */
export function corpusOf(texts: string[], bytes: number): { file: string; text: string }[] {
  const docs: { file: string; text: string }[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const copy = Math.floor(i / texts.length);
    const text = `${texts[i % texts.length]!}${copy > 0 ? `\n\nReprinted, copy ${copy}.\n` : ''}`;
    docs.push({ file: `doc-${String(i).padStart(4, '0')}.txt`, text });
    size += Buffer.byteLength(text);
  }
  return docs;
}

/** Writes about 1 MB of news articles into a temp corpus folder. */
export async function newsCorpus(root: string): Promise<TextCorpus> {
  const dir = path.join(await makeTempDir('news'), 'corpus');
  await mkdir(dir, { recursive: true });
  const docs = corpusOf(await newsTexts(root), 1_000_000);
  let bytes = 0;
  for (const { file, text } of docs) {
    await writeFile(path.join(dir, file), text);
    bytes += Buffer.byteLength(text);
  }
  return { label: 'about 1 MB of CNN/DailyMail articles', dir, documents: docs.length, bytes };
}
