import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncDir, writeDurable } from './durable-write.js';

/** Name prefix of a build's staging folder (its files before the commit), in the output folder. */
export const STAGING_PREFIX = '.staging-';
/** Name prefix of a committed folder whose files are being moved into place. */
export const COMMIT_PREFIX = '.commit-';
/** The list of files to move, kept in the folder it describes. */
const FILE_LIST = '.files.json';

/**
 * Moves a build's staged files into the output folder as one step that a kill cannot leave half
 * done. The list of files is written into the staging folder, which is then renamed to
 * `.commit-…`: that rename is the commit point. Each file is then renamed into place, in the
 * given order, and the folder removed. A build killed before the commit point leaves the
 * previous edition as it was; one killed after it is finished by `recoverOutput`, which every
 * build runs first, so the folder always ends up holding one whole edition.
 */
export async function commitStaged(
  output: string,
  staging: string,
  files: string[],
): Promise<void> {
  await writeDurable(path.join(staging, FILE_LIST), Buffer.from(JSON.stringify(files)));
  const committed = path.join(
    output,
    `${COMMIT_PREFIX}${path.basename(staging).slice(STAGING_PREFIX.length)}`,
  );
  await rename(staging, committed);
  await syncDir(output);
  await moveIntoPlace(output, committed, files);
}

/** What `recoverOutput` found and did. */
export interface Recovery {
  /** Files an interrupted commit had not yet moved, now in place. */
  finished: string[];
  /** Staging folders of builds that stopped before their commit, now removed. */
  discarded: number;
}

/**
 * Puts right what builds that stopped part-way (killed, or the machine went down) left in the
 * output folder: finishes each interrupted commit and removes uncommitted staging folders. Run
 * it only while holding the folder's lock, when no other build can be writing there.
 */
export async function recoverOutput(output: string): Promise<Recovery> {
  const recovery: Recovery = { finished: [], discarded: 0 };
  const names = await readdir(output).catch(() => [] as string[]);
  for (const dir of await oldestFirst(
    output,
    names.filter((n) => n.startsWith(COMMIT_PREFIX)),
  )) {
    const files = await readFileList(dir);
    if (files) recovery.finished.push(...(await moveIntoPlace(output, dir, files)));
    else await rm(dir, { recursive: true, force: true });
  }
  for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX))) {
    await rm(path.join(output, name), { recursive: true, force: true });
    recovery.discarded += 1;
  }
  return recovery;
}

/** Renames each listed file that is still in `dir` into place; returns the ones it moved. */
async function moveIntoPlace(output: string, dir: string, files: string[]): Promise<string[]> {
  const moved: string[] = [];
  for (const relative of files) {
    const source = path.join(dir, relative);
    // Moved already by the attempt that was interrupted.
    if (!(await stat(source).catch(() => null))) continue;
    const target = path.join(output, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(source, target);
    moved.push(relative);
  }
  await syncDir(output);
  await rm(dir, { recursive: true, force: true });
  return moved;
}

async function readFileList(dir: string): Promise<string[] | null> {
  try {
    const files: unknown = JSON.parse(await readFile(path.join(dir, FILE_LIST), 'utf8'));
    return Array.isArray(files) && files.every((f) => typeof f === 'string') ? files : null;
  } catch {
    return null;
  }
}

/** Folders in the order they were committed (there is at most one unless a lock was lost). */
async function oldestFirst(output: string, names: string[]): Promise<string[]> {
  const dirs = await Promise.all(
    names.map(async (name) => {
      const dir = path.join(output, name);
      return { dir, mtimeMs: (await stat(dir).catch(() => null))?.mtimeMs ?? 0 };
    }),
  );
  return dirs.sort((a, b) => a.mtimeMs - b.mtimeMs).map((entry) => entry.dir);
}
