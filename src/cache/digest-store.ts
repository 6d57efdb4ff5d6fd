import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The file of the digest store, inside the cache folder. */
export const DIGEST_STORE_FILE = 'digests.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS digests (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * The documents' digests (what composing needs of each analyzed document, see `digestOf`), by
 * key, in one SQLite file of the cache: a build reads every current document's digest in one
 * pass and writes only the new ones, where a file per digest would cost a file read each and a
 * single file of them all a rewrite of the whole each time. SQLite keeps the file whole when a
 * process is killed mid-write; a file that is damaged anyway is removed and rebuilt, as any
 * cache entry that cannot be trusted.
 */
export class DigestStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) the store in `cacheDir`. */
  static open(cacheDir: string): DigestStore {
    mkdirSync(cacheDir, { recursive: true });
    const file = path.join(cacheDir, DIGEST_STORE_FILE);
    try {
      return new DigestStore(connect(file));
    } catch {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      return new DigestStore(connect(file));
    }
  }

  /** The stored values of `keys` that there are (JSON text), by key. */
  getMany(keys: readonly string[]): Map<string, string> {
    const wanted = new Set(keys);
    const found = new Map<string, string>();
    try {
      // The store holds what the corpus needed last time: reading it all in one pass is faster
      // than looking up each key.
      const rows = this.db.prepare<[], [string, string]>('SELECT key, value FROM digests').raw();
      for (const [key, value] of rows.iterate()) if (wanted.has(key)) found.set(key, value);
    } catch {
      // A damaged store is a cold cache, not a failed build.
      return new Map();
    }
    return found;
  }

  /** Stores values (JSON text) by key, in one transaction. */
  putMany(entries: readonly (readonly [string, string])[]): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO digests (key, value) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const [key, value] of entries) insert.run(key, value);
    })();
  }

  /** Removes every entry but those of `keys` (what the corpus no longer needs). */
  keepOnly(keys: readonly string[]): void {
    this.db.transaction(() => {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY) WITHOUT ROWID');
      this.db.exec('DELETE FROM keep');
      const insert = this.db.prepare('INSERT OR IGNORE INTO keep (key) VALUES (?)');
      for (const key of keys) insert.run(key);
      this.db.exec('DELETE FROM digests WHERE key NOT IN (SELECT key FROM keep)');
    })();
  }

  close(): void {
    this.db.close();
  }
}

function connect(file: string): Database.Database {
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    // A killed process loses nothing committed; a power cut at most the last commits, which the
    // next build analyzes again.
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    db.prepare('SELECT count(*) FROM digests LIMIT 1').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
