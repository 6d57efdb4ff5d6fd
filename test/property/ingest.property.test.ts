import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/read-document.js';
import { ingestText } from '../../src/ingest/ingest.js';
import { anyText, documentPath, pathAndText } from './arbitraries.js';
import { blockProblems, holds, ingestProblems } from './well-formed.js';

/** Bytes of every kind: random, UTF-8 text, and random tails behind BOMs and file signatures. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
  fc
    .tuple(
      fc.constantFrom(
        [0xff, 0xfe],
        [0xfe, 0xff],
        [0xef, 0xbb, 0xbf],
        [0x89, 0x50, 0x4e, 0x47],
        [0x25, 0x50, 0x44, 0x46],
        [0x1f, 0x8b],
      ),
      fc.uint8Array({ maxLength: 200 }),
    )
    .map(([head, tail]) => Uint8Array.from([...head, ...tail])),
);

describe('property: decode', () => {
  it('never throws on any bytes and returns text or a reason', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const outcome = decode(input);
        if (outcome.ok) {
          expect(typeof outcome.text).toBe('string');
          expect(outcome.text.trim()).not.toBe('');
          if (outcome.warning) {
            expect(outcome.warning).toMatchObject({
              code: expect.any(String),
              reason: expect.any(String),
            });
          }
        } else {
          expect(outcome.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
          expect(typeof outcome.reason).toBe('string');
          expect(outcome.reason).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any UTF-8 text as it was written', () => {
    // Text that opens like a file signature (`%PDF`, `GIF8`) is refused as that kind of file,
    // and a leading BOM is not part of the text.
    const signatures = ['\uFEFF', '%PDF', 'GIF8', 'PK\u0003\u0004'];
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .filter(
        (s) =>
          !signatures.some((head) => s.startsWith(head)) && !s.includes('\0') && s.trim() !== '',
      );
    fc.assert(
      fc.property(text, (s) => {
        expect(decode(new TextEncoder().encode(s))).toEqual({ ok: true, text: s });
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: ingestText', () => {
  it('never throws on any string; blocks map back into the text', () => {
    fc.assert(
      fc.property(documentPath, anyText, (path, text) =>
        holds(ingestProblems(path, text, ingestText(path, text))),
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on generated documents; blocks map back into the text', () => {
    fc.assert(
      fc.property(pathAndText, ([path, text]) =>
        holds(ingestProblems(path, text, ingestText(path, text))),
      ),
      { numRuns: 400 },
    );
  });

  // Counterexamples the properties found (characters outside the BMP: two UTF-16 code units).
  it('maps a character outside the BMP to two offsets', () => {
    const text = '😀 rose.';
    const block = ingestText('doc.md', text).document?.blocks[0];
    expect(block).toMatchObject({ text, start: 0, end: text.length });
    expect(block?.offsets).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps offsets in order when a character outside the BMP precedes a replaced one', () => {
    const text = '😀\0';
    const block = ingestText('doc.md', text).document!.blocks[0]!;
    expect(blockProblems(block, text, 0)).toEqual([]);
  });
});
