import type { ResolvedConfig } from './config/resolve-config.js';
import type { CorpusModel, DocumentSummary, EditionModel, Message } from './model.js';
import { scanCorpus, textOf, type CorpusScan, type ScannedFile } from './ingest/scan-corpus.js';
import { ANALYZER_VERSION } from './analyze/version.js';
import type { CacheStore } from './cache/store.js';
import { DigestStore } from './cache/digest-store.js';
import { hashOf, stableJson } from './cache/hash.js';
import { composeFromDigests } from './compose/compose-digests.js';
import type { DocumentDigest } from './compose/digest.js';
import { strictestMarking } from './compose/marking.js';
import type { Analyzed, Products, Wanted } from './workers/analyze-text.js';
import { sharedPool, workerCount } from './workers/analysis-pool.js';

/** How to analyze: with a persisted cache, or afresh. */
export interface AnalyzeOptions {
  /** Reuse and store results here; without it every document is analyzed. */
  cache?: CacheStore;
  /** Ignore what the cache holds (it is still refreshed). */
  force?: boolean;
  /** Filled in with what was analyzed afresh and what was reused, by path. */
  stats?: { analyzed: string[]; reused: string[] };
  /** The corpus as already scanned (see `scanCorpus`); scanned here when absent. */
  scan?: CorpusScan;
  /** Threads to analyze on (default: `BRIEFING_WORKERS`, else one per core). */
  workers?: number;
}

/**
 * Below this many documents to analyze, starting worker threads (each loads the analyzer, a
 * fraction of a second) costs more than it saves: they are analyzed on the main thread.
 */
const POOL_THRESHOLD = 100;

/** A corpus this large has enough stored digests to read that analysis is best left to a thread. */
const LARGE_CORPUS = 2000;

/** How many fresh digests are stored at once (so that a killed build keeps most of its work). */
const STORE_BATCH = 256;

/**
 * Reads, analyzes and composes the whole corpus into the model, with every document's full
 * analysis (`briefing analyze`); no output is written. See {@link composeEdition} for what else
 * holds.
 */
export async function analyzeCorpus(
  config: ResolvedConfig,
  options: AnalyzeOptions = {},
): Promise<CorpusModel> {
  const [{ compileThemes }, { composeBriefing }] = await Promise.all([
    import('./analyze/score-themes.js'),
    import('./compose/compose.js'),
  ]);
  const themes = compileThemes(config.themes);
  const { values: documents, messages } = await gather(config, 'summary', options);
  const briefings = themes.map((theme) =>
    composeBriefing(documents, theme, { editionDate: config.editionDate }),
  );
  const cited = documents.filter((doc) => briefings.some((b) => b.documents.includes(doc.id)));
  return {
    schema: 1,
    edition: { date: config.editionDate },
    marking: strictestMarking(cited),
    documents,
    briefings,
    messages,
  };
}

/**
 * Reads, analyzes and composes the whole corpus into the edition's model: what a build needs.
 * Each document is reduced, where it is analyzed, to its digest (what composing needs of it);
 * a digest depends only on the document's path and text, the analyzer's version and the themes,
 * and is reused from the cache when those are unchanged, so a build after a small change loads
 * digests, not analyses. Documents to analyze afresh are spread over worker threads when there
 * are enough of them. A file that cannot be read or a document that fails analysis becomes an
 * error message naming it; the rest go on. A document with the same text as one earlier in path
 * order is not analyzed again: it gets a `duplicate` warning naming the other file, and only the
 * first is in the model and cited.
 */
export async function composeEdition(
  config: ResolvedConfig,
  options: AnalyzeOptions = {},
): Promise<EditionModel> {
  // The analyzer (and the NLP libraries it loads) is loaded only where documents are analyzed.
  const { values: digests, messages } = await gather(config, 'digest', options);
  const briefings = config.themes.map((theme) =>
    composeFromDigests(digests, theme, { editionDate: config.editionDate }),
  );
  const citedIds = new Set(briefings.flatMap((b) => b.documents));
  const documents = digests.map((digest) => digest.entry);
  return {
    schema: 1,
    edition: { date: config.editionDate },
    marking: strictestMarking(documents.filter((doc) => citedIds.has(doc.id))),
    documents,
    briefings,
    messages,
  };
}

/**
 * Every usable document's result, in path order, with ids made unique, and every message.
 * Digests are kept in the cache's digest store (full analyses are not kept: only a build, which
 * wants digests, passes a cache).
 */
