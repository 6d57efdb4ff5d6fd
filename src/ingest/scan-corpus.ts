import { statSync } from 'node:fs';
import type { Message } from '../model.js';
import { listCorpus, type DocumentFile, type SkippedFile } from './find-documents.js';
import { readDocument, type ReadOutcome } from './read-document.js';
import { SameTexts, sameTextKey } from './same-text.js';

/**
 * What identifies a file's version without reading it: size, modification and change times and
 * inode. The change time moves on every write and cannot be set back, so a rewritten file never
 * looks unchanged, whatever its modification time says.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What a scan learned of one document it read, kept to skip reading it next time. */
export interface KnownDocument {
  stamp: FileStamp;
  /** Hash of the decoded text ({@link sameTextKey}); the text's identity for analysis and duplicates. */
  textKey: string;
  /** Warnings from reading it (re-encoded, repaired). */
  messages: Message[];
}

/** What the last scan of a corpus read, by path: the memo that makes the next scan cheap. */
export interface CorpusMemo {
  schema: 1;
  documents: Record<string, KnownDocument>;
}

/** One corpus file as scanned, in path order. */
export interface ScannedFile {
  path: string;
  /** The file, absolute. */
  file: string;
  /** Errors and warnings about the file (why it is not used, how it was read). */
  messages: Message[];
  /** The text's identity, when the file is to be used; absent when it is not. */
  textKey?: string;
  /** The text, when this scan read it (a file known from the memo is not read). */
  text?: string;
}

/** A corpus as scanned: its files, and the memo for the next scan. */
export interface CorpusScan {
  files: ScannedFile[];
  memo: CorpusMemo;
}

/**
 * A file modified this recently may be modified again within the same tick of the file
 * system's clock without its stamp changing: such a file is always read again (as git does for
 * its index), never trusted from the memo.
 */
const RACY_MS = 2000;

/**
 * Lists the corpus and learns each document's text identity: from the memo, for a file whose
 * stamp is as the memo recorded (nothing is read), else by reading and decoding it (the text is
 * then kept on the entry for analysis, so nothing is read twice). A file that cannot be used
 * gets an error naming it and why; a document whose text repeats an earlier one's (see
 * {@link SameTexts}) gets a `duplicate` warning naming the earlier file and is not used.
 */
export async function scanCorpus(corpus: string, memo?: CorpusMemo): Promise<CorpusScan> {
  const { files, skipped } = await listCorpus(corpus);
  const entries: (DocumentFile | SkippedFile)[] = [...files, ...skipped].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const scanned: ScannedFile[] = [];
  const known: Record<string, KnownDocument> = {};
  const same = new SameTexts();
  const now = Date.now();
  for (const entry of entries) {
    if ('code' in entry) {
      scanned.push({ path: entry.path, file: '', messages: [error(entry.path, entry)] });
      continue;
    }
    const stamp = stampOf(entry.file);
    const remembered = memo?.documents[entry.path];
    const trusted = stamp && remembered && sameStamp(stamp, remembered.stamp);
    let found: ScannedFile;
    if (trusted) {
      found = {
        path: entry.path,
        file: entry.file,
        messages: [...remembered.messages],
        textKey: remembered.textKey,
      };
    } else {
      const read = await readDocument(entry.file);
      found = fromRead(entry, read);
    }
    if (found.textKey !== undefined) {
      if (stamp && now - stamp.mtimeMs > RACY_MS && now - stamp.ctimeMs > RACY_MS) {
        known[entry.path] = {
          stamp,
          textKey: found.textKey,
          messages: found.messages,
        };
      }
      const earlier = same.earlierByKey(entry.path, found.textKey);
      if (earlier !== undefined) found = duplicate(found, earlier);
    }
    scanned.push(found);
  }
  return { files: scanned, memo: { schema: 1, documents: known } };
}

/** A scanned file's text: the one the scan read, or the file read now. */
export async function textOf(
  scanned: ScannedFile,
): Promise<{ text: string; textKey: string } | { error: Message }> {
  if (scanned.text !== undefined && scanned.textKey !== undefined) {
    return { text: scanned.text, textKey: scanned.textKey };
  }
  const read = await readDocument(scanned.file);
  if (!read.ok) return { error: error(scanned.path, read) };
  return { text: read.text, textKey: sameTextKey(read.text) };
}

function fromRead(entry: DocumentFile, read: ReadOutcome): ScannedFile {
  if (!read.ok) return { path: entry.path, file: entry.file, messages: [error(entry.path, read)] };
  const messages: Message[] = read.warning
    ? [{ severity: 'warning', file: entry.path, ...read.warning }]
    : [];
  return {
    path: entry.path,
    file: entry.file,
    messages,
    textKey: sameTextKey(read.text),
    text: read.text,
  };
}

function duplicate(found: ScannedFile, earlier: string): ScannedFile {
  return {
    path: found.path,
    file: found.file,
    messages: [
      ...found.messages,
      {
        severity: 'warning',
        file: found.path,
        code: 'duplicate',
        reason: `same text as ${earlier}; cited once`,
      },
    ],
  };
}

function stampOf(file: string): FileStamp | null {
  try {
    const info = statSync(file);
    return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  } catch {
    return null;
  }
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

function error(file: string, problem: { code: string; reason: string }): Message {
  return { severity: 'error', file, code: problem.code, reason: problem.reason };
}
