import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, CorpusModel } from '../src/model.js';
import { loadAssets, referencedBy } from '../src/render/assets.js';
import { checkChart } from '../src/render/charts.js';
import { fontFaceCss, fontFaces, parseUnicodeRange } from '../src/render/fonts.js';
import {
  formatCount,
  formatDate,
  formatMoney,
  formatNumber,
  formatPeriod,
  formatSourceDate,
} from '../src/render/helpers.js';
import { cssString, runningCss } from '../src/render/page-css.js';
import { createRenderer, type Renderer } from '../src/render/render.js';
import { groupByYear } from '../src/render/view.js';

const TEMPLATES = fileURLToPath(new URL('../templates', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/render', import.meta.url));

async function fixture<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(join(FIXTURES, name), 'utf8')) as T;
}

/** Every `id="…"` in a page, in order. */
function ids(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The page without its stylesheet, whose selectors and comments would match section names. */
function body(html: string): string {
  return html.replace(/<style>[\s\S]*<\/style>/, '');
}

/** Every `href="#…cite-N"` target in a page. */
function citeLinks(html: string): string[] {
  return [...html.matchAll(/href="#([^"]*cite-\d+)"/g)].map((m) => m[1] ?? '');
}

/** Every in-page link target (`href="#…"`). */
function fragmentLinks(html: string): string[] {
  return [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The page's stylesheet. */
function style(html: string): string {
  return /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
}

/** A small chart as the visualize stage would draw it. */
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20" width="100" height="20">' +
  '<title>Developments by year</title><rect x="0" y="5" width="60" height="10" fill="#8c1c13"/></svg>';

/** A deep copy with `suffix` appended to every string, to prove nothing reaches the page raw. */
function poison<T>(value: T, suffix: string): T {
  if (typeof value === 'string') return (value + suffix) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => poison(v, suffix)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, suffix)])) as T;
  }
  return value;
}

let renderer: Renderer;
let briefing: Briefing;
let model: CorpusModel;

beforeAll(async () => {
  renderer = await createRenderer(TEMPLATES);
  briefing = await fixture<Briefing>('briefing.json');
  model = await fixture<CorpusModel>('model.json');
});

describe('helpers', () => {
  it('formats full, month and year dates', () => {
    expect(formatDate('2008-05-16')).toBe('16 May 2008');
    expect(formatDate('2017-01')).toBe('January 2017');
    expect(formatDate('2018')).toBe('2018');
    expect(formatDate('2008-05-16T08:44:00Z')).toBe('16 May 2008');
    expect(formatDate(null)).toBe('');
    expect(formatDate('sometime in spring')).toBe('sometime in spring');
    expect(formatDate('2008-13-01')).toBe('2008-13-01');
  });

  it('formats a source date, saying when it is estimated', () => {
    expect(formatSourceDate('2017', 'estimated')).toBe('c. 2017 (estimated)');
    expect(formatSourceDate('2017-03', 'estimated')).toBe('c. March 2017 (estimated)');
    expect(formatSourceDate('2008-05-16', 'header')).toBe('16 May 2008');
    expect(formatSourceDate(null, null)).toBe('Date not stated');
  });

  it('groups items by year in the given order, undated last', () => {
    const groups = groupByYear([
      { date: null, t: 'a' },
      { date: '2008-02', t: 'b' },
      { date: '2008-05-16', t: 'c' },
      { date: '2017', t: 'd' },
      { date: null, t: 'e' },
    ]);
    expect(groups.map((g) => [g.label, g.year, g.items.map((i) => i.t).join('')])).toEqual([
      ['2008', '2008', 'bc'],
      ['2017', '2017', 'd'],
      ['Undated', null, 'ae'],
    ]);
    expect(groupByYear([])).toEqual([]);
  });

  it('formats periods, numbers, money and counts', () => {
    expect(formatPeriod({ from: '2008-05-16', to: '2018-08' })).toBe('16 May 2008 – August 2018');
    expect(formatPeriod({ from: '2017-01', to: '2017-01' })).toBe('January 2017');
    expect(formatPeriod(null)).toBe('');
    expect(formatNumber(1250000)).toBe('1,250,000');
    expect(formatNumber(14.4)).toBe('14.4');
    expect(formatMoney(200_000_000, 'USD')).toBe('USD 200 million');
    expect(formatMoney(1_250_000_000, 'CNY')).toBe('CNY 1.25 billion');
    expect(formatMoney(50_000, 'RMB')).toBe('RMB 50,000');
    expect(formatCount(1, 'document')).toBe('1 document');
    expect(formatCount(4, 'document')).toBe('4 documents');
    expect(formatCount(2, 'entry', 'entries')).toBe('2 entries');
  });
});

