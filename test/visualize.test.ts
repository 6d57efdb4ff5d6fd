import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, BriefingActor, BriefingItem } from '../src/model.js';
import { chartsFor } from '../src/visualize/charts.js';
import { longDate, parseDate, shortDate } from '../src/visualize/dates.js';
import { finishSvg, isInert } from '../src/visualize/finish-svg.js';
import { itemLabel, stripLeadIns } from '../src/visualize/labels.js';
import { chartedActors } from '../src/visualize/places.js';
import { datedDevelopments, timelineChart } from '../src/visualize/timeline.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/visualize/briefing.json', import.meta.url));

let sample: Briefing;

beforeAll(async () => {
  sample = JSON.parse(await readFile(FIXTURE, 'utf8')) as Briefing;
});

/** A deep copy of the fixture with some fields replaced. */
function briefing(patch: Partial<Briefing> = {}): Briefing {
  return { ...structuredClone(sample), ...patch };
}

function item(text: string, date: string | null, extra: Partial<BriefingItem> = {}): BriefingItem {
  return { text, date, citations: [1], ...extra };
}

function actor(name: string, mentions: number, type: BriefingActor['type']): BriefingActor {
  return { name, type, mentions, documents: ['d1'], context: '', citations: [1] };
}

const HOSTILE =
  'Officials said <script>alert(1)</script> & "quoted" \'single\' ]]> <![CDATA[x]]> ' +
  'onload=alert(2) href="http://evil.example/" url(http://evil.example/x.png) ' +
  'javascript:alert(3) @import "x.css"; </svg><svg onload=alert(4)>';

/**
 * Checks that `xml` is one well-formed XML element: tags nest and close, attributes are
 * quoted and unique, `<` never appears raw in text or values, every `&` starts a valid
 * reference, and `]]>` never appears in text. Returns a description of the first fault.
 */
function xmlFault(xml: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const isNameChar = (c: string) =>
    (c >= 'a' && c <= 'z') ||
    (c >= 'A' && c <= 'Z') ||
    (c >= '0' && c <= '9') ||
    c === '-' ||
    c === '_' ||
    c === ':' ||
    c === '.';
  const readName = (): string => {
    const start = i;
    while (i < xml.length && isNameChar(xml[i]!)) i += 1;
    return xml.slice(start, i);
  };
  const checkText = (text: string): string | null => {
    if (text.includes('<')) return 'raw < in text';
    if (text.includes(']]>')) return 'raw ]]> in text';
    let at = text.indexOf('&');
    while (at !== -1) {
      const end = text.indexOf(';', at);
      const ref = end === -1 ? '' : text.slice(at + 1, end);
      const known = ['amp', 'lt', 'gt', 'quot', 'apos'].includes(ref);
      const numeric =
        (ref.startsWith('#x') &&
          ref.length > 2 &&
          [...ref.slice(2)].every((c) => '0123456789abcdefABCDEF'.includes(c))) ||
        (ref.startsWith('#') &&
          ref.length > 1 &&
          [...ref.slice(1)].every((c) => c >= '0' && c <= '9'));
      if (!known && !numeric) return `bad reference &${ref.slice(0, 10)}`;
      at = text.indexOf('&', end);
    }
    return null;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') return 'text outside the root';
    const textFault = checkText(text);
    if (textFault) return textFault;
    if (lt === -1) break;
    i = lt + 1;
    if (xml[i] === '/') {
      i += 1;
      const name = readName();
      if (xml[i] !== '>') return `junk in </${name}>`;
      i += 1;
      if (stack.pop() !== name) return `</${name}> does not close the open element`;
      continue;
    }
    if (xml[i] === '!' || xml[i] === '?') return 'declaration, comment or CDATA inside the SVG';
    const name = readName();
    if (name === '') return 'empty tag name';
    if (stack.length === 0) roots += 1;
    const seen = new Set<string>();
    for (;;) {
      const before = i;
      while (xml[i] === ' ' || xml[i] === '\n' || xml[i] === '\t') i += 1;
      if (xml[i] === '>') {
        i += 1;
        stack.push(name);
        break;
      }
      if (xml[i] === '/' && xml[i + 1] === '>') {
        i += 2;
        break;
      }
      if (i === before) return `no space before an attribute of <${name}>`;
      const attr = readName();
      if (attr === '' || xml[i] !== '=') return `malformed attribute in <${name}>`;
      if (seen.has(attr)) return `duplicate attribute ${attr} in <${name}>`;
      seen.add(attr);
      const quote = xml[i + 1];
      if (quote !== '"' && quote !== "'") return `unquoted attribute ${attr}`;
      const end = xml.indexOf(quote, i + 2);
      if (end === -1) return `unterminated attribute ${attr}`;
      const valueFault = checkText(xml.slice(i + 2, end));
      if (valueFault) return `${valueFault} (attribute ${attr})`;
      i = end + 1;
    }
  }
  if (stack.length > 0) return `unclosed <${stack.join('><')}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** The root element's attributes. */
function rootAttributes(svg: string): Record<string, string> {
  const open = /^<svg\b([^>]*)>/.exec(svg)?.[1] ?? '';
  return Object.fromEntries([...open.matchAll(/\s([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The text content of every `<text>` (tspans joined by a space), entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<\/tspan><tspan[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** Number of drawn marks of a Vega mark type (`symbol`, `rect`, …) in the data layers. */
function marks(svg: string, type: string): number {
  const groups = [
    ...svg.matchAll(
      new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>([\\s\\S]*?)</g>`, 'g'),
    ),
  ];
  return groups.reduce((n, g) => n + (g[1]!.match(/<path\b/g)?.length ?? 0), 0);
}

