import { appendFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import type { ConfigOverrides } from '../src/config/resolve-config.js';
import { build } from '../src/build.js';
import type { BuildResult } from '../src/model.js';
import { corpus as sampleCorpus, root, SAMPLE } from './helpers/paths.js';

let dir: string;
let corpus: string;
let out: string;

async function run(overrides: ConfigOverrides = {}, configFile?: string): Promise<BuildResult> {
  const config = await loadConfig({
    cwd: root,
    ...(configFile ? { configFile } : {}),
    overrides: { corpus, output: out, editionDate: '2026-11-20', ...overrides },
  });
  return build(config);
}

/** Every file under the output folder (cache excluded) with its modification time and bytes. */
async function snapshot(): Promise<Map<string, { mtimeMs: number; bytes: Buffer }>> {
  const files = new Map<string, { mtimeMs: number; bytes: Buffer }>();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(out, file);
    if (relative.startsWith('.cache')) continue;
    files.set(relative, { mtimeMs: (await stat(file)).mtimeMs, bytes: await readFile(file) });
  }
  return files;
}

const readModel = async () => JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8'));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-incremental-'));
  corpus = path.join(dir, 'corpus');
  out = path.join(dir, 'output');
  await cp(sampleCorpus, corpus, { recursive: true });
}, 60_000);

