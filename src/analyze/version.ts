/**
 * The analyzer's version: part of every analysis cache key. Bump it whenever a change to
 * ingest or analyze can change a document's summary, so stale cache entries are not reused.
 */
export const ANALYZER_VERSION = 'analyzer-2026.11.22-4';
