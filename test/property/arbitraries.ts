/**
 * fast-check generators for the property tests: arbitrary text, and structured documents that
 * look like the corpus (Markdown with front matter, diplomatic cables, saved web articles,
 * plain text) built from news-like sentences with names, money, percentages, dates and quotes.
 */
import fc from 'fast-check';

/** Any string: UTF-16 code units (lone surrogates included), graphemes, or printable ASCII. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
  fc.string({ maxLength: 300 }),
);

/** Corpus-relative paths of each format's extensions (the extension decides Markdown). */
export const documentPath: fc.Arbitrary<string> = fc.constantFrom(
  'doc.md',
  'notes/Brief 1.markdown',
  'REPORT.MD',
  'doc.txt',
  'cables/08GUANGZHOU285.txt',
  '---.txt',
);

const word = fc.constantFrom(
  'the',
  'a',
  'company',
  'said',
  'on',
  'in',
  'and',
  'officials',
  'government',
  'expansion',
  'overseas',
  'launched',
  'counterfeit',
  'goods',
  'market',
  'raids',
  'trademark',
  'ministry',
  'signed',
  'agreement',
  'invest',
  'abroad',
  'e-commerce',
  'Alibaba',
  'Alibaba.com',
  'Jack Ma',
  'Carlos Alvarez',
  'Ms. Luo',
  'Mr. Alvarez',
  'Dr. Smith',
  'Wal-Mart Inc.',
  'Singapore Post (SingPost)',
  'Office of the U.S. Trade Representative (USTR)',
  'U.S.',
  'U.K.',
  'Mexico',
  'Mexico City',
  'China',
  "China's",
  'Guangdong',
  'Hangzhou',
  'Europe',
  'Promexico',
  '$3.5 billion',
  'USD 200 million',
  '¥5 trillion',
  '€40m',
  '14.4 percent',
  '1.44%',
  '$85.81',
  '700 to over 1,000 staff',
  'between 5 and 10 companies',
  '24 companies',
  '1,200 sellers',
  'May 16, 2008',
  '25 August 2018',
  '2018-08-25',
  'last September',
  'in early March',
  'in 2017',
  'by 2020',
  'Monday',
  '7:10 AM',
  'No. 3',
  'e.g.',
  'etc.',
  '...',
  '—',
  '(SBU)',
  '¶1.',
  '&amp;',
  `$${'9'.repeat(320)} billion`,
  '1e308 percent',
  '¥1,000,000,000,000,000,000,000,000 trillion',
  '１２３ companies',
  '-5 percent',
  '$.5 million',
  '3.5.6 million',
  '1,2,3 sellers',
  'February 30, 2019',
  'May 5, 999',
  'Sept. 31, 2018',
  '0000-00-00',
  '9999-12-31',
  '"',
  '“',
  '”',
  "'",
  '(',
  ')',
  'café',
  '阿里巴巴',
  '😀',
);

const speaker = fc.constantFrom('he said', 'said Jack Ma', 'she added', 'according to officials');

const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A news-like sentence; some carry a quotation in straight, curly or single marks. */
export const sentence: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: words(1, 14).map((s) => `${capitalize(s)}.`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(1, 10), speaker, fc.constantFrom(['"', '"'], ['“', '”'], ['‘', '’'], ["'", "'"]))
      .map(([quoted, who, [open, close]]) => `${open}${capitalize(quoted)},${close} ${who}.`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(1, 6), words(2, 10))
      .map(([who, quoted]) => `${capitalize(who)} said: “${capitalize(quoted)}.”`),
  },
  { weight: 1, arbitrary: words(1, 8).map((s) => `${capitalize(s)}?`) },
  { weight: 1, arbitrary: words(0, 8) },
);

/** A paragraph of one to five sentences, sometimes hard-wrapped. */
export const paragraph: fc.Arbitrary<string> = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([sentences, wrap]) => {
    const text = sentences.join(' ');
    return wrap ? text.replace(/(.{30,60}?) /g, '$1\n') : text;
  });

const frontMatter: fc.Arbitrary<string> = fc.oneof(
  fc
    .record(
      {
        title: fc.oneof(words(1, 6), fc.constantFrom('""', "''", '[a, b]', '42', 'null', '{}')),
        date: fc.constantFrom('2018-08-25', '2018-08', '2018', '2018-13-40', 'tomorrow', '0', ''),
        source: words(1, 3),
        author: fc.constantFrom('Jane Doe', '', '~'),
        classification: fc.constantFrom('UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'SECRET', ''),
        handling: fc.constantFrom('NOFORN', ''),
        tags: fc.constantFrom('[trade, ip]', 'trade, ip', '[]', '- a\n  - b'),
      },
      { requiredKeys: [] },
    )
    .map(
      (fields) =>
        `---\n${Object.entries(fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}\n---\n`,
    ),
  fc.constantFrom(
    '---\n---\n',
    '---\ntitle: [unclosed\n---\n',
    '---js\nmodule.exports = {}\n---\n',
    '+++\ntitle = "toml"\n+++\n',
    '---\ntitle: never closed\n',
    '---\n: : :\n---\n',
  ),
);

const markdownBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 6 }), words(0, 6))
      .map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.boolean(), fc.array(sentence, { minLength: 1, maxLength: 4 }))
      .map(([ordered, items]) =>
        items.map((item, i) => (ordered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n'),
      ),
  },
  { weight: 1, arbitrary: paragraph.map((p) => p.replace(/^/gm, '> ')) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(words(1, 3), words(1, 3)), { minLength: 1, maxLength: 4 })
      .map((rows) =>
        ['| Who | What |', '| --- | ---: |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('```', '~~~', '```js'), paragraph)
      .map(([fence, body]) => `${fence}\n${body}\n${fence.slice(0, 3)}`),
  },
  { weight: 1, arbitrary: paragraph.map((p) => `    ${p.replace(/\n/g, '\n    ')}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(1, 4), words(1, 4))
      .map(([a, b]) => `**${a}** _${b}_ [${a}](https://example.org/${encodeURI(b)}) \`${b}\``),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<div>raw html</div>',
      '![an image](x.png)',
      '---',
      '***',
      '[ref]: https://example.org',
      'Text with a footnote[^1].\n\n[^1]: The note.',
      'Escapes \\* \\_ \\# and &copy; &#169; &#xA9; &nbsp; entities.',
      'Line with a hard break  \nand the next line.',
      '- [ ] task\n- [x] done',
      '~~struck~~ and www.example.org autolink',
      '1) one\n2) two',
    ),
  },
);

/** A Markdown document: optional front matter, then headings, lists, quotes, tables, code. */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(frontMatter, { nil: '' }),
    fc.array(markdownBlock, { minLength: 0, maxLength: 8 }),
    fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n'),
  )
  .map(([front, blocks, gap]) => front + blocks.join(gap));

const cableParagraph: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('(SBU) ', '(U) ', '(C) ', '(SBU//NF) ', ''), paragraph)
  .map(([marking, body]) => `${marking}${body}`);

