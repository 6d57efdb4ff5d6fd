import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Delivery, DeliveryState } from '../model.js';

/** What the ledger needs to queue a delivery. */
export type DeliveryKey = Pick<Delivery, 'theme' | 'edition' | 'channel' | 'address'>;
export type NewDelivery = DeliveryKey & Pick<Delivery, 'date' | 'name' | 'lists' | 'messageId'>;

interface Row {
  theme: string;
  edition: number;
  date: string;
  channel: string;
  address: string;
  name: string | null;
  lists: string;
  message_id: string;
  state: DeliveryState;
  owner: number | null;
  attempts: number;
  reply: string | null;
  permanent: number;
  possibly_duplicate: number;
  updated_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS deliveries (
  theme TEXT NOT NULL,
  edition INTEGER NOT NULL,
  date TEXT NOT NULL,
  channel TEXT NOT NULL,
  address TEXT NOT NULL,
  name TEXT,
  lists TEXT NOT NULL,
  message_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  owner INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  reply TEXT,
  permanent INTEGER NOT NULL DEFAULT 0,
  possibly_duplicate INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (theme, edition, channel, address)
) WITHOUT ROWID;
`;

const KEY = 'theme = @theme AND edition = @edition AND channel = @channel AND address = @address';

/**
 * The delivery ledger: one row per (edition, channel, recipient) in SQLite, moving
 * queued → sending → sent | failed. A row is marked `sending` (and committed) before its
 * message is handed to the transport, so after a crash the next run knows which messages may
 * already have gone out. Rows are claimed with a conditional update, so two runs at once never
 * send the same row.
 */
export class Ledger {
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) the ledger at `file`, or an in-memory one for `:memory:`. */
  static open(file: string): Ledger {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL survives a killed process; only a power cut may lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    return new Ledger(db);
  }

  /**
   * Rows left `sending` by a process that is gone (or that has held them longer than
   * `staleMs`, as when its process id was reused): their message may or may not have been
   * accepted, so they are queued again and flagged as possibly duplicated. Returns how many.
   */
  recover(isRunning: (pid: number) => boolean, staleMs: number): number {
    const staleBefore = new Date(Date.now() - staleMs).toISOString();
    const stranded = this.db
      .prepare<[], Row>(`SELECT * FROM deliveries WHERE state = 'sending'`)
      .all()
      .filter((row) => row.owner === null || !isRunning(row.owner) || row.updated_at < staleBefore);
    const requeue = this.db.prepare(
      `UPDATE deliveries SET state = 'queued', owner = NULL, possibly_duplicate = 1,
       updated_at = @now WHERE ${KEY} AND state = 'sending'`,
    );
    this.db.transaction(() => stranded.forEach((row) => requeue.run({ ...row, now: now() })))();
    return stranded.length;
  }

  /**
   * Queues deliveries not yet in the ledger (existing rows are left as they are) and re-queues
   * temporary failures, and permanent ones too when `retryPermanent`.
   */
  enqueue(deliveries: NewDelivery[], retryPermanent = false): void {
    const insert = this.db.prepare(
      `INSERT INTO deliveries (theme, edition, date, channel, address, name, lists, message_id,
         state, updated_at)
       VALUES (@theme, @edition, @date, @channel, @address, @name, @lists, @messageId, 'queued',
         @now)
       ON CONFLICT DO UPDATE SET state = 'queued', permanent = 0, updated_at = @now
       WHERE state = 'failed' AND (permanent = 0 OR @retryPermanent = 1)`,
    );
    this.db.transaction(() => {
      for (const delivery of deliveries) {
        insert.run({
          ...delivery,
          lists: JSON.stringify(delivery.lists),
          now: now(),
          retryPermanent: retryPermanent ? 1 : 0,
        });
      }
    })();
  }

  /** Claims a queued row for this process (`sending`, one more attempt); false if taken. */
  claim(key: DeliveryKey): boolean {
    const result = this.sql(
      `UPDATE deliveries SET state = 'sending', owner = @pid, attempts = attempts + 1,
         updated_at = @now WHERE ${KEY} AND state = 'queued'`,
    ).run({ ...key, pid: process.pid, now: now() });
    return result.changes === 1;
  }

  /** Records a delivery the server accepted, with its reply. */
  markSent(key: DeliveryKey, reply: string): void {
    this.settle(key, 'sent', reply, false);
  }

  /** Records a delivery that will not be retried in this run. */
  markFailed(key: DeliveryKey, reply: string, permanent: boolean): void {
    this.settle(key, 'failed', reply, permanent);
  }

  /** Puts a claimed row back in the queue after a temporary failure, to be retried. */
  release(key: DeliveryKey, reply: string): void {
    this.settle(key, 'queued', reply, false);
  }

  /** Flags a row as possibly sent twice (its server may have accepted an earlier attempt). */
  flagPossibleDuplicate(key: DeliveryKey): void {
    this.sql(`UPDATE deliveries SET possibly_duplicate = 1 WHERE ${KEY}`).run({ ...key });
  }

  /** One row, or `null`. */
  get(key: DeliveryKey): Delivery | null {
    const row = this.sql(`SELECT * FROM deliveries WHERE ${KEY}`).get({ ...key }) as
      Row | undefined;
    return row ? toDelivery(row) : null;
  }

  /** Rows of the given editions (`theme` and `edition` pairs), in a stable order. */
  list(editions: { theme: string; edition: number }[]): Delivery[] {
    const select = this.db.prepare<{ theme: string; edition: number }, Row>(
      `SELECT * FROM deliveries WHERE theme = @theme AND edition = @edition
       ORDER BY channel, address`,
    );
    return editions.flatMap((key) => select.all({ ...key }).map(toDelivery));
  }

  close(): void {
    this.db.close();
  }

  /** A prepared statement, prepared once per ledger. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  private settle(key: DeliveryKey, state: DeliveryState, reply: string, permanent: boolean) {
    this.sql(
      `UPDATE deliveries SET state = @state, owner = NULL, reply = @reply,
         permanent = @permanent, updated_at = @now WHERE ${KEY}`,
    ).run({ ...key, state, reply: reply.slice(0, 2000), permanent: permanent ? 1 : 0, now: now() });
  }
}

function toDelivery(row: Row): Delivery {
  return {
    theme: row.theme,
    edition: row.edition,
    date: row.date,
    address: row.address,
    name: row.name,
    lists: JSON.parse(row.lists) as string[],
    channel: row.channel,
    messageId: row.message_id,
    state: row.state,
    attempts: row.attempts,
    reply: row.reply,
    permanent: row.permanent === 1,
    possiblyDuplicate: row.possibly_duplicate === 1,
    updatedAt: row.updated_at,
  };
}

function now(): string {
  return new Date().toISOString();
}
