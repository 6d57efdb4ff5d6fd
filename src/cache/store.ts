import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from './hash.js';

const MAGIC = 'briefing-cache-1';
/** Where entries are written before being renamed into place (not a valid bucket name). */
const TEMP_DIR = '.tmp';

/**
 * A persisted, content-addressed cache: each entry is a file named by its key, holding the key,
 * a checksum and the value. An entry that is corrupt, truncated, from another version or for
 * another key is detected on read and treated as missing, never trusted. Writes go to a
 * temporary file and are renamed into place, so a crash never leaves a half-written entry; they
 * are not flushed to disk, since an entry torn by a power cut fails its checksum and is rebuilt.
 */
export class CacheStore {
  constructor(readonly dir: string) {}

  /** The value stored under `key` in `bucket`, or `undefined` when there is none or it cannot be trusted. */
  async get(bucket: string, key: string): Promise<Buffer | undefined> {
    const raw = await readFile(this.fileOf(bucket, key)).catch(() => undefined);
    if (!raw) return undefined;
    const newline = raw.indexOf(10);
    if (newline === -1) return undefined;
    const [magic, storedKey, checksum] = raw.subarray(0, newline).toString('utf8').split(' ');
    const body = raw.subarray(newline + 1);
    if (magic !== MAGIC || storedKey !== key || checksum !== hashOf(body)) return undefined;
    return body;
  }

  /** Stores `value` under `key` in `bucket`. */
  async set(bucket: string, key: string, value: string | Uint8Array): Promise<void> {
    const file = this.fileOf(bucket, key);
    const body = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    const temps = path.join(this.dir, TEMP_DIR);
    await mkdir(path.dirname(file), { recursive: true });
    await mkdir(temps, { recursive: true });
    const temp = path.join(temps, `${process.pid}-${randomBytes(8).toString('hex')}`);
    try {
      await writeFile(
        temp,
        Buffer.concat([Buffer.from(`${MAGIC} ${key} ${hashOf(body)}\n`), body]),
      );
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Removes the entry stored under `key` in `bucket`, if any. */
  async delete(bucket: string, key: string): Promise<void> {
    await rm(this.fileOf(bucket, key), { force: true });
  }

  /**
   * Removes the temporary files other processes left when they were killed mid-write. Call it
   * only while no other process can be writing to this cache (under the output folder's lock).
   */
  async removeAbandoned(): Promise<void> {
    const temps = path.join(this.dir, TEMP_DIR);
    for (const name of await readdir(temps).catch(() => [] as string[])) {
      if (!name.startsWith(`${process.pid}-`)) await rm(path.join(temps, name), { force: true });
    }
  }

  /** A JSON value, or `undefined` when missing, untrusted or not JSON. */
  async getJson<T>(bucket: string, key: string): Promise<T | undefined> {
    const body = await this.get(bucket, key);
    if (!body) return undefined;
    try {
      return JSON.parse(body.toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Stores a JSON value. */
  async setJson(bucket: string, key: string, value: unknown): Promise<void> {
    await this.set(bucket, key, JSON.stringify(value));
  }

  private fileOf(bucket: string, key: string): string {
    if (!/^[a-z-]+$/.test(bucket) || !/^[0-9a-f]{16,128}$/.test(key)) {
      throw new Error(
        `Cannot use cache key "${bucket}/${key}": bucket must be a-z, key a hex digest`,
      );
    }
    return path.join(this.dir, bucket, key.slice(0, 2), key);
  }
}
