import { mkdtemp, readFile, symlink, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus, ingestText } from '../src/ingest/ingest.js';
import { decode } from '../src/ingest/decode-text.js';
import { parsePieces } from '../src/ingest/parse-pieces.js';
import { parseBlocks } from '../src/ingest/parse-blocks.js';
import { SameTexts } from '../src/ingest/same-text.js';
import { PIECE_LINES } from '../src/ingest/limits.js';
import type { SourceDocument } from '../src/model.js';
import { corpus, fixture, SAMPLE } from './helpers/paths.js';

const BOILERPLATE = [
  'SIPDIS',
  'VZCZCXRO5950',
  'RUEHGZ',
  'UNCLAS SECTION',
  'GUANGZHOU 00000285',
  'E.O. 12958',
  'STATE PASS USTR',
  'You are here',
  'PHOTO: REUTERS',
  '[MEXICO CITY]',
  'GOLDBERG',
  'End Summary',
];

async function sample(name: string): Promise<SourceDocument> {
  const text = await readFile(path.join(corpus, name), 'utf8');
  const { document } = ingestText(name, text);
  if (!document) throw new Error(`${name} was not ingested`);
  return document;
}

const bodyText = (doc: SourceDocument) => doc.blocks.map((b) => b.text).join('\n');

describe('ingest: every block maps back to the original text', () => {
  it.each(Object.values(SAMPLE))('%s: offsets point at the same characters', async (name) => {
    const doc = await sample(name);
    for (const block of doc.blocks) {
      expect(block.offsets).toHaveLength(block.text.length + 1);
      [...block.text].forEach((char, i) => {
        if (char !== ' ') expect(doc.text[block.offsets[i]!]).toBe(char);
      });
    }
  });
});

describe('ingest: diplomatic cable', () => {
  it('reads the header: full SUBJECT title, date, classification, origin, handling, signer', async () => {
    const doc = await sample(SAMPLE.cable);
    expect(doc.format).toBe('cable');
    expect(doc.meta.title).toBe(
      'Guangdong Courts Alibaba to Be the Canton Trade Fair That Never Closes',
    );
    expect(doc.meta.date).toBe('2008-05-16');
    expect(doc.meta.dateFrom).toBe('header');
    expect(doc.meta.classification).toBe('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(doc.meta.source).toBe('Consulate Guangzhou');
    expect(doc.meta.handling).toMatch(
      /SENSITIVE BUT UNCLASSIFIED.*OUTSIDE U\.S\. GOVERNMENT CHANNELS/,
    );
    expect(doc.meta.author).toBe('Goldberg');
  });

  it('keeps numbered paragraphs with their portion markings and joins a paragraph broken by a page', async () => {
    const doc = await sample(SAMPLE.cable);
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(paragraphs.every((p) => p.marking === 'SBU')).toBe(true);
    expect(paragraphs[2]!.text).toContain(
      'lobbying campaign began in February 2008, when he visited',
    );
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain(
      'Wang Yang Was the Key Proponent in Courting Alibaba',
    );
  });

  it('lets no boilerplate through', async () => {
    const text = bodyText(await sample(SAMPLE.cable));
    for (const junk of BOILERPLATE) expect(text).not.toContain(junk);
    expect(text).not.toContain('(SBU)');
    expect(text).not.toContain('THIS DOCUMENT IS SENSITIVE');
  });
});

describe('ingest: web article', () => {
  it('reads the page date and headline and drops the page chrome', async () => {
    const doc = await sample(SAMPLE.mexico);
    expect(doc.format).toBe('web-article');
    expect(doc.meta.title).toBe('Mexico government seeking companies for Alibaba e-commerce deal');
    expect(doc.meta.date).toBe('2018-08-25');
    const text = bodyText(doc);
    for (const junk of BOILERPLATE) expect(text).not.toContain(junk);
    expect(text).not.toMatch(/Sat, Aug 25, 2018/);
    expect(text).not.toMatch(/\bConsumer$/);
    expect(doc.blocks[0]!.text).toMatch(/^Nearly a year after Mexico's government/);
  });
});

describe('ingest: plain text without a headline', () => {
  it('reads one paragraph per line and short unpunctuated lines as headings', async () => {
    const doc = await sample(SAMPLE.korea);
    expect(doc.meta.title).toBeUndefined();
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'Alibaba rubbishes reports of launching the service next month',
      'Alibaba agreed to boost cooperation with South Korea',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(6);
  });
});

describe('ingest: Markdown', () => {
  it('reads YAML front matter as data and strips markup, keeping offsets', async () => {
    const { documents, messages } = await ingestCorpus(fixture('markdown', 'corpus'));
    expect(messages).toEqual([]);
    const doc = documents[0]!;
    expect(doc.meta).toMatchObject({
      title: "Quarterly note: Zenith's enforcement push",
      date: '2023-06-30',
      dateFrom: 'front-matter',
      source: 'Zenith Research Desk',
      author: 'Dana Whitfield',
      classification: 'INTERNAL',
      tags: ['zenith', 'counterfeits'],
    });
    const text = bodyText(doc);
    expect(text).toContain('said on June 12, 2023 that customs officers');
    expect(text).toContain('press release & more *details*.');
    expect(text).not.toContain('**');
    expect(text).not.toContain('title:');
  });

  it('never evaluates a code-engine front matter and reports it', () => {
    const { document, messages } = ingestText(
      'doc.md',
      '---js\n{ title: process.exit(1) }\n---\n\nBody text of the document is here.\n',
    );
    expect(messages[0]).toMatchObject({ code: 'front-matter-engine', file: 'doc.md', line: 1 });
    expect(document?.meta).toEqual({});
    expect(document?.blocks.map((b) => b.text)).toEqual(['Body text of the document is here.']);
  });
});

describe('ingest: bad input', () => {
  it('names each broken file and still reads the rest', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-bad-'));
    await cp(fixture('bad-input', 'corpus'), dir, { recursive: true });
    await symlink(path.join(dir, 'missing-target.txt'), path.join(dir, 'dangling.txt'));
    const { documents, messages } = await ingestCorpus(dir);
    expect(documents.map((d) => d.path).sort()).toEqual(['broken-front-matter.md', 'good.md']);
    const byFile = Object.fromEntries(messages.map((m) => [m.file, m]));
    expect(byFile['empty.txt']).toMatchObject({ severity: 'error', code: 'empty-file' });
    expect(byFile['whitespace-only.md']).toMatchObject({ severity: 'error', code: 'empty-file' });
    expect(byFile['picture.txt']).toMatchObject({ severity: 'error', code: 'not-text' });
    expect(byFile['picture.txt']!.reason).toContain('PNG');
    expect(byFile['dangling.txt']).toMatchObject({ severity: 'error', code: 'unreadable' });
    expect(byFile['broken-front-matter.md']).toMatchObject({
      severity: 'warning',
      code: 'front-matter-invalid',
    });
    expect(byFile['broken-front-matter.md']!.line).toBeGreaterThanOrEqual(2);
    const broken = documents.find((d) => d.path === 'broken-front-matter.md')!;
    expect(broken.blocks[0]!.text).toMatch(/^Acme Robotics signed/);
  });
});

describe('ingest: decoding', () => {
  it('reads UTF-8 with a byte-order mark silently, without the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café in Paris.')]);
    expect(decode(bytes)).toEqual({ ok: true, text: 'Café in Paris.' });
  });

  it('refuses UTF-16 without a byte-order mark as binary, saying why', () => {
    const read = decode(Buffer.from('Acme opened an office in Lima.', 'utf16le'));
    expect(read).toMatchObject({ ok: false, code: 'not-text' });
    expect(!read.ok && read.reason).toMatch(/byte-order mark/);
  });
});

