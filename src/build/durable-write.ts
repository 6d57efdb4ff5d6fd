import { open } from 'node:fs/promises';

/**
 * Writes `bytes` to `file` (created or truncated) and flushes them to disk before returning, so
 * that a file renamed into place afterwards holds its content even after a power cut.
 */
export async function writeDurable(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries (the renames done in it) to disk. Best effort: some systems cannot
 * open a folder for this, and the renames are atomic either way.
 */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Not supported here (e.g. Windows); durability is then up to the file system.
  } finally {
    await handle.close();
  }
}