describe('cssString', () => {
  it('quotes plain text as it is', () => {
    expect(cssString('UNCLASSIFIED//FOR OFFICIAL USE ONLY')).toBe(
      '"UNCLASSIFIED//FOR OFFICIAL USE ONLY"',
    );
    expect(cssString('')).toBe('""');
    expect(cssString('Gōngdōng 广州 — ok')).toBe('"Gōngdōng 广州 — ok"');
  });

  it('escapes quotes, backslashes, newlines and anything that could close <style>', () => {
    expect(cssString('say "hi"')).toBe('"say \\"hi\\""');
    expect(cssString("it's")).toBe(`"it's"`);
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('line\nbreak\r\ttab')).toBe('"line\\a break\\d \\9 tab"');
    expect(cssString('</style><script>')).toBe('"\\3c /style\\3e \\3c script\\3e "');
    expect(cssString('a & b')).toBe('"a \\26  b"');
    // A hex escape's trailing space is part of the escape, so a digit after it stays a digit.
    expect(cssString('\n1')).toBe('"\\a 1"');
  });

  it('survives a round trip through a real CSS parser shape', () => {
    for (const text of ['"; } body { color: red } "', '\\', '\\"', '</STYLE >', '\u2028x']) {
      const quoted = cssString(text);
      // Inside the quotes: no raw quote, newline or < except as escapes.
      expect(quoted.slice(1, -1)).not.toMatch(/(?<!\\)"|[\n\r<>]/);
      expect(quoted).not.toMatch(/<\/style/i);
    }
  });

  it('builds the margin boxes of a page, or of a named page', () => {
    expect(runningCss({ banner: 'SECRET\n//NOFORN', title: 'T' })).toBe(
      '@page{@top-center{content:"SECRET //NOFORN"}@bottom-center{content:"SECRET //NOFORN"}@bottom-left{content:"T"}}',
    );
    expect(runningCss({ banner: null, title: 'T' }, 'run-2')).toBe(
      '@page run-2{@bottom-left{content:"T"}}',
    );
  });
});

describe('fonts and assets', () => {
  it('returns the woff2 files the stylesheet uses, as fonts/<file>', async () => {
    const assets = await loadAssets();
    const paths = assets.map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const a of assets) {
      expect(a.path).toMatch(/^fonts\/[a-z0-9-]+\.woff2$/);
      expect(a.contentType).toBe('font/woff2');
      expect(a.body.subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    for (const file of [
      'source-serif-4-latin-400-normal',
      'source-serif-4-latin-400-italic',
      'source-serif-4-latin-700-normal',
      'source-sans-3-latin-400-normal',
      'source-sans-3-latin-700-normal',
      'noto-sans-sc-119-400-normal',
      'noto-sans-jp-0-400-normal',
      'noto-sans-kr-0-400-normal',
    ]) {
      expect(paths).toContain(`fonts/${file}.woff2`);
    }
    // Only what the CSS asks for: no other weights, no .woff, no Latin subsets of the CJK faces.
    expect(paths.filter((p) => /-(?:200|300|500|800|900)-/.test(p))).toEqual([]);
    expect(paths.filter((p) => /noto-sans-(?:sc|jp|kr)-latin/.test(p))).toEqual([]);
  });

  it('declares CJK subsets only on pages whose text needs them', async () => {
    const faces = await fontFaces();
    const latin = fontFaceCss(faces, 'Wang Yang met Jack Ma — “yes”');
    expect(latin).toContain("font-family:'Source Serif 4'");
    expect(latin).toContain("font-family:'Source Sans 3'");
    expect(latin).not.toContain('Noto Sans');
    const cjk = fontFaceCss(faces, '广州 東京 박근혜');
    for (const family of ['Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR']) {
      expect(cjk).toContain(`font-family:'${family}'`);
    }
    const cjkRules = cjk.split('\n').filter((r) => r.includes('Noto Sans'));
    expect(cjkRules.length).toBeGreaterThan(2);
    expect(cjkRules.length).toBeLessThanOrEqual(15);
    for (const rule of cjk.split('\n')) {
      expect(rule).toMatch(
        /^@font-face\{.*src:url\(fonts\/[a-z0-9-]+\.woff2\) format\('woff2'\);unicode-range:U\+/i,
      );
    }
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+4e00-4e01')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x4e00, 0x4e01],
    ]);
  });

  it('keeps the CJK faces in both font stacks and names them on a page with CJK names', () => {
    const css = style(renderer.renderBriefing(briefing));
    expect(css).toMatch(
      /--serif:\s*'Source Serif 4', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR'/,
    );
    expect(css).toMatch(
      /--sans:\s*'Source Sans 3', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR'/,
    );
    expect(css).toContain("@font-face{font-family:'Noto Sans KR'");
    expect(css).toContain("@font-face{font-family:'Noto Sans SC'");
    const plain = style(renderer.renderBriefing(model.briefings[0] as Briefing));
    expect(plain).not.toContain("@font-face{font-family:'Noto Sans");
  });

  it('keeps only the assets some page names', async () => {
    const assets = await loadAssets();
    const pages = [renderer.renderBriefing(model.briefings[0] as Briefing)];
    const used = referencedBy(assets, pages);
    expect(used.length).toBeGreaterThan(5);
    expect(used.length).toBeLessThan(assets.length);
    expect(used.every((a) => !a.path.includes('noto-sans'))).toBe(true);
  });
});

