import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';

/** A briefing's edition as a file shows it. */
interface Edition {
  number: number;
  date: string;
}

interface ModelBriefing {
  theme: string;
  title: string;
  edition: Edition;
}

/** Folders and files a build keeps for itself in the output folder: never outputs. */
const WORK = /^\.(cache|lock|lock-owner|staging-.*|commit-.*)$/;

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Every output file (relative paths), leaving out the build's own working files. */
export async function outputFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)))
    .filter((file) => !WORK.test(file.split(path.sep)[0]!))
    .sort();
}

/**
 * Output files that are not complete: an HTML page that does not end with `</html>`, JSON that
 * does not parse, a PDF without its `%PDF-` header or `%%EOF` trailer or that pdf-lib cannot
 * load, a font without its WOFF2 signature, or an empty file.
 */
export async function incompleteFiles(out: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await outputFiles(out)) {
    const bytes = await readFile(path.join(out, file));
    if (!(await isComplete(file, bytes))) problems.push(`${file} is incomplete`);
  }
  return problems;
}

async function isComplete(file: string, bytes: Buffer): Promise<boolean> {
  if (bytes.length === 0) return false;
  const text = () => bytes.toString('utf8').trimEnd();
  if (file.endsWith('.html')) return text().endsWith('</html>');
  if (file.endsWith('.woff2')) return bytes.subarray(0, 4).toString('latin1') === 'wOF2';
  if (file.endsWith('.json')) return parses(text());
  if (file.endsWith('.pdf')) {
    if (!bytes.subarray(0, 5).toString('latin1').startsWith('%PDF-')) return false;
    if (!bytes.subarray(-32).toString('latin1').trimEnd().endsWith('%%EOF')) return false;
    return (await pdfTitle(bytes)) !== null;
  }
  return true;
}

/**
 * What keeps the output folder from holding one whole edition: `model.json`, the editions'
 * state, each briefing's page (and PDF, with `pdf`), the index, the fonts the pages use and the
 * archived previous editions must all show the same edition of each briefing. Empty when
 * consistent.
 */
export async function editionProblems(out: string, options: { pdf: boolean }): Promise<string[]> {
  const read = (file: string) => readFile(path.join(out, file), 'utf8').catch(() => null);
  const modelText = await read('model.json');
  const stateText = await read('editions/editions.json');
  if (modelText === null || stateText === null) return ['model.json or editions.json is missing'];
  const model = JSON.parse(modelText) as { edition: { date: string }; briefings: ModelBriefing[] };
  const state = JSON.parse(stateText) as { briefings: Record<string, Edition> };
  const index = (await read('index.html')) ?? '';
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => ok || problems.push(problem);
  expect(
    index.includes(`Edition of <time datetime="${model.edition.date}"`),
    `index.html is not the edition of ${model.edition.date}`,
  );
  for (const { theme, title, edition } of model.briefings) {
    const label = `${theme} #${edition.number} of ${edition.date}`;
    const recorded = state.briefings[theme];
    expect(
      recorded?.number === edition.number && recorded.date === edition.date,
      `editions.json has ${theme} #${recorded?.number} of ${recorded?.date}, model.json ${label}`,
    );
    const html = await read(`${theme}.html`);
    expect(sameEdition(pageEdition(html), edition), `${theme}.html is not ${label}`);
    expect(
      index.includes(`No. ${edition.number}, <time datetime="${edition.date}">`),
      `index.html does not list ${label}`,
    );
    for (const font of new Set(html?.match(/fonts\/[\w.-]+\.woff2/g) ?? [])) {
      expect(await exists(path.join(out, font)), `${theme}.html uses ${font}, which is missing`);
    }
    if (options.pdf) {
      expect(
        (await pdfTitleOf(out, `${theme}.pdf`)) === `${title} — ${edition.date}`,
        `${theme}.pdf is not ${label}`,
      );
    }
    if (edition.number > 1) problems.push(...(await archiveProblems(out, theme, edition.number)));
  }
  if (options.pdf) {
    expect(
      (await pdfTitleOf(out, 'edition.pdf')) === `Briefings — ${model.edition.date}`,
      `edition.pdf is not the edition of ${model.edition.date}`,
    );
  }
  return problems;
}

/** The edition before `number` must be archived, as that edition (its PDF too, when there). */
async function archiveProblems(out: string, theme: string, number: number): Promise<string[]> {
  const dir = path.join('editions', theme, String(number - 1));
  const html = await readFile(path.join(out, dir, `${theme}.html`), 'utf8').catch(() => null);
  const archived = pageEdition(html);
  if (archived?.number !== number - 1)
    return [`${dir}/${theme}.html is not ${theme} #${number - 1}`];
  const pdf = path.join(dir, `${theme}.pdf`);
  if (!(await exists(path.join(out, pdf)))) return [];
  const title = await pdfTitleOf(out, pdf);
  return title?.endsWith(` — ${archived.date}`) ? [] : [`${pdf} is not of ${archived.date}`];
}

/** The edition a briefing page's masthead shows, `null` when there is no page or masthead. */
function pageEdition(html: string | null): Edition | null {
  const match = html?.match(
    /class="masthead__kicker"><span>Briefing<\/span><span>Edition (\d+)<\/span><time datetime="([\d-]+)"/,
  );
  return match ? { number: Number(match[1]), date: match[2]! } : null;
}

function sameEdition(a: Edition | null, b: Edition): boolean {
  return a?.number === b.number && a.date === b.date;
}

async function pdfTitleOf(out: string, file: string): Promise<string | null> {
  const bytes = await readFile(path.join(out, file)).catch(() => null);
  return bytes ? pdfTitle(bytes) : null;
}

async function pdfTitle(bytes: Uint8Array): Promise<string | null> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return doc.getTitle() ?? '';
  } catch {
    return null;
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * What builds that stopped may leave and a finished build must have cleared: staging and
 * commit folders, the lock and its owner record, temporary files (in the cache too).
 */
export async function leftovers(out: string): Promise<string[]> {
  const names = await readdir(out).catch(() => [] as string[]);
  const found = names.filter(
    (name) => /^\.(staging-|commit-|lock)/.test(name) || /\.tmp$/.test(name),
  );
  const temps = await readdir(path.join(out, '.cache', '.tmp')).catch(() => [] as string[]);
  const stray = (await outputFiles(out)).filter((file) => /\.tmp$|^\./.test(path.basename(file)));
  return [...found, ...temps.map((name) => `.cache/.tmp/${name}`), ...stray];
}
