import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  open,
  readFile,
  readdir,
  rm,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { analyzeCorpus } from '../src/analyze-corpus.js';
import { loadConfig } from '../src/config/load-config.js';
import { ingestCorpus, ingestText } from '../src/ingest/ingest.js';
import { readDocument } from '../src/ingest/read-document.js';
import { listCorpus } from '../src/ingest/find-documents.js';
import {
  MAX_DOCUMENT_BYTES,
  MAX_INLINE_MARKS,
  MAX_LINE_CHARS,
  MAX_NESTING,
  MAX_TEXT_CHARS,
} from '../src/ingest/limits.js';
import type { CorpusModel, Message } from '../src/model.js';
import type * as FsPromises from 'node:fs/promises';
import { runCli } from './helpers/run-cli.js';
import { corpus as sampleCorpus, fixture, root, SAMPLE } from './helpers/paths.js';

// Reading goes through `open`; a test can make a file vanish or change just before it is read.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return { ...actual, open: vi.fn(actual.open) };
});
const realOpen = (await vi.importActual<typeof FsPromises>('node:fs/promises')).open;

const BROKEN = fixture('broken', 'corpus');
const EXPECTED = fixture('broken', 'expected');
/** A document every broken corpus also holds, to show the rest is still built. */
const GOOD = SAMPLE.mexico;

interface ExpectedMessage {
  file: string;
  severity: Message['severity'];
  code: string;
  line?: number;
}

const expectedMessages = JSON.parse(
  await readFile(path.join(EXPECTED, 'messages.json'), 'utf8'),
) as ExpectedMessage[];

const madeDirs: string[] = [];
/** A new temporary folder, removed after the tests (some hold 50 MB files). */
async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `briefing-${name}-`));
  madeDirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of madeDirs) await rm(dir, { recursive: true, force: true });
});

async function corpusOf(files: Record<string, string | Buffer>): Promise<string> {
  const dir = path.join(await tempDir('broken'), 'corpus');
  await mkdir(dir);
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
  return dir;
}

async function analyze(corpus: string): Promise<CorpusModel> {
  const output = path.join(path.dirname(corpus), 'output');
  return analyzeCorpus(await loadConfig({ cwd: root, overrides: { corpus, output } }));
}

const sample = (name: string) => readFile(path.join(sampleCorpus, name), 'utf8');

const messageFor = (messages: Message[], file: string) => messages.find((m) => m.file === file);

/** A line of prose `bytes` long, without a line break. */
const proseLine = (bytes: number) =>
  'Acme Robotics signed a distribution agreement in Brazil, its first market abroad. '
    .repeat(Math.ceil(bytes / 82))
    .slice(0, bytes);