describe('checkChart', () => {
  it('passes one inline svg and null, rejects scripts, handlers and external references', () => {
    expect(checkChart(SVG, 'timeline')).toBe(SVG);
    expect(checkChart(null, 'timeline')).toBeNull();
    for (const bad of [
      '<div>not svg</div>',
      SVG.replace('<rect', '<script>x</script><rect'),
      SVG.replace('<rect', '<rect onclick="x()"'),
      SVG.replace('<rect', '<image href="https://example.com/x.png"/><rect'),
      SVG.replace('<rect', '<foreignObject></foreignObject><rect'),
      SVG.replace('fill="#8c1c13"', 'style="fill:url(https://x/y)"'),
      `${SVG}<script>x</script>`,
    ]) {
      expect(() => checkChart(bad, 'places')).toThrow(/places chart/);
    }
    expect(checkChart(SVG.replace('fill="#8c1c13"', 'fill="url(#grad)"'), 'x')).toContain(
      'url(#grad)',
    );
  });
});

describe('renderBriefing', () => {
  it('renders a complete standalone page with title, description and language', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Government relations — 2 June 2025</title>');
    expect(html).toMatch(
      /<meta name="description" content="Provincial courting in Guangdong[^"]*">/,
    );
    expect(html).toMatch(/<style>[\s\S]*@page[\s\S]*<\/style>/);
    expect(html).toContain('<main');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows the marking banner at top and bottom and the handling line', () => {
    const html = renderer.renderBriefing(briefing);
    const banners = html.match(
      /class="marking-banner"[^>]*>UNCLASSIFIED\/\/FOR OFFICIAL USE ONLY</g,
    );
    expect(banners).toHaveLength(2);
    expect(html.indexOf('marking-banner')).toBeLessThan(html.indexOf('<main'));
    expect(html.lastIndexOf('marking-banner')).toBeGreaterThan(html.indexOf('</main>'));
    expect(html).toContain('Not to be disseminated outside U.S. Government channels');
  });

  it('prints the banner top and bottom, the title and the page number in @page margin boxes', () => {
    const css = style(renderer.renderBriefing(briefing));
    const banner = '"UNCLASSIFIED//FOR OFFICIAL USE ONLY"';
    expect(css).toContain(`@top-center{content:${banner}}`);
    expect(css).toContain(`@bottom-center{content:${banner}}`);
    expect(css).toContain('@bottom-left{content:"Government relations"}');
    expect(css).toMatch(
      /@bottom-right\s*\{\s*content:\s*'Page ' counter\(page\) ' of ' counter\(pages\)/,
    );
    expect(css).toMatch(/@page\s*\{\s*size:\s*A4;\s*margin:/);
    // No marking, no banner boxes; the title and page number stay.
    const plain = style(renderer.renderBriefing({ ...briefing, marking: null }));
    expect(plain).not.toContain('@top-center{content');
    expect(plain).toContain('@bottom-left{content:"Government relations"}');
  });

  it('escapes a hostile banner and title for the CSS string they become', () => {
    const hostile = 'SECRET"}</style><script>alert(1)</script>\\\nNOFORN';
    const html = renderer.renderBriefing({
      ...briefing,
      title: 'A "title" </style>',
      marking: { banner: hostile, handling: null },
    });
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script/i);
    const css = style(html);
    expect(css).toContain(
      '@top-center{content:"SECRET\\"}\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\\\ NOFORN"}',
    );
    expect(css).toContain('@bottom-left{content:"A \\"title\\" \\3c /style\\3e "}');
  });

  it('has the masthead: title, headline, edition, period and number of sources', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html).toContain(
      '<h1 id="briefing-title" class="masthead__title">Government relations</h1>',
    );
    expect(html).toContain('Provincial courting in Guangdong, smart-city partnerships');
    expect(html).toContain('Edition 3');
    expect(html).toContain('<time datetime="2025-06-02">2 June 2025</time>');
    expect(html).toContain('16 May 2008 – 25 August 2018');
    expect(html).toContain('4 documents');
  });

  it('puts the sections in order, each labelled by its heading', () => {
    const html = renderer.renderBriefing(briefing);
    const headings = [
      'Bottom line',
      'Key developments',
      'Key actors',
      'Key figures',
      'Notable quotes',
      'Sources',
    ];
    const positions = headings.map((h) => html.search(new RegExp(`<h2 id="[^"]+">${h}</h2>`)));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const pageIds = new Set(ids(html));
    const labelled = [...html.matchAll(/<section[^>]*aria-labelledby="([^"]+)"/g)];
    expect(labelled.length).toBeGreaterThanOrEqual(headings.length);
    for (const [, id] of labelled) expect(pageIds.has(id ?? '')).toBe(true);
    expect(html).not.toMatch(/<section(?![^>]*aria-labelledby)/);
  });

  it('lists bottom-line points in a box and developments grouped by year, undated last', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html).toMatch(/<section class="bottom-line"[^>]*>\s*<h2[^>]*>Bottom line<\/h2>\s*<ul>/);
    expect(html).toMatch(
      /<li><span class="portion">\(SBU\)<\/span> Guangdong Party Secretary Wang Yang/,
    );
    expect(html).toContain('<time class="timeline__date" datetime="2008-02">February 2008</time>');
    expect(html).toContain('<time class="timeline__date" datetime="2008-05-16">16 May 2008</time>');
    const items = html.match(/class="timeline__item"/g);
    expect(items).toHaveLength(briefing.developments.length);
    const groups = [
      ...html.matchAll(/<h3 class="dev-group__label">(?:<time datetime="(\d{4})">)?([^<]+)/g),
    ];
    const years = [
      ...new Set(briefing.developments.flatMap((d) => (d.date ? [d.date.slice(0, 4)] : []))),
    ];
    expect(groups.map((g) => g[2])).toEqual([...years, 'Undated']);
    expect(html).toMatch(/<ol class="timeline timeline--undated">/);
    // Only the cable's paragraphs carry a portion marking.
    expect(html).not.toMatch(/\(SBU\)<\/span> Jack Ma met South Korean President/);
  });

  it('shows the portion marking on actors, figures and quotes that have one', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html).toMatch(
      /<th scope="row">Wang Yang<\/th>\s*<td[^>]*>7<\/td>\s*<td data-label="Context"><span class="portion">\(SBU\)<\/span> Guangdong Party Secretary/,
    );
    expect(html).toMatch(
      /<th scope="row">Jack Ma<\/th>\s*<td[^>]*>\d+<\/td>\s*<td data-label="Context">[^<]/,
    );
    expect(html).toMatch(
      /USD 200 million<\/th>\s*<td data-label="What it is"><span class="portion">\(SBU\)<\/span> Alibaba will invest/,
    );
    expect(html).toMatch(/<blockquote><p><span class="portion">\(SBU\)<\/span> “Alibaba started/);
    expect(html).toMatch(/<blockquote><p>“They&#x27;re scared/);
    const marked = [
      briefing.bottomLine,
      briefing.developments,
      briefing.people,
      briefing.organizations,
      briefing.places,
      briefing.figures,
      briefing.quotes,
    ]
      .flat()
      .filter((item) => item.marking !== undefined).length;
    const passages = briefing.sources.flatMap((s) => s.passages).filter((p) => p.marking).length;
    expect(html.match(/<span class="portion">/g)).toHaveLength(marked + passages);
  });

  it('shows an estimated source date as such, and a missing one as not stated', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html).toContain('<time datetime="2017">c. 2017 (estimated)</time>');
    expect(html).toContain('<time datetime="2008-05-16">16 May 2008</time>');
    expect(html).toContain('<span>Date not stated</span>');
  });

  it('sets a chart in a figure with a caption and an accessible name, and checks it', () => {
    const html = renderer.renderBriefing(briefing, { charts: { timeline: SVG, places: SVG } });
    const figures = [
      ...html.matchAll(
        /<figure class="chart chart--(\w+)" aria-labelledby="([^"]+)">\s*<div class="chart__image" role="img" aria-label="[^"]+">(<svg[\s\S]*?<\/svg>)<\/div>\s*<figcaption id="([^"]+)"/g,
      ),
    ];
    expect(figures.map((f) => f[1])).toEqual(['timeline', 'places']);
    for (const f of figures) {
      expect(f[3]).toBe(SVG);
      expect(f[2]).toBe(f[4]);
    }
    // The timeline sits in Key developments, the places chart in Key actors.
    expect(html.indexOf('chart--timeline')).toBeGreaterThan(html.indexOf('>Key developments</h2>'));
    expect(html.indexOf('chart--timeline')).toBeGreaterThan(html.lastIndexOf('class="dev-group"'));
    expect(html.indexOf('chart--timeline')).toBeLessThan(html.indexOf('>Key actors</h2>'));
    expect(html.indexOf('chart--places')).toBeGreaterThan(html.indexOf('>Key actors</h2>'));
    const none = renderer.renderBriefing(briefing, { charts: { timeline: null, places: null } });
    expect(none).not.toContain('<svg');
    expect(renderer.renderBriefing(briefing)).not.toContain('class="chart');
    const evil = SVG.replace('<rect', '<script>alert(1)</script><rect');
    expect(() =>
      renderer.renderBriefing(briefing, { charts: { timeline: evil, places: null } }),
    ).toThrow(/timeline chart/);
  });

  it('renders actor and figure tables with header scopes, and quotes as figures', () => {
    const html = renderer.renderBriefing(briefing);
    for (const h of ['People', 'Organisations', 'Places']) expect(html).toContain(`>${h}</h3>`);
    expect(html).toContain('<th scope="row">Wang Yang</th>');
    expect(html).toContain('<th scope="col">Context</th>');
    expect(html).toContain('USD 200 million');
    expect(html).toContain(
      'Alibaba will invest USD 200 million in Guangdong over the next three years.',
    );
    expect(html).toMatch(
      /<figure class="quote">\s*<blockquote><p><span class="portion">\(SBU\)<\/span> “Alibaba started business in Zhejiang, but will prosper in Guangdong\.”<\/p><\/blockquote>\s*<figcaption>Jack Ma<sup/,
    );
    expect(html).toContain('<figcaption>Speaker not named');
  });

  it('omits an empty actor table but keeps the others', () => {
    const html = renderer.renderBriefing({ ...briefing, places: [] });
    expect(html).not.toContain('>Places</h3>');
    expect(html).toContain('>People</h3>');
    const none = renderer.renderBriefing({
      ...briefing,
      people: [],
      organizations: [],
      places: [],
    });
    expect(none).not.toContain('Key actors');
  });

  it('lists every source with its passages as citation targets', () => {
    const html = renderer.renderBriefing(briefing);
    for (const source of briefing.sources) {
      expect(html).toContain(
        `<h3 class="source__title">${source.title.replace(/'/g, '&#x27;')}</h3>`,
      );
    }
    expect(html).toContain('Consulate Guangzhou');
    expect(html).toContain('Date not stated');
    expect(html).toMatch(
      /<li class="passage" id="cite-1">\s*<p class="passage__ref"><span class="passage__n">\[1\]<\/span> <span class="passage__label">¶1<\/span><\/p>\s*<blockquote class="passage__text"><p><span class="portion">\(SBU\)<\/span> Summary: After heavy lobbying/,
    );
  });

  it('links every citation to an anchor that exists, and has unique ids', () => {
    for (const b of [briefing, ...model.briefings]) {
      const html = renderer.renderBriefing(b);
      const pageIds = ids(html);
      expect(new Set(pageIds).size).toBe(pageIds.length);
      const links = citeLinks(html);
      if (!b.empty) expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(pageIds).toContain(link);
      for (const c of b.citations) expect(pageIds).toContain(`cite-${c.n}`);
    }
    expect(renderer.renderBriefing(briefing)).toMatch(
      /<sup class="cites"><a href="#cite-1" aria-label="Source 1">\[1\]<\/a><a href="#cite-2"/,
    );
  });

  it('escapes corpus text and never evaluates it as a template', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}} Share &amp; subscribe',
    );
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes every field of the model, attributes included', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>{{constructor}}\'';
    const html = renderer.renderBriefing(poison(briefing, hostile));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{{constructor}}&#x27;');
    expect(html).toMatch(/<meta name="description" content="[^"<>]*">/);
    const index = renderer.renderIndex(poison(model, hostile), { pdf: true });
    expect(index).not.toMatch(/<script|<img/i);
  });

  it('shows only the no-material message for an empty briefing', () => {
    const empty = model.briefings.find((b) => b.empty);
    expect(empty).toBeDefined();
    const html = body(renderer.renderBriefing(empty as Briefing));
    expect(html).toContain('No material in the corpus for this theme');
    expect(html).toContain('class="masthead__title">Antitrust and competition</h1>');
    expect(html).not.toContain('<table');
    for (const h of [
      'Bottom line',
      'Key developments',
      'Key actors',
      'Key figures',
      'Sources</h2>',
    ]) {
      expect(html).not.toContain(h);
    }
    expect(html).not.toContain('class="marking-banner"');
  });

  it('references nothing outside the page but its fonts, by relative URL', async () => {
    const charts = { timeline: SVG, places: SVG };
    const pages = [
      renderer.renderBriefing(briefing, { charts }),
      ...model.briefings.map((b) => renderer.renderBriefing(b)),
      renderer.renderIndex(model, { pdf: true }),
      renderer.renderEdition(model, { pageNumbers: null, pdf: true }),
    ];
    const assets = new Set((await loadAssets()).map((a) => a.path));
    for (const page of pages) {
      // An SVG's namespace is a name, not a reference.
      const html = page.replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
      for (const banned of ['http://', 'https://', 'src=', '<link', '<script', '@import']) {
        expect(html.replace(/\/\*[\s\S]*?\*\//g, '')).not.toContain(banned);
      }
      const urls = [...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1] ?? '');
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url).toMatch(/^fonts\/[a-z0-9-]+\.woff2$/);
        expect(assets.has(url)).toBe(true);
      }
      expect(html).not.toMatch(/base64/);
    }
  });

  it('fails loudly on a field the model lacks rather than printing blank', () => {
    const broken = { ...briefing } as Partial<Briefing>;
    delete broken.headline;
    expect(() => renderer.renderBriefing(broken as Briefing)).toThrow(/briefing\.hbs.*headline/s);
  });
});

