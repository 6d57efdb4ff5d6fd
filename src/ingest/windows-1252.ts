/** What Windows-1252 bytes 0x80–0x9F stand for (the five it leaves undefined stay controls). */
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes Windows-1252 (the encoding the WHATWG standard also uses for Latin-1). Node 20's
 * `TextDecoder('windows-1252')` reads bytes 0x80–0x9F as Latin-1 control characters, which
 * loses curly quotes, dashes and the euro sign, so they are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (char) => HIGH[char.charCodeAt(0) - 0x80]!);
}