describe('incremental builds (regression tests for issue 5)', () => {
  it('a cold build analyzes every document and prints every PDF', async () => {
    const result = await run();
    expect(result.work.analyzed).toHaveLength(4);
    expect(result.work.printed.sort()).toEqual([
      'edition.pdf',
      'government-relations.pdf',
      'international-expansion.pdf',
      'ip-enforcement.pdf',
    ]);
    expect(result.work.newEditions).toHaveLength(3);
  });

  it('a build with nothing changed redoes nothing and touches no output file', async () => {
    const before = await snapshot();
    const result = await run({ editionDate: '2026-11-21' });
    expect(result.work.analyzed).toEqual([]);
    expect(result.work.reused).toHaveLength(4);
    expect(result.work.printed).toEqual([]);
    expect(result.work.newEditions).toEqual([]);
    expect(result.written).toEqual([]);
    const after = await snapshot();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, { mtimeMs, bytes }] of after) {
      expect(mtimeMs, file).toBe(before.get(file)!.mtimeMs);
      expect(bytes.equals(before.get(file)!.bytes), file).toBe(true);
    }
    // An unchanged briefing keeps its edition and its date.
    expect((await readModel()).briefings.map((b: { edition: unknown }) => b.edition)).toEqual([
      { number: 1, date: '2026-11-20' },
      { number: 1, date: '2026-11-20' },
      { number: 1, date: '2026-11-20' },
    ]);
  });

  it('changing one document re-analyzes it alone, reprints only what changed and marks exactly the new item', async () => {
    const sentence =
      'Alibaba said on Friday it would open a second logistics centre abroad, in Vietnam, to serve foreign sellers expanding overseas.';
    await appendFile(path.join(corpus, SAMPLE.korea), `\n${sentence}`);
    const before = await snapshot();
    const result = await run({ editionDate: '2026-11-22' });
    expect(result.work.analyzed).toEqual([SAMPLE.korea]);
    expect(result.work.newEditions).toEqual(['international-expansion']);
    expect(result.work.printed.sort()).toEqual(['edition.pdf', 'international-expansion.pdf']);
    const after = await snapshot();
    expect(after.get('ip-enforcement.pdf')!.mtimeMs).toBe(
      before.get('ip-enforcement.pdf')!.mtimeMs,
    );
    expect(after.get('ip-enforcement.html')!.mtimeMs).toBe(
      before.get('ip-enforcement.html')!.mtimeMs,
    );

    const model = await readModel();
    const expansion = model.briefings.find(
      (b: { theme: string }) => b.theme === 'international-expansion',
    );
    expect(expansion.edition).toEqual({ number: 2, date: '2026-11-22' });
    const items = [
      ...expansion.bottomLine,
      ...expansion.developments,
      ...expansion.figures,
      ...expansion.quotes,
    ];
    expect(
      items.filter((i: { new?: boolean }) => i.new).map((i: { text: string }) => i.text),
    ).toEqual([sentence]);
    expect(expansion.sinceLast).toEqual({
      previous: { number: 1, date: '2026-11-20' },
      added: 1,
      withdrawn: [],
    });
    const html = await readFile(path.join(out, 'international-expansion.html'), 'utf8');
    expect(html).toMatch(/Since the last edition/);
    expect(html.match(/class="new-mark">New</g)).toHaveLength(2); // the item, and the legend
    // The edition it replaced is kept.
    expect(
      before
        .get('international-expansion.pdf')!
        .bytes.equals(
          await readFile(
            path.join(
              out,
              'editions',
              'international-expansion',
              '1',
              'international-expansion.pdf',
            ),
          ),
        ),
    ).toBe(true);
  });

  it('adding a document analyzes only that one and marks its items new', async () => {
    await writeFile(
      path.join(corpus, 'raid.md'),
      '---\ntitle: Police seize counterfeit handbags sold on Taobao\ndate: 2017-02-01\n---\n\n' +
        'Police in Guangzhou seized 40,000 counterfeit handbags in a raid on a warehouse that supplied sellers on Taobao, officials said on Wednesday.\n\n' +
        'Alibaba said its investigators had tipped off police about the counterfeit goods, and that the sellers had been removed from the platform.\n',
    );
    const result = await run({ editionDate: '2026-11-23' });
    expect(result.work.analyzed).toEqual(['raid.md']);
    expect(result.work.newEditions).toContain('ip-enforcement');
    const ip = (await readModel()).briefings.find(
      (b: { theme: string }) => b.theme === 'ip-enforcement',
    );
    expect(ip.edition.number).toBe(2);
    const fresh = [...ip.bottomLine, ...ip.developments].filter((i: { new?: boolean }) => i.new);
    expect(fresh.length).toBeGreaterThan(0);
    for (const item of fresh) expect(item.text).toMatch(/handbags|investigators/);
  });

  it('deleting a document lists it as withdrawn and re-analyzes nothing', async () => {
    await rm(path.join(corpus, SAMPLE.mexico));
    const result = await run({ editionDate: '2026-11-24' });
    expect(result.work.analyzed).toEqual([]);
    const model = await readModel();
    expect(model.documents.map((d: { path: string }) => d.path)).not.toContain(SAMPLE.mexico);
    const government = model.briefings.find(
      (b: { theme: string }) => b.theme === 'government-relations',
    );
    expect(government.sinceLast.withdrawn).toEqual([
      {
        document: '002_39306b429dcf5f4f',
        title: 'Mexico government seeking companies for Alibaba e-commerce deal',
      },
    ]);
    const html = await readFile(path.join(out, 'government-relations.html'), 'utf8');
    expect(html).toMatch(/Withdrawn from the corpus/);
  });

  it('an output file removed by hand is put back by the next build', async () => {
    await rm(path.join(out, 'ip-enforcement.html'));
    const result = await run({ editionDate: '2026-11-25' });
    expect(result.written).toEqual(['ip-enforcement.html']);
    expect(result.work.analyzed).toEqual([]);
    expect(result.work.printed).toEqual([]);
  });

  it('changing a template re-renders and reprints everything, but re-analyzes nothing and keeps editions', async () => {
    const templates = path.join(dir, 'templates');
    await cp(path.join(root, 'templates'), templates, { recursive: true });
    await appendFile(
      path.join(templates, 'briefing.css'),
      '\n.masthead { letter-spacing: 0.01em; }\n',
    );
    const config = path.join(dir, 'briefing.config.yaml');
    await writeFile(
      config,
      `${await readFile(path.join(root, 'briefing.config.yaml'), 'utf8')}\ntemplates: templates\n`,
    );
    const editions = (await readModel()).briefings.map((b: { edition: unknown }) => b.edition);
    const result = await run({ editionDate: '2026-11-25' }, config);
    expect(result.work.analyzed).toEqual([]);
    expect(result.work.newEditions).toEqual([]);
    expect(result.work.printed).toHaveLength(4);
    expect((await readModel()).briefings.map((b: { edition: unknown }) => b.edition)).toEqual(
      editions,
    );
    expect(await readFile(path.join(out, 'ip-enforcement.html'), 'utf8')).toContain(
      'letter-spacing: 0.01em',
    );
  });

  it('a staging folder left by a killed build is cleared by the next build', async () => {
    const { mkdir } = await import('node:fs/promises');
    const { spawnSync } = await import('node:child_process');
    // A process that has exited: its pid is free, as after a build killed with SIGKILL.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const abandoned = path.join(out, `.staging-${gone}-abc123`);
    await mkdir(path.join(abandoned, 'fonts'), { recursive: true });
    await writeFile(path.join(abandoned, 'index.html'), '<p>half written</p>');
    await rm(path.join(out, 'index.html'));
    await run({ editionDate: '2026-11-25' });
    expect((await readdir(out)).filter((f) => f.startsWith('.staging'))).toEqual([]);
  });

  it('force ignores the cache', async () => {
    const result = await run({ editionDate: '2026-11-25', force: true });
    expect(result.work.analyzed).toHaveLength(4);
    expect(result.work.reused).toEqual([]);
  });

  it('a corrupt cache entry is rebuilt, never trusted', async () => {
    // The digests of the analyzed documents: their store overwritten with garbage.
    const store = path.join(out, '.cache', 'digests.sqlite');
    for (const suffix of ['-wal', '-shm']) await rm(`${store}${suffix}`, { force: true });
    await writeFile(store, Buffer.alloc(8192, 'not a database '));
    // With its outputs intact an unchanged build would not even look; make it rebuild.
    await rm(path.join(out, 'model.json'));
    const result = await run({ editionDate: '2026-11-25' });
    expect(result.work.analyzed).toHaveLength(4);
    expect((await readModel()).documents).toHaveLength(4);
    // And the store is whole again: the next change re-analyzes only the changed document.
    await appendFile(path.join(corpus, SAMPLE.column), '\nA new closing line about Alibaba.\n');
    const next = await run({ editionDate: '2026-11-26' });
    expect(next.work.analyzed).toEqual([SAMPLE.column]);
  });
});

describe('deterministic output', () => {
  it('the same inputs give byte-identical HTML, model and PDFs', async () => {
    const a = await mkdtemp(path.join(os.tmpdir(), 'briefing-det-a-'));
    const b = await mkdtemp(path.join(os.tmpdir(), 'briefing-det-b-'));
    for (const output of [a, b]) {
      const config = await loadConfig({
        cwd: root,
        overrides: { corpus: sampleCorpus, output, editionDate: '2026-11-22' },
      });
      await build(config);
    }
    for (const file of [
      'model.json',
      'index.html',
      'ip-enforcement.html',
      'government-relations.pdf',
      'edition.pdf',
    ]) {
      expect(
        (await readFile(path.join(a, file))).equals(await readFile(path.join(b, file))),
        file,
      ).toBe(true);
    }
  });
});
