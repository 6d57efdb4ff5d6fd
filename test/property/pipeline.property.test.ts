import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analyze-corpus.js';
import { loadConfig } from '../../src/config/load-config.js';
import { root } from '../helpers/paths.js';
import { cableDocument, documentText, markdownDocument, webArticle } from './arbitraries.js';
import { holds, modelProblems } from './well-formed.js';

/** A small corpus: a few files of any format under generated names. */
const corpus = fc.array(
  fc.tuple(
    fc.constantFrom('a.md', 'b.txt', 'sub/c.md', 'sub/d.txt', 'E.markdown', 'a.txt'),
    fc.oneof(markdownDocument, cableDocument, webArticle, documentText),
  ),
  { minLength: 1, maxLength: 5 },
);

describe('property: analyzeCorpus', () => {
  it('composes briefings whose citations point at existing documents and paragraphs', async () => {
    let cited = 0;
    await fc.assert(
      fc.asyncProperty(corpus, async (files) => {
        const dir = await mkdtemp(path.join(tmpdir(), 'briefing-property-'));
        try {
          const corpusDir = path.join(dir, 'corpus');
          for (const [name, text] of files) {
            await mkdir(path.dirname(path.join(corpusDir, name)), { recursive: true });
            await writeFile(path.join(corpusDir, name), text);
          }
          const config = await loadConfig({
            cwd: root,
            overrides: {
              corpus: corpusDir,
              output: path.join(dir, 'out'),
              editionDate: '2026-01-15',
            },
          });
          const model = await analyzeCorpus(config);
          if (model.briefings.some((b) => b.citations.length > 0)) cited++;
          holds(modelProblems(model));
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
    // The property means something only if the generated corpora give briefings to check.
    expect(cited).toBeGreaterThan(0);
  });
});
