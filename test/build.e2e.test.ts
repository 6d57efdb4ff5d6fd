import { cp, mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers/run-cli.js';
import { pdfDay, readPdf, squash, type PdfContent } from './helpers/pdf.js';
import { corpus } from './helpers/paths.js';

const THEMES = ['international-expansion', 'government-relations', 'ip-enforcement'];
const BOILERPLATE = [
  'SIPDIS',
  'VZCZCXRO',
  'RUEHGZ',
  'UNCLAS SECTION',
  '00000285',
  'E.O. 12958',
  'You are here',
  'PHOTO: REUTERS',
  '[MEXICO CITY]',
];

let out: string;
let run: CliRun;
const pdfs: Record<string, PdfContent> = {};

beforeAll(async () => {
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'briefing-e2e-')), 'output');
  run = await runCli(['build', '--corpus', corpus, '--out', out, '--date', '2026-11-22']);
  for (const theme of THEMES) pdfs[theme] = await readPdf(path.join(out, `${theme}.pdf`));
  pdfs.edition = await readPdf(path.join(out, 'edition.pdf'));
}, 120_000);

describe('end to end: the sample corpus, printed by a real Chromium', () => {
  it('builds three briefings with PDFs and says so in one line', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^Built 3 briefings \(4 PDF\) from 4 documents in [\d.]+ s$/);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(
      [
        ...THEMES.flatMap((t) => [`${t}.html`, `${t}.pdf`]),
        '.cache',
        'edition.pdf',
        'editions',
        'fonts',
        'index.html',
        'model.json',
      ].sort(),
    );
    // Fonts ship as files next to the pages, never inlined.
    const fonts = await readdir(path.join(out, 'fonts'));
    expect(fonts.some((f) => f.startsWith('source-serif-4-latin-400'))).toBe(true);
    for (const theme of THEMES) {
      expect(await readFile(path.join(out, `${theme}.html`), 'utf8')).not.toMatch(/base64/);
    }
    for (const theme of THEMES)
      expect((await stat(path.join(out, `${theme}.pdf`))).size).toBeGreaterThan(10_000);
  });

  it('prints each theme’s facts, on A4 with page numbers and the briefing’s title', () => {
    const expectations: Record<string, RegExp[]> = {
      'ip-enforcement': [/Notorious Markets/, /Cloud Sword/, /counterfeit/i],
      'international-expansion': [/Japan/, /SingPost|Singapore Post/, /Mexic/, /South Korea/],
      'government-relations': [/Wang/, /Mexic(o|an) government/],
    };
    for (const theme of THEMES) {
      const pdf = pdfs[theme]!;
      const text = squash(pdf.text);
      for (const pattern of expectations[theme]!) expect(text).toMatch(pattern);
      expect(text).toMatch(new RegExp(`Page 1 of ${pdf.pages}`));
      expect(pdf.info.Title).toMatch(/ — 2026-11-22$/);
      expect(pdf.info.Author).toBe('Briefing desk');
      expect(String(pdf.info.Keywords)).toMatch(/^[A-Z][\w ]+, /);
      expect(pdfDay(pdf.info.CreationDate)).toBe('2026-11-22');
      expect(pdf.info.Language ?? pdf.info.Lang).toMatch(/^en/);
      expect(pdf.tagged).toBe(true);
      expect(pdf.outline.map((t) => t.toLowerCase())).toEqual(
        expect.arrayContaining(['bottom line', 'key developments', 'sources']),
      );
      expect(pdf.fonts.some((f) => /SourceSerif4/.test(f))).toBe(true);
      const links = pdf.links.flat();
      expect(links.length).toBeGreaterThan(3);
      for (const link of links.filter((l) => l.dest)) expect(link.page).not.toBeNull();
      expect(pdf.pageSizes[0]!.width).toBeCloseTo(595.3, -1); // A4
      for (const junk of BOILERPLATE) expect(text).not.toContain(junk);
    }
  });

  it('carries the cable’s marking on every page of a briefing that cites it, and on no other', () => {
    const marked = pdfs['government-relations']!;
    for (const page of marked.pageTexts)
      expect(page).toContain('UNCLASSIFIED//FOR OFFICIAL USE ONLY');
    expect(squash(marked.text)).toMatch(/\(SBU\)/);
    expect(pdfs['ip-enforcement']!.text).not.toContain('UNCLASSIFIED');
  });

  it('joins every briefing in edition.pdf behind a cover and a contents page whose numbers are right', () => {
    const edition = pdfs.edition!;
    const contents = squash(edition.pageTexts[1]!);
    const titles = ['International expansion', 'Government relations', 'IP enforcement'];
    for (const title of titles) {
      const listed = Number(new RegExp(`${title} (\\d+)`).exec(contents)?.[1]);
      expect(listed).toBeGreaterThan(2);
      // The section's own masthead (kicker, then title) is on the page the contents name.
      expect(squash(edition.pageTexts[listed - 1]!)).toContain(`22 NOVEMBER 2026 ${title}`);
      expect(squash(edition.pageTexts[listed - 2]!)).not.toContain(`22 NOVEMBER 2026 ${title}`);
    }
    expect(edition.pages).toBeGreaterThan(pdfs['ip-enforcement']!.pages + 2);
  });

  it('writes an index linking every briefing and the model', async () => {
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    for (const theme of THEMES) {
      expect(index).toContain(`href="${theme}.html"`);
      expect(index).toContain(`href="${theme}.pdf"`);
    }
    const model = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8'));
    expect(model.documents.map((d: { path: string }) => d.path)).toHaveLength(4);
    expect(model.briefings).toHaveLength(3);
  });

  it('keeps the previous edition when a build fails', async () => {
    // A copy of the edition without the cache, so the next build must print, with no browser.
    const copy = path.join(path.dirname(out), 'copy');
    await cp(out, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}.cache`) });
    const before = await readFile(path.join(copy, 'ip-enforcement.pdf'));
    const failed = await runCli(
      ['build', '--corpus', corpus, '--out', copy, '--date', '2026-11-23'],
      {
        env: { BRIEFING_BROWSER: '/nonexistent/chrome' },
      },
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/\/nonexistent\/chrome/);
    expect(await readFile(path.join(copy, 'ip-enforcement.pdf'))).toEqual(before);
    expect((await readdir(copy)).filter((f) => f.startsWith('.staging'))).toEqual([]);
  });
});