describe('broken input: static cases (test/fixtures/broken)', () => {
  it('names every broken file with its severity, code and line, and reads the rest', async () => {
    const { documents, messages } = await ingestCorpus(BROKEN);
    for (const expected of expectedMessages) {
      expect(messageFor(messages, expected.file), expected.file).toMatchObject(expected);
    }
    expect(messages.map((m) => m.file).sort()).toEqual(expectedMessages.map((m) => m.file).sort());
    const usable = expectedMessages.filter((m) => m.severity === 'warning').map((m) => m.file);
    expect(documents.map((d) => d.path).sort()).toEqual(usable.sort());
  });

  it('says what a binary file is', async () => {
    const { messages } = await ingestCorpus(BROKEN);
    expect(messageFor(messages, 'png-image.txt')!.reason).toContain('PNG');
    expect(messageFor(messages, 'pdf-document.md')!.reason).toContain('PDF');
    expect(messageFor(messages, 'zip-archive.txt')!.reason).toContain('ZIP');
  });

  it('decodes UTF-16, Windows-1252, Latin-1, GB18030 and Big5 to the original text, naming the encoding', async () => {
    const originals = (await readdir(EXPECTED)).filter((name) => name.endsWith('.txt'));
    expect(originals.length).toBeGreaterThanOrEqual(6);
    for (const name of originals) {
      const read = await readDocument(path.join(BROKEN, name));
      expect(read, name).toMatchObject({ ok: true, warning: { code: 'encoding' } });
      if (!read.ok) continue;
      expect(read.text, name).toBe(await readFile(path.join(EXPECTED, name), 'utf8'));
      expect(read.warning!.reason).toMatch(/^not UTF-8; read as \S+/);
    }
    const gb = await readDocument(path.join(BROKEN, 'gb18030.txt'));
    expect(gb.ok && gb.warning?.reason).toBe('not UTF-8; read as GB18030');
  });

  it('reads damaged UTF-8 as UTF-8, marking only the bad bytes, at the line of the first', async () => {
    const bytes = await readFile(path.join(BROKEN, 'invalid-utf8.txt'));
    const firstBad = bytes.indexOf(0xff);
    const line = bytes.subarray(0, firstBad).toString('latin1').split('\n').length;
    const read = await readDocument(path.join(BROKEN, 'invalid-utf8.txt'));
    expect(read).toMatchObject({ ok: true, warning: { code: 'invalid-utf8', line } });
    if (!read.ok) return;
    expect(read.text).toContain('Zürich');
    expect(read.text).toContain('\uFFFD');
  });

  it('refuses text whose encoding cannot be told, naming the best guess', async () => {
    for (const name of ['too-short-to-tell.txt', 'random-bytes.txt']) {
      const read = await readDocument(path.join(BROKEN, name));
      expect(read, name).toMatchObject({ ok: false, code: 'unknown-encoding' });
      expect(!read.ok && read.reason).toMatch(/best guess .+, \d+% sure/);
    }
  });

  it('drops what is nested 10,000 deep and keeps the rest of the document', async () => {
    const { documents } = await ingestCorpus(BROKEN);
    for (const name of ['deep-quotes.md', 'deep-list.md']) {
      const doc = documents.find((d) => d.path === name)!;
      expect(doc.blocks.map((b) => b.text)).toEqual([
        expect.stringMatching(/^Acme opened a warehouse/),
      ]);
    }
  });
});

describe('broken input: front matter is data, never code', () => {
  it('refuses every engine and language fence, reporting it at line 1', () => {
    const engines = ['js', 'javascript', 'coffee', 'coffeescript', 'JS', ' ecmascript', 'toml'];
    for (const engine of engines) {
      const text = `---${engine}\ntitle: Injected\n---\n\nAcme opened an office in Chile.\n`;
      const { document, messages } = ingestText('doc.md', text);
      expect(messages, engine).toEqual([
        expect.objectContaining({ code: 'front-matter-engine', line: 1, severity: 'warning' }),
      ]);
      expect(document?.meta, engine).toEqual({});
    }
    const toml = ingestText('doc.md', '+++\ntitle = "Injected"\n+++\n\nAcme opened an office.\n');
    expect(toml.messages[0]).toMatchObject({ code: 'front-matter-engine' });
  });

  it('never runs the code in a JavaScript or CoffeeScript front matter', async () => {
    const cwd = process.cwd();
    const dir = await tempDir('front-matter');
    process.chdir(dir);
    try {
      const model = await analyze(BROKEN);
      const engines = model.documents.filter((d) => d.path.startsWith('front-matter-'));
      expect(engines).toHaveLength(3);
      for (const doc of engines) expect(doc.title).not.toBe('Pwned');
    } finally {
      process.chdir(cwd);
    }
    expect((globalThis as { frontMatterExecuted?: boolean }).frontMatterExecuted).toBeUndefined();
    expect(existsSync(path.join(dir, 'front-matter-executed.marker'))).toBe(false);
  });

  it('reports YAML that is malformed or explodes (aliases) instead of failing the build', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefg') {
      const previous = laughs[laughs.length - 1]![0];
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const text = `---\n${laughs.join('\n')}\ntitle: *g\n---\n\nAcme opened an office in Chile.\n`;
    const { document, messages } = ingestText('bomb.md', text);
    expect(messages[0]).toMatchObject({ code: 'front-matter-invalid', severity: 'warning' });
    expect(document?.blocks[0]?.text).toBe('Acme opened an office in Chile.');
  });
});