describe('dates', () => {
  it('turns each precision into the span it covers, in UTC', () => {
    expect(parseDate('2015')).toEqual({
      precision: 'year',
      start: Date.UTC(2015, 0, 1),
      end: Date.UTC(2016, 0, 1),
    });
    expect(parseDate('2008-02')).toEqual({
      precision: 'month',
      start: Date.UTC(2008, 1, 1),
      end: Date.UTC(2008, 2, 1),
    });
    expect(parseDate('2008-05-16')).toEqual({
      precision: 'day',
      start: Date.UTC(2008, 4, 16),
      end: Date.UTC(2008, 4, 17),
    });
  });

  it('rejects what is not a date', () => {
    for (const bad of [
      null,
      '',
      '2008-13',
      '2008-02-30',
      '2008-00-10',
      '16 May 2008',
      '2008-5-1',
    ]) {
      expect(parseDate(bad)).toBeNull();
    }
  });

  it('writes a date at its own precision', () => {
    expect(shortDate(parseDate('2008-05-16')!)).toBe('16 May 2008');
    expect(shortDate(parseDate('2008-02')!)).toBe('Feb 2008');
    expect(shortDate(parseDate('2015')!)).toBe('2015');
    expect(longDate(parseDate('2008-02')!)).toBe('February 2008');
  });
});

describe('labels', () => {
  it('drops reporting lead-ins', () => {
    expect(
      stripLeadIns("She explained that Wang's lobbying campaign began in February 2008."),
    ).toBe("Wang's lobbying campaign began in February 2008.");
    expect(
      stripLeadIns(
        'In addition to Wang, Luo noted, several other prominent officials were advocates.',
      ),
    ).toBe('Several other prominent officials were advocates.');
    expect(stripLeadIns('Alibaba opened an office.')).toBe('Alibaba opened an office.');
  });

  it('carries the marking and the citations, and fits the lines', () => {
    const lines = itemLabel(
      item(
        'Wang and other delegates from Guangdong also met with Alibaba’s CEO, Ma Yun, during the National People’s Congress in early March in Beijing.',
        '2008-03',
        {
          marking: 'SBU',
          citations: [3, 4],
        },
      ),
      26,
      2,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\(SBU\) Wang and other/);
    expect(lines[1]).toMatch(/… \[3, 4\]$/);
  });
});

