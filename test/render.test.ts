import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, CorpusModel } from '../src/model.js';
import {
  formatCount,
  formatDate,
  formatMoney,
  formatNumber,
  formatPeriod,
} from '../src/render/helpers.js';
import { createRenderer, type Renderer } from '../src/render/render.js';

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

/** Every `href="#cite-N"` target in a page. */
function citeLinks(html: string): string[] {
  return [...html.matchAll(/href="#(cite-\d+)"/g)].map((m) => m[1] ?? '');
}

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

  it('has the masthead: title, headline, edition, period and number of sources', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html).toContain('<h1 class="masthead__title">Government relations</h1>');
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

  it('lists bottom-line points and dated developments with portion markings', () => {
    const html = renderer.renderBriefing(briefing);
    expect(html).toMatch(
      /<span class="portion">\(SBU\)<\/span> Guangdong Party Secretary Wang Yang/,
    );
    expect(html).toContain('<time class="timeline__date" datetime="2008-02">February 2008</time>');
    expect(html).toContain('<time class="timeline__date" datetime="2008-05-16">16 May 2008</time>');
    expect(html).toContain('>Undated</span>');
    const items = html.match(/class="timeline__item"/g);
    expect(items).toHaveLength(briefing.developments.length);
    // Only the cable's paragraphs carry a portion marking.
    expect(html).not.toMatch(/\(SBU\)<\/span> Jack Ma met South Korean President/);
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
      /<figure class="quote">\s*<blockquote><p>“Alibaba started business in Zhejiang, but will prosper in Guangdong\.”<\/p><\/blockquote>\s*<figcaption>Jack Ma<sup/,
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
    expect(html).toContain('<h1 class="masthead__title">Antitrust and competition</h1>');
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

  it('references nothing outside the page', () => {
    const pages = [
      renderer.renderBriefing(briefing),
      ...model.briefings.map((b) => renderer.renderBriefing(b)),
      renderer.renderIndex(model, { pdf: true }),
    ];
    for (const html of pages) {
      for (const banned of ['http://', 'https://', 'src=', '<link', '<script', '@import', 'url(']) {
        expect(html).not.toContain(banned);
      }
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

  it('omits PDF links when PDFs are not written', () => {
    const html = renderer.renderIndex(model, { pdf: false });
    expect(html).not.toContain('.pdf');
    for (const b of model.briefings) expect(html).toContain(`href="${b.theme}.html"`);
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
      expect(raw.filter((r) => r !== '{{{@css}}}')).toEqual([]);
    }
  });

  it('prints on A4 with margins for the running header and unbroken items', async () => {
    const css = await readFile(join(TEMPLATES, 'briefing.css'), 'utf8');
    expect(css).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(css).toMatch(/margin:\s*18mm/);
    expect(css).toContain('break-inside: avoid');
    expect(css).toContain('break-after: avoid');
  });
});
