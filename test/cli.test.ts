import { mkdtemp, readFile, readdir, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { corpus, fixture, root } from './helpers/paths.js';

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'briefing-cli-'));

describe('cli', () => {
  it('prints help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/build/);
    expect(run.stdout).toMatch(/analyze/);
    const build = await runCli(['build', '--help']);
    expect(build.stdout).toMatch(/--no-pdf/);
    expect(build.stdout).toMatch(/--corpus <dir>/);
  });

  it('exits 2 on a usage error and says why', async () => {
    const unknown = await runCli(['build', '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/);
    const badDate = await runCli(['build', '--date', 'yesterday']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date must be YYYY-MM-DD/);
    expect((await runCli(['publish'])).code).toBe(2);
  });

  it('exits 1 with a clear message when the corpus folder is missing', async () => {
    const out = await tmp();
    const run = await runCli([
      'build',
      '--corpus',
      path.join(out, 'nope'),
      '--out',
      out,
      '--no-pdf',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Corpus folder not found: .*nope/);
  });

  it('exits 1 naming the field and line of an invalid config', async () => {
    const dir = await tmp();
    const config = path.join(dir, 'bad.yaml');
    await writeFile(
      config,
      'themes:\n  - id: Not An Id\n    title: T\n    description: D\n    signals: []\n',
    );
    const run = await runCli(['analyze', '--config', config]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(config);
    expect(run.stderr).toMatch(/themes\.0\.id \(line 2\)/);
    expect(run.stderr).toMatch(/themes\.0\.signals \(line 5\)/);
  });

  it('analyze --json prints the model', async () => {
    const run = await runCli(['analyze', '--corpus', corpus, '--json']);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.documents).toHaveLength(4);
    expect(model.briefings.map((b: { theme: string }) => b.theme)).toEqual([
      'international-expansion',
      'government-relations',
      'ip-enforcement',
    ]);
  });

  it('builds HTML with --no-pdf, reports broken files by name and builds the rest', async () => {
    const dir = await tmp();
    await cp(fixture('bad-input', 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    const out = path.join(dir, 'out');
    const run = await runCli([
      'build',
      '--corpus',
      path.join(dir, 'corpus'),
      '--out',
      out,
      '--no-pdf',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/empty\.txt error the file is empty \[empty-file\]/);
    expect(run.stderr).toMatch(
      /picture\.txt error not a text document: it is a PNG image \[not-text\]/,
    );
    expect(run.stderr).toMatch(/broken-front-matter\.md:\d+ warning malformed YAML front matter/);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(
      /^Built 3 briefings \(0 PDF\) from 2 documents in [\d.]+ s — .*3 errors, 1 warning/,
    );
    expect((await readdir(out)).sort()).toEqual([
      '.cache',
      'editions',
      'fonts',
      'government-relations.html',
      'index.html',
      'international-expansion.html',
      'ip-enforcement.html',
      'model.json',
    ]);
  });

  it('--strict fails the build when any document has a problem, and passes a clean corpus', async () => {
    const dir = await tmp();
    await cp(fixture('bad-input', 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    const out = path.join(dir, 'out');
    const strict = ['build', '--strict', '--no-pdf', '--out', out, '--corpus'];
    const broken = await runCli([...strict, path.join(dir, 'corpus')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/--strict: \d+ problem\(s\) above/);
    expect(broken.stdout).toMatch(/^Built 3 briefings/);
    const clean = await runCli([...strict, corpus]);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
  });

  it('builds a fourth theme added by editing the config alone', async () => {
    const dir = await tmp();
    const config = path.join(dir, 'briefing.config.yaml');
    const base = await readFile(path.join(root, 'briefing.config.yaml'), 'utf8');
    await writeFile(config, base + (await readFile(fixture('fourth-theme', 'theme.yaml'), 'utf8')));
    const out = path.join(dir, 'out');
    const run = await runCli([
      'build',
      '--config',
      config,
      '--corpus',
      corpus,
      '--out',
      out,
      '--no-pdf',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built 4 briefings/);
    const model = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8'));
    const logistics = model.briefings.find((b: { theme: string }) => b.theme === 'logistics');
    expect(logistics.title).toBe('Logistics and delivery');
    expect(logistics.empty).toBe(false);
    expect(await readFile(path.join(out, 'logistics.html'), 'utf8')).toMatch(
      /Logistics and delivery/,
    );
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toMatch(/href="logistics\.html"/);
  });
});
