import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Every file under a folder (hidden ones included), each with its inode, size and mtime. */
export type Snapshot = Map<string, string>;

/** Lists every file under `dir` with what changes when it is written or replaced. */
export async function snapshot(dir: string): Promise<Snapshot> {
  const files: Snapshot = new Map();
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const info = await stat(full, { bigint: true }).catch(() => null);
        if (info) files.set(path.relative(dir, full), `${info.ino}:${info.size}:${info.mtimeNs}`);
      }
    }
  };
  await walk(dir);
  return files;
}

/** Files added, removed, rewritten or replaced between two snapshots, sorted. */
export function touched(before: Snapshot, after: Snapshot): string[] {
  const changed = new Set<string>();
  for (const [file, state] of after) if (before.get(file) !== state) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return [...changed].sort();
}

/** True for a file in a hidden folder or with a hidden name (the cache, build state). */
export const isHidden = (file: string): boolean =>
  file.split(path.sep).some((part) => part.startsWith('.'));
