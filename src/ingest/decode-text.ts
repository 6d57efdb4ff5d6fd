import { binaryKind } from './sniff-binary.js';
import { detectEncoding, looksLikeText } from './detect-encoding.js';

/** A caveat about a document that was read (re-encoded, repaired); `line` where known. */
export interface ReadWarning {
  code: string;
  reason: string;
  line?: number;
}

/** The decoded text of a file, or why it cannot be read as text. */
export type ReadOutcome =
  { ok: true; text: string; warning?: ReadWarning } | { ok: false; code: string; reason: string };

/**
 * Decodes a file's bytes as text. Text is never invented: what cannot be told is refused.
 *
 * - A known binary format (PNG, PDF, ZIP, …) or NUL bytes: refused (`not-text`, an error).
 * - UTF-8, with or without a byte-order mark: read as it is.
 * - UTF-16 with a byte-order mark (LE or BE): read, with an `encoding` warning (refused as
 *   `not-text` when what follows the mark is no UTF-16 text).
 * - UTF-8 with a few invalid bytes (its valid multi-byte characters outnumber the invalid
 *   sequences): each invalid sequence becomes U+FFFD, with an `invalid-utf8` warning at the
 *   line of the first.
 * - Anything else is a legacy encoding: detected (see {@link detectEncoding}) and read with an
 *   `encoding` warning naming it ("not UTF-8; read as GB18030"), or, when it cannot be told
 *   with confidence or decodes to garbage, refused (`unknown-encoding`, an error).
 * - Nothing but whitespace: refused (`empty-file`, an error).
 */
export function decode(bytes: Uint8Array): ReadOutcome {
  const utf16 = utf16ByBom(bytes);
  const binary = utf16 ? null : binaryKind(bytes);
  if (binary) {
    return { ok: false, code: 'not-text', reason: `not a text document: it is ${binary}` };
  }
  const decoded = utf16 ? decodeUtf16(bytes, utf16) : decodeUnmarked(bytes);
  if ('code' in decoded) return decoded;
  if (decoded.text.trim() === '') {
    const reason = bytes.length === 0 ? 'the file is empty' : 'the file holds only whitespace';
    return { ok: false, code: 'empty-file', reason };
  }
  return decoded.warning ? { ok: true, ...decoded } : { ok: true, text: decoded.text };
}

function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

type Decoded =
  { text: string; warning?: ReadWarning } | { ok: false; code: string; reason: string };

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding).decode(bytes);
  const name = encoding.toUpperCase();
  if (!looksLikeText(text)) {
    const reason = `not a text document: it opens with a ${name} byte-order mark, but is no ${name} text`;
    return { ok: false, code: 'not-text', reason };
  }
  return {
    text,
    warning: { code: 'encoding', reason: `not UTF-8; read as ${name} (byte-order mark)` },
  };
}

function decodeUnmarked(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // not valid UTF-8: damaged UTF-8, or another encoding
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const damage = utf8Damage(lenient);
  if (damage.valid > damage.invalid) {
    const s = damage.invalid === 1 ? '' : 's';
    return {
      text: lenient,
      warning: {
        code: 'invalid-utf8',
        line: damage.firstLine,
        reason: `not valid UTF-8: ${damage.invalid} invalid byte sequence${s} read as "\uFFFD"`,
      },
    };
  }
  const detected = detectEncoding(bytes);
  if (detected.ok) {
    return {
      text: detected.text,
      warning: { code: 'encoding', reason: `not UTF-8; read as ${detected.encoding}` },
    };
  }
  const guess = detected.guess
    ? ` (best guess ${detected.guess}, ${detected.confidence}% sure)`
    : '';
  return {
    ok: false,
    code: 'unknown-encoding',
    reason: `not UTF-8, and its encoding cannot be told${guess}; not read`,
  };
}

/** Counts the invalid sequences (U+FFFD) and the valid non-ASCII characters of lenient UTF-8. */
function utf8Damage(text: string): { invalid: number; valid: number; firstLine: number } {
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid++;
    // A character, not a control (C1) or the second half of a surrogate pair.
    else if (code >= 0xa0 && (code < 0xdc00 || code > 0xdfff)) valid++;
  }
  const first = text.indexOf('\uFFFD');
  const firstLine = text.slice(0, first).split('\n').length;
  return { invalid, valid, firstLine };
}
