import { constants, open, type FileHandle } from 'node:fs/promises';
import { decode, type ReadOutcome } from './decode-text.js';
import { errorCode, explainFileError } from './file-errors.js';
import { MAX_DOCUMENT_BYTES } from './limits.js';

export { decode, type ReadOutcome, type ReadWarning } from './decode-text.js';

// Opening a FIFO for reading blocks until a writer comes; non-blocking, it returns at once
// and the check below turns it away. (No effect on regular files.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a corpus file and decodes it as text (see {@link decode}). Only a regular file is read,
 * and only when it is at most {@link MAX_DOCUMENT_BYTES}: its size is checked first and no more
 * than that is ever read, however large it is or grows. Refused with an error code: `vanished`
 * (listed but gone when read), `unreadable` (with the system's reason), `not-a-file`,
 * `too-large`, and whatever {@link decode} refuses.
 */
export async function readDocument(file: string): Promise<ReadOutcome> {
  let handle: FileHandle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    return errorCode(error) === 'ENOENT'
      ? { ok: false, code: 'vanished', reason: 'the file disappeared during the build' }
      : {
          ok: false,
          code: 'unreadable',
          reason: `cannot read the file: ${explainFileError(error)}`,
        };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return { ok: false, code: 'not-a-file', reason: 'not a regular file; not read' };
    }
    if (info.size > MAX_DOCUMENT_BYTES) return tooLarge(info.size);
    const bytes = await readAtMost(handle, MAX_DOCUMENT_BYTES + 1, info.size);
    if (bytes.length > MAX_DOCUMENT_BYTES) return tooLarge(null);
    return decode(bytes);
  } catch (error) {
    return {
      ok: false,
      code: 'unreadable',
      reason: `cannot read the file: ${explainFileError(error)}`,
    };
  } finally {
    await handle.close();
  }
}

/**
 * Reads from the start of the file until its end or `limit` bytes, whichever comes first;
 * `expected` (its size when opened) sizes the first read, so a small file costs one.
 */
async function readAtMost(handle: FileHandle, limit: number, expected: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let size = Math.min(expected + 1, limit); total < limit; size = 64 * 1024) {
    const chunk = Buffer.allocUnsafe(Math.min(size, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    // Fewer bytes than asked for: the end of the file.
    if (bytesRead < chunk.length) break;
  }
  return Buffer.concat(chunks, total);
}

/** The file is over the limit, by its size, or (`null`) because it grew past it while read. */
function tooLarge(size: number | null): ReadOutcome {
  const limit = `the ${megabytes(MAX_DOCUMENT_BYTES)} limit for a document`;
  const reason =
    size === null
      ? `the file grew past ${limit} while it was read; not used`
      : `the file is ${megabytes(size)}, over ${limit}; not read`;
  return { ok: false, code: 'too-large', reason };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
