import { readFile } from 'node:fs/promises';

/** The decoded text of a file, or why it cannot be read as text. */
export type ReadOutcome =
  | { ok: true; text: string; warning?: { code: string; reason: string } }
  | { ok: false; code: string; reason: string };

const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** Reads a corpus file and decodes it as text; binary, empty and unreadable files are refused. */
export async function readDocument(file: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, code: 'unreadable', reason: `cannot read the file (${code})` };
  }
  return decode(bytes);
}

/** Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252. */
export function decode(bytes: Uint8Array): ReadOutcome {
  const kind = SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
  if (kind) return { ok: false, code: 'not-text', reason: `not a text document: it is ${kind[0]}` };
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    return { ok: false, code: 'not-text', reason: 'not a text document: it contains binary data' };
  }
  let text: string;
  let warning: { code: string; reason: string } | undefined;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    warning = { code: 'encoding', reason: 'not valid UTF-8; read as Windows-1252' };
  }
  if (text.trim() === '') return { ok: false, code: 'empty-file', reason: 'the file is empty' };
  return warning ? { ok: true, text, warning } : { ok: true, text };
}
