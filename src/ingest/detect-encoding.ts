import { analyse } from 'chardet';
import { decodeWindows1252 } from './windows-1252.js';

/** Bytes of a file the detector looks at, from just before its first non-ASCII byte. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/**
 * Confidence (0–100) a detected encoding needs to be used. A page of GB18030, Big5 or
 * Windows-1252 text scores 80–100; a few characters, or bytes that are no text at all,
 * score well below.
 */
export const MIN_CONFIDENCE = 50;

/**
 * Most characters per thousand, in the decoded text, that text does not have (C0 and C1
 * controls other than tab and line breaks, and U+FFFD for undecodable bytes).
 */
const MAX_STRAY_PER_MILLE = 5;

/** A legacy encoding told from the bytes, with the decoded text, or the best guess that failed. */
export type Detection =
  | { ok: true; encoding: string; text: string }
  | { ok: false; guess: string | null; confidence: number };

/**
 * Tells the encoding of bytes that are not UTF-8 (Windows-1252, Latin-1, GB18030, Big5,
 * Shift_JIS, …) with chardet on a sample, then decodes them. A guess is used only when it is
 * confident enough and the decoded text looks like text; otherwise it fails with the best
 * guess, so that garbage is reported instead of read.
 */
export function detectEncoding(bytes: Uint8Array): Detection {
  const matches = analyse(sampleOf(bytes));
  for (const match of matches) {
    if (match.confidence < MIN_CONFIDENCE) break;
    const decode = decoderFor(match.name);
    if (!decode) continue;
    const text = decode(bytes);
    if (looksLikeText(text)) return { ok: true, encoding: displayName(match.name), text };
  }
  const best = matches[0];
  return {
    ok: false,
    guess: best ? displayName(best.name) : null,
    confidence: best?.confidence ?? 0,
  };
}

/** The part of the bytes that tells their encoding: from just before the first non-ASCII byte. */
function sampleOf(bytes: Uint8Array): Uint8Array {
  const firstHigh = bytes.findIndex((b) => b >= 0x80);
  const start = Math.max(0, firstHigh - 1024);
  return bytes.subarray(start, start + ENCODING_SAMPLE_BYTES);
}

/** A decoder for a detected encoding; none for UTF-8/16/32 guesses (handled before detection). */
function decoderFor(name: string): ((bytes: Uint8Array) => string) | null {
  if (/^(?:UTF|ASCII)/i.test(name)) return null;
  try {
    const decoder = new TextDecoder(name);
    return decoder.encoding === 'windows-1252'
      ? decodeWindows1252
      : (bytes) => decoder.decode(bytes);
  } catch {
    return null; // an encoding the runtime cannot decode (ISO-2022-KR, generic `mbcs`, …)
  }
}

/** True when few characters of the text are controls or U+FFFD. */
export function looksLikeText(text: string): boolean {
  let stray = 0;
  for (let i = 0; i < text.length; i++) if (isStray(text.charCodeAt(i))) stray++;
  return stray * 1000 <= text.length * MAX_STRAY_PER_MILLE;
}

function isStray(code: number): boolean {
  return (
    code <= 0x08 ||
    (code >= 0x0e && code <= 0x1f) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xfffd
  );
}

function displayName(name: string): string {
  return name.replace(/^windows-/, 'Windows-');
}
