import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from '../is-running.js';

/** Beside the lock, in the output folder: who holds it, for the messages of those who wait. */
export const LOCK_OWNER_FILE = '.lock-owner';

/** The process that holds an output folder's lock, as it recorded itself. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** Records this process as the lock's holder (informative only: the lock itself decides). */
export async function recordOwner(output: string): Promise<void> {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    since: new Date().toISOString(),
  };
  await writeFile(path.join(output, LOCK_OWNER_FILE), `${JSON.stringify(owner)}\n`);
}

/** Removes the record, before the lock is released. */
export async function forgetOwner(output: string): Promise<void> {
  await rm(path.join(output, LOCK_OWNER_FILE), { force: true });
}

/** The recorded holder, or `null` when there is no (readable) record. */
export async function readOwner(output: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(
      await readFile(path.join(output, LOCK_OWNER_FILE), 'utf8'),
    ) as LockOwner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

/** How a waiting build names the holder: `pid 123`, `pid 123 on host`, or nothing. */
export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return '';
  const here = owner.hostname === os.hostname();
  const gone = here && !isRunning(owner.pid) ? ', which is no longer running' : '';
  return ` (pid ${owner.pid}${here ? '' : ` on ${owner.hostname}`}${gone})`;
}