describe('timeline', () => {
  it('draws the dated developments in date order, with an accessible summary', async () => {
    const { timeline } = await chartsFor(sample);
    expect(timeline).not.toBeNull();
    const svg = timeline!;
    expect(xmlFault(svg)).toBeNull();
    const root = rootAttributes(svg);
    expect(root.role).toBe('img');
    expect(root['aria-label']).toBe(
      'Timeline of 6 dated developments from February 2008 to 25 August 2018.',
    );
    expect(svg).toContain(`<title>${root['aria-label']}</title>`);
    expect(svg).toMatch(/<desc>February 2008: \(SBU\) She explained that Wang&apos;s lobbying/);

    const shown = texts(svg);
    const dates = ['Feb 2008', 'Mar 2008', '16 May 2008', '2015', 'Sep 2017', '25 Aug 2018'];
    const at = dates.map((d) => shown.indexOf(d));
    expect(at.every((n) => n >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(shown).toContain('Exact day');
    expect(shown.some((t) => t.startsWith('(SBU) Local officials from Foshan'))).toBe(true);
    expect(shown.some((t) => t.includes('[6]'))).toBe(true);
    expect(shown.some((t) => t.includes('1 undated development not shown'))).toBe(true);
    // The undated development is not drawn.
    expect(shown.some((t) => t.includes('Promexico'))).toBe(false);
  });

  it('draws exact days as dots and months and years as spans', async () => {
    const svg = (await chartsFor(sample)).timeline!;
    // Two exact days plus the key's dot; four spans (three months, one year) plus the key's bar.
    expect(marks(svg, 'symbol')).toBe(3);
    expect(marks(svg, 'rect')).toBe(5);
    const def = timelineChart(sample)!;
    const rows = datedDevelopments(sample);
    const year = rows.find((r) => r.item.date === '2015')!;
    expect(year.span.end - year.span.start).toBe(365 * 86_400_000);
    expect(def.description).toContain('2015: Alibaba set up');
  });

  it('is null with fewer than two dated developments', async () => {
    const one = briefing({
      developments: [item('Alibaba opened an office.', '2008-05-16'), item('Undated.', null)],
    });
    expect((await chartsFor(one)).timeline).toBeNull();
    const bad = briefing({
      developments: [item('A.', '2008-13'), item('B.', 'May 2008'), item('C.', '2009')],
    });
    expect((await chartsFor(bad)).timeline).toBeNull();
    expect((await chartsFor(briefing({ developments: [] }))).timeline).toBeNull();
  });

  it('labels a short period by month or day', async () => {
    const short = briefing({
      developments: [
        item('Wang visited Hangzhou.', '2008-05-02'),
        item('Ma visited Guangzhou.', '2008-05-16'),
        item('The headquarters opened.', '2008-05'),
      ],
    });
    const svg = (await chartsFor(short)).timeline!;
    expect(xmlFault(svg)).toBeNull();
    expect(texts(svg)).toEqual(expect.arrayContaining(['1 May', '15 May', '29 May']));
    expect(rootAttributes(svg)['aria-label']).toBe(
      'Timeline of 3 dated developments from May 2008 to 16 May 2008.',
    );
  });
});

describe('places', () => {
  it('ranks the places by mentions, with counts', async () => {
    const svg = (await chartsFor(sample)).places!;
    expect(xmlFault(svg)).toBeNull();
    const root = rootAttributes(svg);
    expect(root.role).toBe('img');
    expect(root['aria-label']).toMatch(
      /^Bar chart of the 8 places mentioned most often: Guangdong, 23; China, 9; Mexico, 5; Guangzhou, 3; Singapore, 3;/,
    );
    const shown = texts(svg);
    const names = [
      'Guangdong',
      'China',
      'Mexico',
      'Guangzhou',
      'Singapore',
      'Foshan',
      'Zhejiang',
      'Beijing',
    ];
    expect(shown.filter((t) => names.includes(t))).toEqual(names);
    expect(shown.filter((t) => /^\d+$/.test(t))).toEqual(['23', '9', '5', '3', '3', '2', '2', '1']);
    expect(marks(svg, 'rect')).toBe(8);
    expect(svg).toMatch(/<desc>[^<]*China, 9 in 2 documents/);
  });

  it('falls back to organisations when fewer than two places are named', async () => {
    const few = briefing({ places: [actor('Guangdong', 4, 'place')] });
    expect(chartedActors(few)?.kind).toBe('organizations');
    const svg = (await chartsFor(few)).places!;
    expect(texts(svg)).toContain('The organisations named most often');
    expect(
      texts(svg).filter((t) => ['Alibaba', 'Promexico', "National People's Congress"].includes(t)),
    ).toEqual(['Alibaba', 'Promexico', "National People's Congress"]);
  });

  it('is null when neither places nor organisations number two', async () => {
    const none = briefing({
      places: [actor('Guangdong', 4, 'place'), actor('Nowhere', 0, 'place')],
      organizations: [actor('Alibaba', 3, 'organization')],
    });
    expect((await chartsFor(none)).places).toBeNull();
    const empty = briefing({
      empty: true,
      developments: [],
      places: [],
      organizations: [],
      people: [],
    });
    expect(await chartsFor(empty)).toEqual({ timeline: null, places: null });
  });
});

describe('every chart', () => {
  it('fits the A4 text column', async () => {
    const { timeline, places } = await chartsFor(sample);
    for (const svg of [timeline!, places!]) {
      const root = rootAttributes(svg);
      const width = Number(root.width);
      expect(width).toBeGreaterThanOrEqual(640);
      expect(width).toBeLessThanOrEqual(680);
      expect(root.viewBox).toBe(`0 0 ${root.width} ${root.height}`);
      expect(svg).toContain('font-family="&quot;Source Sans 3&quot;, &quot;Noto Sans SC&quot;');
    }
  });

  it('escapes corpus text and stays inert', async () => {
    const hostile = briefing({
      developments: [
        item(HOSTILE, '2008-05-16', { marking: 'S"BU<' }),
        item(`Second ${HOSTILE}`, '2009'),
      ],
      places: [actor(HOSTILE, 5, 'place'), actor('Guangdong & "Co" <b>', 3, 'place')],
    });
    const { timeline, places } = await chartsFor(hostile);
    expect(timeline).not.toBeNull();
    expect(places).not.toBeNull();
    for (const svg of [timeline!, places!]) {
      expect(xmlFault(svg)).toBeNull();
      expect(isInert(svg)).toBe(true);
      expect(svg).not.toMatch(/<script|<!\[CDATA\[|]]>/i);
      expect(svg.indexOf('</svg>')).toBe(svg.length - '</svg>'.length);
      // The patterns a page-level check looks for never occur, not even in escaped text.
      for (const pattern of [
        /\son[a-z]+\s*=/i,
        /javascript:/i,
        /\bhref\s*=/i,
        /url\(\s*["']?(?!#)/i,
        /@import/i,
      ]) {
        expect(svg).not.toMatch(pattern);
      }
      expect(svg.match(/<svg\b/g)).toHaveLength(1);
    }
    // Escaped, not dropped: the reader still sees what the source says.
    expect(texts(places!)).toContain('Guangdong & "Co" <b>');
    expect(texts(timeline!).some((t) => t.startsWith('(S"BU<) Officials said <script>'))).toBe(
      true,
    );
  });

  it('gives byte-identical markup for the same briefing, whatever else was drawn or the time zone', async () => {
    const first = await chartsFor(sample);
    await chartsFor(briefing({ theme: 'other' }));
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = await chartsFor(structuredClone(sample));
      process.env.TZ = 'Asia/Tokyo';
      const east = await chartsFor(structuredClone(sample));
      expect(west).toEqual(first);
      expect(east).toEqual(first);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('renumbers generated ids per chart and keeps references pointing at them', () => {
    const def = timelineChart(sample)!;
    const vegaLike =
      '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><g clip-path="url(#clip17)"><path d="M0,0"/></g>' +
      '<defs><clipPath id="clip17"><path d="M0,0"/></clipPath><clipPath id="clip18"><path d="M0,0"/></clipPath></defs></svg>';
    const svg = finishSvg(vegaLike, def, 'chart-x-timeline')!;
    expect(svg).toContain('clip-path="url(#chart-x-timeline-1)"');
    expect(svg).toContain('<clipPath id="chart-x-timeline-1">');
    expect(svg).toContain('<clipPath id="chart-x-timeline-2">');
    expect(svg).not.toMatch(/clip1[78]/);
    expect(
      finishSvg(vegaLike.replace('<g ', '<image href="http://x/y.png"/><g '), def, 'p'),
    ).toBeNull();
  });

  // How long drawing takes is measured by `npm run bench`, not asserted here.
  it('never throws, and draws the same charts every time', async () => {
    const broken = { ...briefing(), developments: null, places: undefined } as unknown as Briefing;
    await expect(chartsFor(broken)).resolves.toEqual({ timeline: null, places: null });
    const first = await chartsFor(sample);
    expect(first.timeline).toMatch(/^<svg/);
    expect(await chartsFor(sample)).toEqual(first);
  });
});
