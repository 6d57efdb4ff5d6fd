import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made = new Set<string>();

/** A fresh temp folder, removed by {@link removeTempDirs} if not before. */
export async function makeTempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `briefing-bench-${name}-`));
  made.add(dir);
  return dir;
}

/** Removes a folder made by {@link makeTempDir}. */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  made.delete(dir);
}

/** Removes every temp folder still there: call at the end of the bench, failed or not. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all([...made].map(removeTempDir));
}
