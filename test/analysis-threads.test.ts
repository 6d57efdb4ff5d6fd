import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCorpus, composeEdition } from '../src/analyze-corpus.js';
import { loadConfig } from '../src/config/load-config.js';
import type { ResolvedConfig } from '../src/config/resolve-config.js';
import { generateCorpus } from '../scripts/bench/generate-corpus.js';
import { root } from './helpers/paths.js';

let dir: string;
let config: ResolvedConfig;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-threads-'));
  // Enough documents (120) that analysis goes to worker threads.
  await generateCorpus(path.join(dir, 'corpus'), 120, 11);
  config = await loadConfig({
    cwd: root,
    overrides: { corpus: path.join(dir, 'corpus'), output: path.join(dir, 'out') },
  });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analysis on worker threads', () => {
  it('gives the same model as analysis on the main thread', async () => {
    const threads = await analyzeCorpus(config, { workers: 2 });
    const main = await analyzeCorpus(config, { workers: 1 });
    expect(threads.documents).toHaveLength(120);
    expect(JSON.stringify(threads)).toBe(JSON.stringify(main));
  });

  it('composes the same edition from digests made on threads as from full analyses', async () => {
    const full = await analyzeCorpus(config, { workers: 1 });
    const edition = await composeEdition(config, { workers: 2 });
    expect(JSON.stringify(edition.briefings)).toBe(JSON.stringify(full.briefings));
    expect(edition.documents.map((d) => d.id)).toEqual(full.documents.map((d) => d.id));
    expect(edition.messages).toEqual(full.messages);
  });
});