async function gather<W extends Wanted>(
  config: ResolvedConfig,
  wanted: W,
  options: AnalyzeOptions,
): Promise<{ values: Products[W][]; messages: Message[] }> {
  const scan = options.scan ?? (await scanCorpus(config.corpus));
  const themesKey = stableJson(config.themes);
  const keyOf = (file: ScannedFile, textKey = file.textKey!) =>
    hashOf(ANALYZER_VERSION, wanted, file.path, textKey, themesKey);
  const usable = scan.files.filter((file) => file.textKey !== undefined);
  const keys = new Map(usable.map((file) => [file, keyOf(file)]));
  const store = options.cache && wanted === 'digest' ? DigestStore.open(options.cache.dir) : null;
  try {
    // Files the scan had to read have changed since the last build (or are new): threads start
    // loading the analyzer for them now, while this one reads what is stored for the rest.
    const read = usable.filter((file) => file.text !== undefined).length;
    let analyze = await analyzer(read, usable.length, wanted, config, options);
    const stored = store && !options.force ? store.getMany([...keys.values()]) : new Map();
    const fresh = usable.filter((file) => !stored.has(keys.get(file)!));
    if (fresh.length > read) {
      // More to analyze than the scan suggested (the stored digests were lost): size up.
      await analyze.close();
      analyze = await analyzer(fresh.length, usable.length, wanted, config, options);
    }
    const results = new Map<ScannedFile, Analyzed<Products[W]>>();
    for (const file of usable) {
      const json = stored.get(keys.get(file)!);
      const value = json === undefined ? undefined : parseStored<Products[W]>(json);
      if (value) results.set(file, value);
      else if (json !== undefined) fresh.push(file);
    }
    const unstored: [string, string][] = [];
    try {
      await Promise.all(
        fresh.map(async (file) => {
          const read = await textOf(file);
          delete file.text;
          if ('error' in read) {
            results.set(file, { value: null, messages: [read.error] });
            return;
          }
          const result = (await analyze(file.path, read.text)) as Analyzed<Products[W]>;
          results.set(file, result);
          if (!store) return;
          unstored.push([keyOf(file, read.textKey), JSON.stringify(result)]);
          if (unstored.length >= STORE_BATCH) store.putMany(unstored.splice(0));
        }),
      );
    } finally {
      await analyze.close();
      if (store) store.putMany(unstored.splice(0));
    }
    if (store && fresh.length > 0) store.keepOnly([...keys.values()]);

    const values: Products[W][] = [];
    const messages: Message[] = [];
    const ids = new Set<string>();
    const analyzedNow = new Set<ScannedFile>(fresh);
    for (const file of scan.files) {
      messages.push(...file.messages);
      const result = results.get(file);
      if (!result) continue;
      (analyzedNow.has(file) ? options.stats?.analyzed : options.stats?.reused)?.push(file.path);
      messages.push(...result.messages);
      if (result.value) values.push(withUniqueId(result.value, ids));
    }
    return { values, messages };
  } finally {
    store?.close();
  }
}

type Analyze = ((relative: string, text: string) => Promise<Analyzed<unknown>>) & {
  close(): Promise<void>;
};

/**
 * Analysis on worker threads when there is enough to do; on one worker thread when there is
 * little to do but much to read meanwhile (a large corpus with a few documents changed); else on
 * this thread.
 */
async function analyzer(
  fresh: number,
  corpus: number,
  wanted: Wanted,
  config: ResolvedConfig,
  options: AnalyzeOptions,
): Promise<Analyze> {
  const threads = workerCount(options.workers);
  const size =
    threads <= 1 || fresh === 0
      ? 0
      : fresh >= POOL_THRESHOLD
        ? threads
        : corpus >= LARGE_CORPUS
          ? 1
          : 0;
  if (size > 0) {
    // The threads stay for the next build of this process (watch, serve), idle meanwhile.
    const pool = sharedPool(size, { themes: config.themes, wanted });
    const analyze = (relative: string, text: string) =>
      pool.analyze(relative, text).catch((error: unknown) => failed(relative, error));
    return Object.assign(analyze, { close: () => Promise.resolve() });
  }
  const [{ analyzeText }, { compileThemes }] = await Promise.all([
    import('./workers/analyze-text.js'),
    import('./analyze/score-themes.js'),
  ]);
  const themes = compileThemes(config.themes);
  const analyze = (relative: string, text: string) =>
    Promise.resolve(analyzeText(relative, text, themes, wanted));
  return Object.assign(analyze, { close: () => Promise.resolve() });
}

/** A stored result, or `undefined` when it is not one (never trusted). */
function parseStored<T>(json: string): Analyzed<T> | undefined {
  try {
    const value = JSON.parse(json) as Analyzed<T>;
    return Array.isArray(value?.messages) && 'value' in value ? value : undefined;
  } catch {
    return undefined;
  }
}

function failed(file: string, error: unknown): Analyzed<never> {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    value: null,
    messages: [
      { severity: 'error', file, code: 'analyze-failed', reason: `analysis failed: ${reason}` },
    ],
  };
}

/** Ids come from paths; two paths that make the same id are told apart by a hash of the path. */
function withUniqueId<T extends Products[Wanted]>(value: T, taken: Set<string>): T {
  const entry: Pick<DocumentSummary, 'id' | 'path'> =
    'entry' in value ? (value as DocumentDigest).entry : (value as DocumentSummary);
  const id = taken.has(entry.id) ? `${entry.id}-${hashOf(entry.path).slice(0, 8)}` : entry.id;
  taken.add(id);
  if (id === entry.id) return value;
  return (
    'entry' in value
      ? { ...value, entry: { ...(value as DocumentDigest).entry, id } }
      : { ...value, id }
  ) as T;
}