/** A diplomatic cable: header block, routing, SUBJECT, handling, numbered paragraphs, signer. */
export const cableDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    words(1, 8).map((s) => s.toUpperCase()),
    fc.array(cableParagraph, { minLength: 0, maxLength: 6 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([labelled, subject, paragraphs, pageBreak, signer]) => {
    const header = labelled
      ? 'Identifier\nCreated\nClassification\nOrigin\n08GUANGZHOU285\n2008-05-16 08:44:00\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\nConsulate Guangzhou\n'
      : 'Reference ID: 08GUANGZHOU285\nClassification: UNCLASSIFIED\n';
    const routing = `UNCLAS SECTION 01 OF 02 GUANGZHOU 000285\n\nSENSITIVE\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: EINT ECON PGOV CH\nSUBJECT: ${subject}\n\nREF: GUANGZHOU 249\n\n(U) THIS DOCUMENT IS SENSITIVE BUT UNCLASSIFIED.\n\n`;
    const body = paragraphs
      .map(
        (p, i) =>
          `${i + 1}. ${p}${pageBreak && i === 0 ? '\n\nGUANGZHOU 00000285  002 OF 002\n' : ''}`,
      )
      .join('\n\n');
    return `${header}${routing}${body}${signer ? '\n\nGOLDBERG\n' : ''}`;
  });

/** A saved web article: date breadcrumb, headline, timestamp, photo credit, `[CITY]` dateline. */
export const webArticle: fc.Arbitrary<string> = fc
  .tuple(
    words(2, 8),
    fc.constantFrom('Sat, Aug 25, 2018 - 7:10 AM', '25 August 2018', ''),
    fc.constantFrom('PHOTO: REUTERS', 'Jane Doe / Getty Images', ''),
    fc.constantFrom('[MEXICO CITY] ', '[SINGAPORE] ', ''),
    fc.array(paragraph, { minLength: 0, maxLength: 5 }),
  )
  .map(
    ([headline, stamp, photo, city, paragraphs]) =>
      ` date 2018-08-25 You are here\n\n${capitalize(headline)}\n\n${stamp}\n\n${photo}\n\n${city}${paragraphs.join('\n\n')}\n\nBusiness\n`,
  );

/** Plain text: hard-wrapped paragraphs, or one paragraph per line with short headings. */
export const plainText: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(
      words(1, 5).map((s) => capitalize(s)),
      { nil: '' },
    ),
    fc.array(fc.oneof(paragraph, words(1, 4)), { minLength: 0, maxLength: 8 }),
    fc.constantFrom('\n\n', '\n'),
  )
  .map(([title, paragraphs, gap]) => (title ? `${title}\n\n` : '') + paragraphs.join(gap));

/** A structured document of any format, as generated. */
export const structuredDocument: fc.Arbitrary<string> = fc.oneof(
  markdownDocument,
  cableDocument,
  webArticle,
  plainText,
);

/** A structured document with random text spliced in at a few places (broken markup, odd bytes). */
export const mutatedDocument: fc.Arbitrary<string> = fc
  .tuple(
    structuredDocument,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 20 }),
        anyText.map((s) => s.slice(0, 20)),
      ),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((acc, [at, cut, insert]) => {
      const i = acc.length === 0 ? 0 : at % (acc.length + 1);
      return acc.slice(0, i) + insert + acc.slice(i + cut);
    }, text),
  );

/** Any document text: arbitrary strings, structured documents, and structured ones mutated. */
export const documentText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: anyText },
  { weight: 3, arbitrary: structuredDocument },
  { weight: 2, arbitrary: mutatedDocument },
);

/** A path and a text whose extension suits it (cables and web articles as `.txt`). */
export const pathAndText: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(documentPath, documentText),
  fc.tuple(fc.constantFrom('doc.md', 'a/b.markdown'), markdownDocument),
  fc.tuple(fc.constantFrom('cable.txt'), fc.oneof(cableDocument, mutatedDocument)),
  fc.tuple(fc.constantFrom('article.txt'), webArticle),
);