describe('broken input: size', () => {
  it('refuses a 50 MB document without reading it, and builds the rest', async () => {
    const corpus = await corpusOf({ [GOOD]: await sample(GOOD) });
    const huge = path.join(corpus, 'huge.txt');
    await writeFile(huge, proseLine(50 * 1024 * 1024));
    const model = await analyze(corpus);
    expect(messageFor(model.messages, 'huge.txt')).toMatchObject({
      severity: 'error',
      code: 'too-large',
      reason: expect.stringMatching(/50 MB, over the 8 MB limit/),
    });
    expect(model.documents.map((d) => d.path)).toEqual([GOOD]);
  });

  it('never reads more than the limit, even of a file far larger than memory', async () => {
    const dir = await tempDir('sparse');
    const sparse = path.join(dir, 'sparse.txt');
    await writeFile(sparse, '');
    await truncate(sparse, 64 * 1024 ** 3); // 64 GB, sparse: reading it would not end soon
    expect(await readDocument(sparse)).toMatchObject({ ok: false, code: 'too-large' });
    expect(MAX_DOCUMENT_BYTES).toBeLessThan(64 * 1024 ** 3);
  });

  it('cuts a single line of 5 MB and reads the document in well under a second per MB', async () => {
    const corpus = await corpusOf({ 'one-line.txt': proseLine(5 * 1024 * 1024) });
    const started = performance.now();
    const model = await analyze(corpus);
    const seconds = (performance.now() - started) / 1000;
    expect(messageFor(model.messages, 'one-line.txt')).toMatchObject({
      severity: 'warning',
      code: 'long-line',
      line: 1,
    });
    const doc = model.documents[0]!;
    expect(doc.paragraphs).toHaveLength(1);
    expect(doc.paragraphs[0]!.text.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(doc.paragraphs[0]!.text.length).toBeGreaterThan(MAX_LINE_CHARS - 1000);
    expect(seconds).toBeLessThan(5);
  });

  it('reads a long document up to the text limit, cut at a line break', () => {
    const paragraph = `${proseLine(2000)}\n\n`;
    const text = paragraph.repeat(Math.ceil((2 * MAX_TEXT_CHARS) / paragraph.length));
    const { document, messages } = ingestText('long.txt', text);
    const cut = messages.find((m) => m.code === 'truncated')!;
    expect(cut).toMatchObject({ severity: 'warning', file: 'long.txt' });
    expect(document!.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text.startsWith(document!.text)).toBe(true);
    expect(document!.text.split('\n')).toHaveLength(cut.line!);
  });
});

describe('broken input: hostile Markdown stays fast', () => {
  const depth = 1000;
  /** Each case, and the line of its first level past the limit. */
  const cases: Record<string, { text: string; firstTooDeep: number }> = {
    'quotes, a level a line': {
      text: Array.from({ length: depth }, (_, i) => `${'>'.repeat(i + 1)} level ${i + 1}`).join(
        '\n',
      ),
      firstTooDeep: MAX_NESTING + 1,
    },
    'lists, a level a line': {
      text: Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'),
      firstTooDeep: MAX_NESTING + 1,
    },
    'quotes and lists on one line': {
      text: `${'> - 1. '.repeat(depth)}level ${3 * depth}\n`,
      firstTooDeep: 1,
    },
  };

  it.each(Object.keys(cases))(
    `%s, ${depth} deep: drops the lines nested past the limit`,
    (name) => {
      const { text, firstTooDeep } = cases[name]!;
      for (const file of ['deep.md', 'deep.txt']) {
        const { document, messages } = ingestText(file, text);
        expect(
          messages.find((m) => m.code === 'too-deep'),
          `${name} (${file})`,
        ).toMatchObject({
          severity: 'warning',
          file,
          line: firstTooDeep,
        });
        const kept = document?.blocks.map((b) => b.text).join('\n') ?? '';
        expect(kept).not.toMatch(new RegExp(`level ${MAX_NESTING + 1}\\b`));
      }
    },
    10_000,
  );

  it('keeps a far-indented line that opens no nesting, such as a page number', () => {
    const text = `Acme opened an office in Lima.\n\n${' '.repeat(70)}- 3 -\n`;
    for (const file of ['page.md', 'page.txt']) {
      expect(ingestText(file, text).messages, file).toEqual([]);
    }
  });

  it('reads 10,000 nested emphasis and link marks as plain text, without overflowing the stack', () => {
    const floods = {
      emphasis: `${'*a '.repeat(10_000)}core${' a*'.repeat(10_000)}`,
      links: `${'['.repeat(10_000)}core${'](u)'.repeat(10_000)}`,
      strikethrough: `${'~a '.repeat(10_000)}core${' a~'.repeat(10_000)}`,
    };
    for (const [name, text] of Object.entries(floods)) {
      const { document, messages } = ingestText(`${name}.md`, `Lead paragraph.\n\n${text}\n`);
      expect(messages, name).toEqual([
        expect.objectContaining({ code: 'markup-ignored', severity: 'warning', line: 3 }),
      ]);
      expect(document!.blocks[1]!.text, name).toContain('core');
    }
    expect(MAX_INLINE_MARKS).toBeLessThan(10_000);
  }, 10_000);

  it('parses a long list of nested items in bounded time', () => {
    const line = '- - item of a nested list\n';
    const items = Math.floor(MAX_TEXT_CHARS / line.length);
    const { document, messages } = ingestText('list.md', line.repeat(items));
    expect(messages).toEqual([]);
    expect(document!.blocks).toHaveLength(items);
  }, 20_000);
});

describe('broken input: the file system', () => {
  it('reports link loops and broken links, and follows a folder link to its parent once', async () => {
    const corpus = await corpusOf({ [GOOD]: await sample(GOOD) });
    await symlink('loop-b.md', path.join(corpus, 'loop-a.md'));
    await symlink('loop-a.md', path.join(corpus, 'loop-b.md'));
    await symlink('missing.md', path.join(corpus, 'dangling.md'));
    await symlink('.', path.join(corpus, 'parent'));
    await symlink('..', path.join(corpus, 'grandparent'));
    const model = await analyze(corpus);
    for (const file of ['loop-a.md', 'loop-b.md']) {
      expect(messageFor(model.messages, file)).toMatchObject({
        severity: 'error',
        code: 'unreadable',
        reason: expect.stringContaining('ELOOP'),
      });
    }
    expect(messageFor(model.messages, 'dangling.md')).toMatchObject({
      code: 'unreadable',
      reason: expect.stringContaining('ENOENT'),
    });
    expect(model.documents.map((d) => d.path)).toEqual([GOOD]);
  });

  it('never opens a FIFO: it is reported, not read', async () => {
    const corpus = await corpusOf({ [GOOD]: await sample(GOOD) });
    execFileSync('mkfifo', [path.join(corpus, 'pipe.md')]);
    const model = await analyze(corpus);
    expect(messageFor(model.messages, 'pipe.md')).toMatchObject({
      severity: 'error',
      code: 'not-a-file',
      reason: expect.stringContaining('FIFO'),
    });
    expect(await readDocument(path.join(corpus, 'pipe.md'))).toMatchObject({
      ok: false,
      code: 'not-a-file',
    });
  });

  it('walks into a folder named like a document, and reads a document named like a folder', async () => {
    const corpus = await corpusOf({ 'notes.md/inside.md': await sample(GOOD) });
    const { files, skipped } = await listCorpus(corpus);
    expect(files.map((f) => f.path)).toEqual(['notes.md/inside.md']);
    expect(skipped).toEqual([]);
  });

  it('reports a file and a folder it may not read, with the reason', async () => {
    const corpus = await corpusOf({
      [GOOD]: await sample(GOOD),
      'secret.md': '# Secret\n\nAcme opened an office in Oslo.\n',
      'locked/inside.md': '# Inside\n\nAcme opened an office in Bergen.\n',
    });
    await chmod(path.join(corpus, 'secret.md'), 0o000);
    await chmod(path.join(corpus, 'locked'), 0o000);
    const run = await analyzeAsUnprivileged(corpus).finally(() =>
      chmod(path.join(corpus, 'locked'), 0o755),
    );
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout) as CorpusModel;
    expect(messageFor(model.messages, 'secret.md')).toMatchObject({
      severity: 'error',
      code: 'unreadable',
      reason: expect.stringContaining('permission denied (EACCES)'),
    });
    expect(messageFor(model.messages, 'locked/')).toMatchObject({
      severity: 'error',
      code: 'unreadable',
      reason: expect.stringContaining('EACCES'),
    });
    expect(model.documents.map((d) => d.path)).toEqual([GOOD]);
  });

  it('reports a file that disappears during the build, and builds the rest', async () => {
    const corpus = await corpusOf({
      [GOOD]: await sample(GOOD),
      'zz-gone.txt': await sample(SAMPLE.korea),
    });
    const model = await whileOpening(path.join(corpus, 'zz-gone.txt'), (file) => rm(file), corpus);
    expect(messageFor(model.messages, 'zz-gone.txt')).toEqual({
      severity: 'error',
      file: 'zz-gone.txt',
      code: 'vanished',
      reason: 'the file disappeared during the build',
    });
    expect(model.documents.map((d) => d.path)).toEqual([GOOD]);
  });

  it('reads a file rewritten during the build as it is when read', async () => {
    const corpus = await corpusOf({ [GOOD]: await sample(GOOD), 'zz-new.md': 'old' });
    const rewrite = (file: string) =>
      writeFile(file, '# Rewritten while building\n\nAcme opened an office in Lima.\n');
    const model = await whileOpening(path.join(corpus, 'zz-new.md'), rewrite, corpus);
    expect(model.messages).toEqual([]);
    expect(model.documents.find((d) => d.path === 'zz-new.md')?.title).toBe(
      'Rewritten while building',
    );
  });
});