describe('ingest: the same text under two names', () => {
  it('ignores line endings, trailing blanks and blank lines at the ends, nothing else', () => {
    const seen = new SameTexts();
    expect(seen.earlier('a.txt', 'One line.\nTwo lines.\n')).toBeUndefined();
    expect(seen.earlier('b.txt', '\n\nOne line.  \r\nTwo lines.\t\r\n\r\n')).toBe('a.txt');
    expect(seen.earlier('c.txt', 'One line.\n Two lines.\n')).toBeUndefined();
  });
});

describe('ingest: long texts are parsed in pieces', () => {
  const paragraph = (i: number) => `Paragraph ${i} says that Acme opened office ${i}.`;
  const fenced = ['```', ...Array.from({ length: 3 * PIECE_LINES }, (_, i) => `code ${i}`), '```'];
  const lines = [
    ...Array.from({ length: PIECE_LINES }, (_, i) => [paragraph(i), '']).flat(),
    ...fenced,
    '',
    ...Array.from({ length: PIECE_LINES }, (_, i) => [paragraph(PIECE_LINES + i), '']).flat(),
  ];
  const text = lines.join('\n');

  it('covers the text, cutting only between paragraphs and never inside fenced code', () => {
    const pieces = parsePieces(text, [0, text.length]);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]![0]).toBe(0);
    expect(pieces[pieces.length - 1]![1]).toBe(text.length);
    const fenceStart = text.indexOf('```');
    const fenceEnd = text.lastIndexOf('```');
    pieces.slice(1).forEach(([start], i) => {
      expect(start).toBe(pieces[i]![1]);
      expect(text.slice(start - 2, start)).toBe('\n\n');
      expect(start <= fenceStart || start > fenceEnd).toBe(true);
    });
  });

  it('gives the blocks one parse of the whole would give', () => {
    const blocks = parseBlocks(text).map((b) => b.text);
    expect(blocks).toEqual(Array.from({ length: 2 * PIECE_LINES }, (_, i) => paragraph(i)));
  });

  it('leaves a text of up to the piece size in one piece', () => {
    const short = lines.slice(0, PIECE_LINES).join('\n');
    expect(parsePieces(short, [0, short.length])).toEqual([[0, short.length]]);
  });
});

describe('raw HTML in Markdown', () => {
  it('drops tags and what <script> and <style> wrap, keeping the prose around them', () => {
    const { document } = ingestText(
      'page.md',
      'Alibaba said <script>fetch("http://127.0.0.1:9/x")</script> it would expand. ' +
        '<style>@import url(http://127.0.0.1:9/y)</style>Then <b>bold</b> text.\n\n' +
        'Second <script src="http://127.0.0.1:9/z"></script> paragraph.',
    );
    expect(document?.blocks.map((block) => block.text)).toEqual([
      'Alibaba said it would expand. Then bold text.',
      'Second paragraph.',
    ]);
  });
});