describe('renderIndex', () => {
  it('lists every briefing with headline, edition, counts, period, marking and links', () => {
    const html = renderer.renderIndex(model, { pdf: true });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Briefings — 2 June 2025</title>');
    const cards = html.split('<li class="briefing-card').slice(1);
    expect(cards).toHaveLength(model.briefings.length);
    model.briefings.forEach((b, i) => {
      const card = cards[i] ?? '';
      expect(card).toContain(`href="${b.theme}.html"`);
      expect(card).toContain(`href="${b.theme}.pdf"`);
      expect(card).toContain(b.title);
      expect(card).toContain(`<dd>${b.documents.length}</dd>`);
      expect(card).toContain(`<dd>${b.developments.length}</dd>`);
      expect(card).toContain(`<dd>${b.citations.length}</dd>`);
      expect(card).toContain('2 June 2025');
    });
    const gov = cards[1] ?? '';
    expect(gov).toContain('Provincial courting in Guangdong');
    expect(gov).toContain('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(gov).toContain('16 May 2008 – 25 August 2018');
    expect(cards[2]).toContain('<dd>January 2017</dd>');
    expect(cards[3]).toContain('No material in the corpus for this theme.');
  });

  it('links the edition PDF, shows the overall marking, and lays the cards out in a grid', () => {
    const html = renderer.renderIndex(model, { pdf: true });
    expect(html).toContain('href="edition.pdf"');
    expect(
      body(html).match(/class="marking-banner"[^>]*>UNCLASSIFIED\/\/FOR OFFICIAL USE ONLY</g),
    ).toHaveLength(2);
    expect(style(html)).toMatch(
      /\.briefing-list\s*\{[^}]*grid-template-columns:\s*repeat\(auto-fill/,
    );
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('omits PDF links when PDFs are not written', () => {
    const html = renderer.renderIndex(model, { pdf: false });
    expect(html).not.toContain('.pdf');
    for (const b of model.briefings) expect(html).toContain(`href="${b.theme}.html"`);
  });
});

describe('renderEdition', () => {
  const pageNumbers = {
    'international-expansion': 3,
    'government-relations': 7,
    'ip-enforcement': 11,
    antitrust: 112,
  };

  it('opens with a cover: title, edition date, themes and the overall marking', () => {
    const html = body(renderer.renderEdition(model, { pageNumbers: null, pdf: true }));
    expect(html).toContain('<title>Briefings — 2 June 2025</title>');
    const cover = html.slice(
      html.indexOf('<section class="cover"'),
      html.indexOf('<nav class="toc"'),
    );
    expect(cover).toContain('<h1 id="cover-title" class="cover__title">Briefings</h1>');
    expect(cover).toContain('<time datetime="2025-06-02">2 June 2025</time>');
    expect(cover).toContain('<p class="cover__banner">UNCLASSIFIED//FOR OFFICIAL USE ONLY</p>');
    for (const b of model.briefings)
      expect(cover).toContain(`<span class="cover__theme">${b.title}</span>`);
    const noMarking = body(
      renderer.renderEdition({ ...model, marking: null }, { pageNumbers: null, pdf: true }),
    );
    expect(noMarking).not.toContain('cover__banner');
    expect(noMarking).not.toContain('class="marking-banner"');
  });

  it('lists every briefing in the contents with a same-width placeholder, then the page numbers', () => {
    const first = renderer.renderEdition(model, { pageNumbers: null, pdf: true });
    const second = renderer.renderEdition(model, { pageNumbers, pdf: true });
    const pages = (html: string) =>
      [
        ...html.matchAll(
          /<a href="#briefing-([^"]+)"><span class="toc__name">[^<]+<\/span><span class="toc__leader" aria-hidden="true"><\/span><span class="toc__page"><span class="visually-hidden">page <\/span>([^<]+)<\/span><\/a>/g,
        ),
      ].map((m) => [m[1], m[2]]);
    expect(pages(first)).toEqual(model.briefings.map((b) => [b.theme, '—']));
    expect(pages(second)).toEqual(
      model.briefings.map((b) => [
        b.theme,
        String(pageNumbers[b.theme as keyof typeof pageNumbers]),
      ]),
    );
    // The numbers sit in a fixed-width box, so the second pass lays out like the first.
    expect(style(first)).toMatch(/\.toc__page\s*\{[^}]*width:\s*3\.5ch/);
    expect(first.length - second.length).toBe(
      model.briefings.length * '—'.length - Object.values(pageNumbers).join('').length,
    );
    const screen = renderer.renderEdition(model, { pageNumbers: null, pdf: false });
    expect(body(screen)).not.toContain('toc__page');
    expect(screen).toContain('href="#briefing-government-relations"');
  });

  it('puts every briefing in its own section with its id and title, starting a new page', () => {
    const html = renderer.renderEdition(model, { pageNumbers: null, pdf: true });
    const starts = model.briefings.map((b) => html.indexOf(`<article id="briefing-${b.theme}"`));
    expect(starts.every((i) => i > html.indexOf('<nav class="toc"'))).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    model.briefings.forEach((b, i) => {
      const section = html.slice(starts[i], starts[i + 1] ?? html.length);
      expect(section).toContain(
        `<h1 id="${b.theme}-briefing-title" class="masthead__title">${b.title}</h1>`,
      );
      expect(section).toMatch(
        new RegExp(`^<article id="briefing-${b.theme}" class="briefing run-${i + 1}"`),
      );
    });
    const css = style(html);
    expect(css).toMatch(/\.page--edition \.briefing,\s*\.toc\s*\{\s*break-before: page/);
    // Each section runs its own title in the footer, under the overall banner.
    model.briefings.forEach((b, i) => {
      expect(css).toContain(
        `.run-${i + 1}{page:run-${i + 1}}@page run-${i + 1}{@top-center{content:"UNCLASSIFIED//FOR OFFICIAL USE ONLY"}`,
      );
      expect(css).toContain(`@bottom-left{content:${cssString(b.title)}}`);
    });
  });

  it('keeps ids unique and every link resolving across sections', () => {
    const html = renderer.renderEdition(
      { ...model, briefings: [...model.briefings, { ...briefing, theme: 'fixture' }] },
      {
        pageNumbers,
        pdf: true,
        charts: { fixture: { timeline: SVG, places: SVG } },
      },
    );
    const pageIds = ids(html);
    expect(new Set(pageIds).size).toBe(pageIds.length);
    const links = fragmentLinks(html);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) expect(pageIds).toContain(link);
    expect(html).toContain('href="#government-relations-cite-1"');
    expect(html).toContain('id="government-relations-cite-1"');
    expect(html).toContain('href="#fixture-cite-15"');
    expect(html).not.toMatch(/href="#cite-/);
    expect(html.match(/<svg/g)).toHaveLength(2);
  });

  it('escapes every field of the model', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>{{constructor}}\'';
    const html = renderer.renderEdition(poison(model, hostile), { pageNumbers: null, pdf: true });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });
});

describe('templates', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function copyWith(file: string, edit: (source: string) => string): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'briefing-templates-'));
    await cp(TEMPLATES, dir, { recursive: true });
    const path = join(dir, file);
    await writeFile(path, edit(await readFile(path, 'utf8')));
    return dir;
  }

  it('names the partial that has a syntax error', async () => {
    const broken = await copyWith('partials/figures.hbs', (s) => s.replace('{{/if}}', ''));
    await expect(createRenderer(broken)).rejects.toThrow(
      /partials[/\\]figures\.hbs.*syntax error/s,
    );
  });

  it('names the page template that has a syntax error', async () => {
    const broken = await copyWith('briefing.hbs', (s) => s.replace('{{/layout}}', '{{/layou}}'));
    await expect(createRenderer(broken)).rejects.toThrow(/briefing\.hbs/);
  });

  it('rejects an unknown helper at load time, naming the file', async () => {
    const broken = await copyWith('partials/quotes.hbs', (s) =>
      s.replace('{{text}}', '{{shout text}}'),
    );
    await expect(createRenderer(broken)).rejects.toThrow(/quotes\.hbs.*shout/s);
  });

  it('inserts nothing raw but the stylesheet', async () => {
    const files: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(d, e.name));
        else if (e.name.endsWith('.hbs')) files.push(join(d, e.name));
      }
    };
    await walk(TEMPLATES);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const raw = (await readFile(file, 'utf8')).match(/\{\{\{[^}]*\}\}\}|\{\{&[^}]*\}\}/g) ?? [];
      const allowed = ['{{{@css}}}', '{{{charts.timeline}}}', '{{{charts.places}}}'];
      expect(raw.filter((r) => !allowed.includes(r))).toEqual([]);
    }
  });

  it('prints on A4 with margins for the running header and unbroken items', async () => {
    const css = await readFile(join(TEMPLATES, 'briefing.css'), 'utf8');
    expect(css).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(css).toMatch(/margin:\s*18mm/);
    expect(css).toMatch(
      /@bottom-right\s*\{\s*content: 'Page ' counter\(page\) ' of ' counter\(pages\)/,
    );
    expect(css).toMatch(/orphans: 3;\s*widows: 3/);
    expect(css).toMatch(/@media print \{[\s\S]*\.marking-banner \{\s*display: none/);
    expect(css).toContain('break-inside: avoid');
    expect(css).toContain('break-after: avoid');
  });
});