describe('broken input: the same document under two names', () => {
  it('analyzes and cites the first in path order once, and names it in a warning on the other', async () => {
    const text = await sample(SAMPLE.column);
    const copy = `${text.replace(/\n/g, '  \r\n')}\n\n`;
    const corpus = await corpusOf({ '001.txt': text, 'archive/copy.txt': copy });
    const model = await analyze(corpus);
    expect(model.messages).toEqual([
      {
        severity: 'warning',
        file: 'archive/copy.txt',
        code: 'duplicate',
        reason: 'same text as 001.txt; cited once',
      },
    ]);
    expect(model.documents.map((d) => d.path)).toEqual(['001.txt']);
    const cited = model.briefings.flatMap((b) => b.sources.map((s) => s.document));
    expect(cited.length).toBeGreaterThan(0);
    expect(new Set(cited)).toEqual(new Set([model.documents[0]!.id]));
  });
});

describe('broken input: 10,000 tiny files', () => {
  it('reads each as a short document or names it in a message', async () => {
    const files: Record<string, string> = {};
    const cities = ['Tokyo', 'Lagos', 'Lima', 'Oslo', 'Seoul', 'Quito', 'Hanoi'];
    for (let i = 0; i < 10_000; i++) {
      const name = `tiny/${String(i).padStart(5, '0')}.txt`;
      files[name] =
        i % 10 === 0 ? '' : `Acme opened office ${i} in ${cities[i % cities.length]}, abroad.\n`;
    }
    const corpus = await corpusOf(files);
    const model = await analyze(corpus);
    const named = new Set([
      ...model.documents.map((d) => d.path),
      ...model.messages.map((m) => m.file),
    ]);
    expect(named).toEqual(new Set(Object.keys(files)));
    const empty = Object.entries(files).filter(([, text]) => text === '');
    expect(model.messages).toHaveLength(empty.length);
    expect(model.messages.every((m) => m.code === 'empty-file')).toBe(true);
  }, 120_000);
});

