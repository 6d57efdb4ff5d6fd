import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ResolvedConfig } from '../src/config/resolve-config.js';
import type { BuildResult } from '../src/model.js';
import { isIgnored, classify, type SourcePaths } from '../src/watch/source-paths.js';
import type { SourceChange } from '../src/watch/watch-corpus.js';
import { startWatch, type WatchSession } from '../src/watch/watch-session.js';
import { sleep, until } from './helpers/wait.js';
import { corpus, root, SAMPLE } from './helpers/paths.js';

const DEBOUNCE_MS = 150;

/** A temp project: a copy of the corpus and the templates, and a config pointing at them. */
async function tempProject(edit: (config: Record<string, unknown>) => void = () => {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-watch-'));
  await cp(corpus, path.join(dir, 'corpus'), { recursive: true });
  await cp(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  const config = parse(await readFile(path.join(root, 'briefing.config.yaml'), 'utf8'));
  Object.assign(config, { corpus: 'corpus', output: 'out', templates: 'templates' });
  edit(config);
  const configFile = path.join(dir, 'briefing.config.yaml');
  await writeFile(configFile, stringify(config));
  return { dir, configFile, config: config as { themes: Record<string, unknown>[] } };
}

/** Everything a watch session reported. */
function recorder() {
  const log = {
    builds: [] as { result: BuildResult; config: ResolvedConfig }[],
    failures: [] as unknown[],
    changes: [] as SourceChange[][],
  };
  const reporter = {
    built: (result: BuildResult, config: ResolvedConfig) => log.builds.push({ result, config }),
    failed: (error: unknown) => log.failures.push(error),
    changed: (changes: SourceChange[]) => log.changes.push(changes),
  };
  return { log, reporter };
}

interface Model {
  documents: { path: string; title: string }[];
  briefings: { theme: string }[];
  messages: { file: string; code: string }[];
}

describe('watch', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let session: WatchSession;
  const { log, reporter } = recorder();
  const file = (...parts: string[]) => path.join(project.dir, ...parts);
  const model = async (): Promise<Model> =>
    JSON.parse(await readFile(file('out', 'model.json'), 'utf8'));

  /** Runs `change` and checks it caused exactly one build (and nothing else after it). */
  async function oneRebuild(change: () => Promise<void>) {
    const before = log.builds.length;
    const failures = log.failures.length;
    await change();
    await until(() => log.builds.length > before, 'a rebuild');
    await sleep(DEBOUNCE_MS * 3);
    await session.idle();
    expect(log.builds.length).toBe(before + 1);
    expect(log.failures.slice(failures)).toEqual([]);
    return model();
  }

  /** Runs `change` and checks it caused no build. */
  async function noRebuild(change: () => Promise<void>) {
    const before = log.builds.length;
    await change();
    await sleep(DEBOUNCE_MS * 4);
    await session.idle();
    expect(log.builds.length).toBe(before);
  }

  beforeAll(async () => {
    project = await tempProject();
    session = await startWatch({
      config: { configFile: project.configFile, overrides: { pdf: false } },
      reporter,
      debounceMs: DEBOUNCE_MS,
    });
    await until(() => log.builds.length === 1, 'the first build');
    await session.idle();
  });
  afterAll(async () => {
    await session?.close();
    await rm(project.dir, { recursive: true, force: true });
  });

  it('builds once at the start', async () => {
    expect(log.builds).toHaveLength(1);
    expect(log.failures).toEqual([]);
    expect((await model()).documents).toHaveLength(4);
  });

  it('rebuilds once when a document is added', async () => {
    const after = await oneRebuild(() =>
      writeFile(
        file('corpus', 'added.md'),
        '---\ntitle: Added story\n---\n\nA factory opened abroad.\n',
      ),
    );
    expect(after.documents.find((d) => d.path === 'added.md')?.title).toBe('Added story');
    expect(log.changes.at(-1)).toEqual([
      { kind: 'corpus', event: 'add', file: file('corpus', 'added.md') },
    ]);
  });

  it('rebuilds once when a document changes', async () => {
    const after = await oneRebuild(() =>
      writeFile(
        file('corpus', 'added.md'),
        '---\ntitle: Changed story\n---\n\nA factory opened abroad.\n',
      ),
    );
    expect(after.documents.find((d) => d.path === 'added.md')?.title).toBe('Changed story');
  });

  it('rebuilds once when a document is renamed (into a new subfolder)', async () => {
    const after = await oneRebuild(async () => {
      await mkdir(file('corpus', 'sub'));
      await rename(file('corpus', 'added.md'), file('corpus', 'sub', 'renamed.md'));
    });
    const paths = after.documents.map((d) => d.path);
    expect(paths).toContain('sub/renamed.md');
    expect(paths).not.toContain('added.md');
  });

  it('rebuilds once when a document is deleted', async () => {
    const after = await oneRebuild(() => rm(file('corpus', 'sub', 'renamed.md')));
    expect(after.documents.map((d) => d.path)).toEqual(Object.values(SAMPLE).sort());
  });

  it('builds once for a save in several steps, and never a half-written file', async () => {
    const target = file('corpus', 'story.md');
    const story = (title: string, body = 'A plant opened abroad.') =>
      `---\ntitle: ${title}\n---\n\n${body}\n`;
    await oneRebuild(() => writeFile(target, story('Original story')));
    // Truncate, then write in two chunks a little apart, as a slow editor would.
    let after = await oneRebuild(async () => {
      await truncate(target, 0);
      await sleep(30);
      await writeFile(target, story('Rewritten in place', 'First half.'));
      await sleep(30);
      await writeFile(target, story('Rewritten in place', 'First half. Second half.'));
    });
    const doc = () => after.documents.find((d) => d.path === 'story.md');
    expect(doc()?.title).toBe('Rewritten in place');
    expect(after.messages.filter((m) => m.file === 'story.md')).toEqual([]);
    // Write a temp file beside it, then rename it over the document.
    after = await oneRebuild(async () => {
      await writeFile(`${target}.tmp-1234`, story('Replaced whole'));
      await sleep(20);
      await rename(`${target}.tmp-1234`, target);
    });
    expect(doc()?.title).toBe('Replaced whole');
  });

  it('ignores hidden files, swap files, other file types and the output folder', async () => {
    await noRebuild(async () => {
      await writeFile(file('corpus', '.hidden.md'), 'hidden');
      await mkdir(file('corpus', '.git'));
      await writeFile(file('corpus', '.git', 'notes.md'), 'hidden');
      await writeFile(file('corpus', 'draft.md.swp'), 'swap');
      await writeFile(file('corpus', 'draft.md~'), 'backup');
      await writeFile(file('corpus', '.#draft.md'), 'lock');
      await writeFile(file('corpus', 'scan.pdf'), '%PDF-1.4');
      await writeFile(file('templates', '.briefing.hbs.swp'), 'swap');
      await writeFile(file('out', 'extra.md'), 'written by someone else');
      await writeFile(file('notes.md'), 'beside the corpus, not in it');
    });
  });

  it('rebuilds once when a template changes', async () => {
    const layout = file('templates', 'layout.hbs');
    const source = await readFile(layout, 'utf8');
    await oneRebuild(() =>
      writeFile(layout, source.replace('</body>', '<p hidden>watch-marker</p>\n</body>')),
    );
    expect(await readFile(file('out', 'index.html'), 'utf8')).toContain('watch-marker');
    expect(log.changes.at(-1)?.map((c) => c.kind)).toEqual(['template']);
  });

  it('reports a build that fails and goes on watching', async () => {
    const layout = file('templates', 'layout.hbs');
    const source = await readFile(layout, 'utf8');
    const before = log.builds.length;
    await writeFile(layout, source.replace('{{> content}}', '{{#if}}'));
    await until(() => log.failures.length === 1, 'the failure');
    expect(String(log.failures[0])).toMatch(/layout\.hbs/);
    await oneRebuild(() => writeFile(layout, source));
    expect(log.builds.length).toBe(before + 1);
    log.failures.length = 0;
  });

  it('reloads the config when it changes (a new theme) and rebuilds once', async () => {
    const themes = [
      ...project.config.themes,
      {
        id: 'data-centres',
        title: 'Data centres',
        description: 'Where the data centres go.',
        signals: [{ terms: ['data cent*'] }],
      },
    ];
    const after = await oneRebuild(() =>
      writeFile(project.configFile, stringify({ ...project.config, themes })),
    );
    expect(after.briefings.map((b) => b.theme)).toContain('data-centres');
    expect(await readFile(file('out', 'data-centres.html'), 'utf8')).toContain('Data centres');
    expect(session.config.themes.map((t) => t.id)).toContain('data-centres');
  });

  it('reports an invalid config, keeps the last good one and goes on watching', async () => {
    const good = await readFile(project.configFile, 'utf8');
    const before = log.builds.length;
    // Replace the file the way many editors save: write a temp file, rename it over.
    await writeFile(`${project.configFile}.tmp`, 'themes:\n  - id: Not An Id\n');
    await rename(`${project.configFile}.tmp`, project.configFile);
    await until(() => log.failures.length === 1, 'the config error');
    expect(String(log.failures[0])).toMatch(/Invalid config .*briefing\.config\.yaml/);
    await sleep(DEBOUNCE_MS * 3);
    expect(log.builds.length).toBe(before);
    log.failures.length = 0;

    // A document change still builds, with the last good config.
    const after = await oneRebuild(() =>
      writeFile(file('corpus', 'late.md'), '---\ntitle: Late news\n---\n\nData centres abroad.\n'),
    );
    expect(after.briefings.map((b) => b.theme)).toContain('data-centres');
    expect(after.documents.map((d) => d.path)).toContain('late.md');

    // And the config, once fixed, is read again.
    await oneRebuild(() =>
      writeFile(project.configFile, good.replace('Data centres', 'Server farms')),
    );
    expect(session.config.themes.find((t) => t.id === 'data-centres')?.title).toBe('Server farms');
  });
});

describe('watch with the output inside the corpus', () => {
  it('does not rebuild because of its own output', async () => {
    const project = await tempProject((config) => (config.output = 'corpus/_site'));
    const { log, reporter } = recorder();
    const session = await startWatch({
      config: { configFile: project.configFile, overrides: { pdf: false } },
      reporter,
      debounceMs: DEBOUNCE_MS,
    });
    try {
      await until(() => log.builds.length === 1, 'the first build');
      await session.idle();
      await writeFile(path.join(project.dir, 'corpus', '_site', 'copy.md'), 'not a document');
      await sleep(DEBOUNCE_MS * 4);
      await session.idle();
      expect(log.builds).toHaveLength(1);
      expect(log.failures).toEqual([]);
    } finally {
      await session.close();
      await rm(project.dir, { recursive: true, force: true });
    }
  });
});

describe('source paths', () => {
  const paths: SourcePaths = {
    corpus: '/p/corpus',
    templates: '/p/templates',
    configFile: '/p/briefing.config.yaml',
    output: '/p/corpus/out',
  };
  it('classifies documents, templates and the config, and nothing else', () => {
    expect(classify(paths, '/p/corpus/a/b.MD')).toBe('corpus');
    expect(classify(paths, '/p/corpus/a.markdown')).toBe('corpus');
    expect(classify(paths, '/p/corpus/a.txt')).toBe('corpus');
    expect(classify(paths, '/p/corpus/a.pdf')).toBeNull();
    expect(classify(paths, '/p/templates/partials/x.hbs')).toBe('template');
    expect(classify(paths, '/p/briefing.config.yaml')).toBe('config');
    expect(classify(paths, '/p/other.yaml')).toBeNull();
  });
  it('ignores the output, hidden paths and editor files, but not hidden parents of the root', () => {
    expect(isIgnored(paths, '/p/corpus/out')).toBe(true);
    expect(isIgnored(paths, '/p/corpus/out/x.md')).toBe(true);
    expect(isIgnored(paths, '/p/corpus/.cache/x.md')).toBe(true);
    expect(isIgnored(paths, '/p/corpus/x.md.swp')).toBe(true);
    expect(isIgnored(paths, '/p/corpus/x.md~')).toBe(true);
    expect(isIgnored(paths, '/p/corpus/.#x.md')).toBe(true);
    expect(isIgnored(paths, '/p/corpus/outline.md')).toBe(false);
    const hiddenHome = { ...paths, corpus: '/home/.me/corpus' };
    expect(isIgnored(hiddenHome, '/home/.me/corpus/x.md')).toBe(false);
  });
});

describe('briefing watch (the command)', () => {
  it('builds, rebuilds on a change, and stops cleanly on SIGTERM', async () => {
    const project = await tempProject();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'src', 'cli.ts'),
        'watch',
        '--config',
        project.configFile,
        '--no-pdf',
      ],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const summaries = () =>
        stdout.match(/^Built 3 briefings \(0 PDF\) from \d+ documents in/gm) ?? [];
      await until(() => summaries().length === 1, 'the first summary line', 40_000);
      await until(() => stderr.includes('Watching for changes'), 'the watching notice');
      await writeFile(path.join(project.dir, 'corpus', 'new.txt'), 'A new office opened abroad.\n');
      await until(() => summaries().length === 2, 'the second summary line');
      expect(stdout).toMatch(/from 5 documents/);
      expect(stderr).toMatch(/Changed: .*new\.txt; rebuilding/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(project.dir, { recursive: true, force: true });
    }
  });
});
