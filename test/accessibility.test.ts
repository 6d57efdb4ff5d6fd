/**
 * Accessibility of the rendered pages, checked by axe-core in a real Chromium: the index, the
 * sample corpus's briefings, the fixture briefing (CJK names, charts) and the edition. The
 * pages are written with their fonts into a temp folder and opened from disk, as a reader would.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing, CorpusModel } from '../src/model.js';
import { findBrowser } from '../src/print/find-browser.js';
import { LAUNCH_ARGS } from '../src/print/launch.js';
import { loadAssets, referencedBy } from '../src/render/assets.js';
import { createRenderer } from '../src/render/render.js';
import { fixture, root } from './helpers/paths.js';
import { sampleModel } from './helpers/sample-model.js';

/** What the test needs of an axe result (the browser returns plain JSON). */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The bits of the DOM the page functions touch (the project's TS lib has no DOM types). */
interface TestWindow {
  axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
  document: {
    fonts: { ready: Promise<unknown> } & Iterable<{ family: string; status: string }>;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
}

const SVG =
  '<svg viewBox="0 0 200 40" width="200" height="40"><title>Developments by year</title>' +
  '<rect x="0" y="10" width="120" height="20" fill="#8c1c13"/>' +
  '<text x="125" y="25" font-size="12" fill="#1b1b1b">2008</text></svg>';

let browser: Browser;
let dir: string;
let axeSource: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  const renderer = await createRenderer(join(root, 'templates'));
  const model: CorpusModel = await sampleModel();
  const briefing = JSON.parse(
    await readFile(fixture('render', 'briefing.json'), 'utf8'),
  ) as Briefing;
  const charts = { timeline: SVG, places: SVG };
  const pages: Record<string, string> = {
    'index.html': renderer.renderIndex(model, { pdf: true }),
    'fixture.html': renderer.renderBriefing(briefing, { charts }),
    'edition.html': renderer.renderEdition(model, {
      pageNumbers: Object.fromEntries(model.briefings.map((b, i) => [b.theme, 3 + i * 4])),
      pdf: true,
    }),
  };
  for (const b of model.briefings) pages[`${b.theme}.html`] = renderer.renderBriefing(b);

  dir = await mkdtemp(join(tmpdir(), 'briefing-a11y-'));
  await mkdir(join(dir, 'fonts'));
  for (const [name, html] of Object.entries(pages)) {
    await writeFile(join(dir, name), html);
    files[name] = pathToFileURL(join(dir, name)).href;
  }
  for (const asset of referencedBy(await loadAssets(), Object.values(pages))) {
    await writeFile(join(dir, asset.path), asset.body);
  }
  const require = createRequire(import.meta.url);
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const { executablePath } = await findBrowser();
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: ['--no-sandbox', ...LAUNCH_ARGS, '--allow-file-access-from-files'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Opens a written page at the given viewport width, fonts loaded. */
async function open(name: string, width = 1200): Promise<Page> {
  const url = files[name];
  if (url === undefined) throw new Error(`no page ${name}`);
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    await (globalThis as unknown as TestWindow).document.fonts.ready;
  });
  return page;
}

/** Runs axe on the open page and returns its serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const w = globalThis as unknown as TestWindow;
    const result = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** The families of the web fonts the open page has loaded. */
async function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(globalThis as unknown as TestWindow).document.fonts]
      .filter((f) => f.status === 'loaded')
      .map((f) => f.family.replace(/["']/g, '')),
  );
}

describe('accessibility (axe-core in Chromium)', () => {
  it('has no serious or critical violations on any page', async () => {
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(6);
    for (const name of Object.keys(files)) {
      const page = await open(name);
      try {
        expect({ page: name, violations: await seriousViolations(page) }).toEqual({
          page: name,
          violations: [],
        });
      } finally {
        await page.close();
      }
    }
  });

  it('does report violations, so a clean result means something', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(
        '<!doctype html><html><head><title>Bad</title></head><body><main>' +
          '<p style="color:#eee;background:#fff">Faint</p><a href="#x"></a></main></body></html>',
      );
      const found = await seriousViolations(page);
      expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true);
      expect(found.some((v) => v.startsWith('link-name'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('has none on a phone-sized screen either, and nothing scrolls sideways', async () => {
    for (const name of ['index.html', 'fixture.html']) {
      const page = await open(name, 360);
      try {
        expect(await seriousViolations(page)).toEqual([]);
        const overflow = await page.evaluate(() => {
          const el = (globalThis as unknown as TestWindow).document.documentElement;
          return el.scrollWidth - el.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    }
  });
});

describe('fonts from disk', () => {
  it('loads the text and heading faces, and the CJK faces for CJK names', async () => {
    const page = await open('fixture.html');
    try {
      const families = await loadedFonts(page);
      for (const family of ['Source Serif 4', 'Source Sans 3', 'Noto Sans SC', 'Noto Sans KR']) {
        expect(families).toContain(family);
      }
    } finally {
      await page.close();
    }
    const latin = await open('government-relations.html');
    try {
      const families = await loadedFonts(latin);
      expect(families).toContain('Source Serif 4');
      expect(families.filter((f) => f.startsWith('Noto'))).toEqual([]);
    } finally {
      await latin.close();
    }
  });
});