describe('broken input: the CLI builds a corpus of every broken case', () => {
  it('exits 0, names every broken file with its code, and writes the good briefing', async () => {
    const dir = await tempDir('broken-cli');
    const corpus = path.join(dir, 'corpus');
    await cp(BROKEN, corpus, { recursive: true });
    const good = await sample(GOOD);
    await writeFile(path.join(corpus, GOOD), good);
    const generated: ExpectedMessage[] = [
      { file: 'zz-duplicate.txt', severity: 'warning', code: 'duplicate' },
      { file: 'huge.txt', severity: 'error', code: 'too-large' },
      { file: 'one-line.txt', severity: 'warning', code: 'long-line', line: 1 },
      { file: 'loop-a.md', severity: 'error', code: 'unreadable' },
      { file: 'loop-b.md', severity: 'error', code: 'unreadable' },
      { file: 'pipe.md', severity: 'error', code: 'not-a-file' },
    ];
    await writeFile(path.join(corpus, 'zz-duplicate.txt'), good.replace(/\n/g, '\r\n'));
    await writeFile(path.join(corpus, 'huge.txt'), proseLine(50 * 1024 * 1024));
    await writeFile(path.join(corpus, 'one-line.txt'), proseLine(5 * 1024 * 1024));
    await symlink('loop-b.md', path.join(corpus, 'loop-a.md'));
    await symlink('loop-a.md', path.join(corpus, 'loop-b.md'));
    await symlink('.', path.join(corpus, 'parent'));
    execFileSync('mkfifo', [path.join(corpus, 'pipe.md')]);
    const out = path.join(dir, 'out');
    // In the corpus's parent folder: a front matter that ran would leave its marker file there.
    const run = await runCli(['build', '--no-pdf', '--corpus', 'corpus', '--out', out], {
      cwd: dir,
    });

    expect(run.code, run.stderr).toBe(0);
    const printed = run.stderr.split('\n').filter(Boolean);
    for (const { file, severity, code, line } of [...expectedMessages, ...generated]) {
      const where = `corpus/${file}${line === undefined ? '' : `:${line}`}`;
      const found = printed.find((l) => l.startsWith(`${where} `) && l.endsWith(`[${code}]`));
      expect(found, `${where} [${code}]`).toMatch(new RegExp(` ${severity} `));
    }
    expect(existsSync(path.join(dir, 'front-matter-executed.marker'))).toBe(false);

    const model = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8')) as CorpusModel;
    const doc = model.documents.find((d) => d.path === GOOD)!;
    expect(model.documents.some((d) => d.path === 'zz-duplicate.txt')).toBe(false);
    const briefings = model.briefings.filter((b) => b.documents.includes(doc.id));
    expect(briefings.length).toBeGreaterThan(0);
    for (const briefing of briefings) {
      const html = await readFile(path.join(out, `${briefing.theme}.html`), 'utf8');
      expect(html).toContain(doc.title);
    }
  }, 60_000);
});

