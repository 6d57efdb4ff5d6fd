import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `file` atomically: the bytes go to a temp file in the same directory,
 * are flushed to disk, then renamed over `file`. Readers see the old file or the complete
 * new one, never a partial file, and a failure leaves any previous file untouched.
 * Creates the parent directory if missing.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  // Same directory so the rename stays on one file system; the name is capped so a long
  // target name cannot push the temp name past the file system's limit.
  const temp = join(
    dir,
    `.${basename(file).slice(0, 120)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
