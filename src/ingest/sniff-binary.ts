const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['an empty ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['an old Office document (OLE2)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
];

/** How much of the start of a file is searched for NUL bytes, which text never has. */
const NUL_WINDOW = 8192;

/**
 * What kind of binary file the bytes are (`a PNG image`, …), from their signature or a NUL byte
 * near the start; `null` when they may be text. Call it only on bytes without a UTF-16 byte-order
 * mark, as UTF-16 text is full of NUL bytes.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  const signed = SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
  if (signed) return signed[0];
  if (bytes.subarray(0, NUL_WINDOW).includes(0)) {
    return 'binary data (it has NUL bytes; UTF-16 text needs a byte-order mark)';
  }
  return null;
}