/** Analyzes the corpus with `change` applied to `target` just before the build opens it. */
async function whileOpening(
  target: string,
  change: (file: string) => Promise<unknown>,
  corpus: string,
): Promise<CorpusModel> {
  vi.mocked(open).mockImplementation(async (file, ...rest) => {
    if (file === target) await change(target);
    return realOpen(file, ...rest);
  });
  try {
    return await analyze(corpus);
  } finally {
    vi.mocked(open).mockImplementation(realOpen);
  }
}

/**
 * Runs `briefing analyze --json` on the corpus as a user the permissions apply to: as itself,
 * or, when the tests run as root (whom permissions do not stop), as `nobody`.
 */
function analyzeAsUnprivileged(corpus: string): Promise<{ code: number | null; stdout: string }> {
  const asRoot = process.getuid?.() === 0;
  return (async () => {
    if (asRoot) await openUpTo(corpus);
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(root, 'dist', 'cli.js'), 'analyze', '--json', '--corpus', corpus],
        { cwd: root, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
  })();
}

/** Lets anyone into the temporary folders above the corpus (`mkdtemp` makes them private). */
async function openUpTo(corpus: string): Promise<void> {
  for (let dir = corpus; dir.startsWith(os.tmpdir()) && dir !== os.tmpdir();) {
    await chmod(dir, 0o755);
    dir = path.dirname(dir);
  }
}
