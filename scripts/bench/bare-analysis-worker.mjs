/**
 * One thread of the bare analysis pool: loads the libraries, then for each batch of files it is
 * given reads each file and runs remark (with GFM) and wink-nlp on it, reading out sentences,
 * tokens and entities; replies with the batch's counts and the time each library took. An empty
 * batch ends the thread.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
const nlp = winkNLP(model);
const its = nlp.its;

parentPort.on('message', (files) => {
  if (files.length === 0) {
    parentPort.close();
    return;
  }
  const counts = { documents: 0, remarkMs: 0, winkMs: 0, entities: 0, sentences: 0, tokens: 0 };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const parsed = performance.now();
    markdown.parse(text);
    const read = performance.now();
    const doc = nlp.readDoc(text);
    counts.entities += doc.entities().out(its.detail).length;
    counts.sentences += doc.sentences().out().length;
    counts.tokens += doc.tokens().out().length;
    const done = performance.now();
    counts.documents += 1;
    counts.remarkMs += read - parsed;
    counts.winkMs += done - read;
  }
  parentPort.postMessage({ type: 'batch', ...counts });
});
parentPort.postMessage({ type: 'ready' });
