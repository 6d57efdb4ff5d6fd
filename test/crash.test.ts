import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { recoverOutput } from '../src/build/commit-output.js';
import { loadConfig } from '../src/config/load-config.js';
import { corpus as sampleCorpus, root } from './helpers/paths.js';
import { editionProblems, incompleteFiles, leftovers } from './helpers/edition-consistency.js';

/** Builds killed at random points: HTML only, then with PDFs printed by the real Chromium. */
const HTML_KILLS = 30;
const PDF_KILLS = 5;
const SEED = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);

/** Kills the build process on the nth rename whose source path contains `KILL_AT_RENAME_FROM`. */
const KILL_AT_RENAME = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const rename = fs.promises.rename;
let seen = 0;
fs.promises.rename = async (source, target) => {
  if (String(source).includes(process.env.KILL_AT_RENAME_FROM) && ++seen === Number(process.env.KILL_AT_RENAME_NTH)) process.kill(process.pid, 'SIGKILL');
  return rename(source, target);
};
syncBuiltinESMExports();
`;

let dir: string;
let corpus: string;
let killAtRename: string;

interface BuildRun {
  code: number | null;
  killed: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/** When to kill a build: after a delay, or that long after a staging or commit folder appears. */
type Trigger = { after: 'start' | '.staging-' | '.commit-'; ms: number };

/** Runs `briefing build` in a child process, killing it (SIGKILL) when `trigger` fires. */
function runBuild(
  out: string,
  date: string,
  options: { pdf: boolean; trigger?: Trigger; nodeArgs?: string[]; env?: NodeJS.ProcessEnv },
): Promise<BuildRun> {
  const started = Date.now();
  const args = ['build', '--corpus', corpus, '--out', out, '--date', date];
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      path.join(root, 'dist', 'cli.js'),
      ...args,
      ...(options.pdf ? [] : ['--no-pdf']),
    ],
    { env: { ...process.env, NO_COLOR: '1', BRIEFING_LOCK_STALE_MS: '2000', ...options.env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const { trigger } = options;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), trigger!.ms));
  const watcher =
    trigger && trigger.after !== 'start'
      ? watch(out, (_event, name) => name?.startsWith(trigger.after) && arm())
      : null;
  if (trigger?.after === 'start') arm();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      watcher?.close();
      clearTimeout(timer);
      resolve({ code, killed: signal === 'SIGKILL', stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Seeded pseudo-random numbers in [0, 1) (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dateOf = (step: number) => new Date(Date.UTC(2026, 0, 1 + step)).toISOString().slice(0, 10);

const COUNTRIES = ['Vietnam', 'Thailand', 'Malaysia', 'Indonesia', 'Brazil', 'Poland', 'Spain'];
const CITIES = ['Guangzhou', 'Shenzhen', 'Yiwu', 'Hangzhou', 'Dongguan', 'Shanghai'];

/**
 * Changes one theme's material, in turn: adds a raid story (IP enforcement), rewrites the
 * expansion story (international expansion) or the regulator story (government relations).
 */
async function changeCorpus(step: number, next: () => number): Promise<string> {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const count = 1_000 + Math.floor(next() * 90_000);
  const story = (title: string, date: string, ...paragraphs: string[]) =>
    `---\ntitle: ${title}\ndate: ${date}\n---\n\n${paragraphs.join('\n\n')}\n`;
  if (step % 3 === 0) {
    const city = pick(CITIES);
    await writeFile(
      path.join(corpus, `raid-${step}.md`),
      story(
        `Police seize ${count} counterfeit handbags in ${city} raid`,
        '2017-02-01',
        `Police in ${city} seized ${count} counterfeit handbags in a raid on a warehouse that supplied sellers on Taobao, officials said on Wednesday.`,
        'Alibaba said its investigators had tipped off police about the counterfeit goods, and that the sellers had been removed from the platform.',
      ),
    );
    return `added raid-${step}.md`;
  }
  if (step % 3 === 1) {
    const country = pick(COUNTRIES);
    await writeFile(
      path.join(corpus, 'expansion.md'),
      story(
        `Alibaba opens logistics centre in ${country}`,
        '2017-03-02',
        `Alibaba said on Friday it would open a logistics centre abroad, in ${country}, to serve foreign sellers expanding overseas, investing $${count} million.`,
        'The company said the centre would help merchants in China reach customers in Europe and the United States.',
      ),
    );
    return `expansion.md now about ${country}`;
  }
  await writeFile(
    path.join(corpus, 'ministry.md'),
    story(
      'Ministry summons Alibaba over platform rules',
      '2017-04-03',
      `China's State Administration for Industry and Commerce summoned ${2 + (count % 40)} Alibaba executives in Beijing on Tuesday to discuss new regulations for online platforms, the regulator said.`,
      'Officials told the company to comply with government rules on fees charged to merchants, and lawmakers called for stricter oversight of e-commerce.',
    ),
  );
  return `ministry.md now with ${2 + (count % 40)} executives`;
}

/**
 * The output as the next build will find it: a copy (without the cache and the lock) on which
 * the recovery every build starts with has run, finishing a commit the kill interrupted.
 */
async function recoveredView(out: string): Promise<string> {
  const view = await mkdtemp(path.join(dir, 'view-'));
  await cp(out, view, {
    recursive: true,
    filter: (source) => !/^\.(cache|lock|lock-owner)$/.test(path.relative(out, source)),
  });
  await recoverOutput(view);
  return view;
}

/** Each briefing's edition number, from `model.json`. */
async function editionNumbers(out: string): Promise<Record<string, number>> {
  const model = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8')) as {
    briefings: { theme: string; edition: { number: number } }[];
  };
  return Object.fromEntries(model.briefings.map((b) => [b.theme, b.edition.number]));
}

/** Where the kill left the build, from what it left in the output folder. */
async function phaseOf(out: string): Promise<string> {
  const names = await readdir(out);
  if (names.some((name) => name.startsWith('.commit-'))) return 'mid-commit';
  if (names.some((name) => name.startsWith('.staging-'))) return 'staging';
  if (names.includes('.lock')) return 'holding the lock';
  return 'before the lock';
}

/** The model without what depends on the build's history (editions, new marks). */
async function historyFree(out: string): Promise<unknown> {
  const text = await readFile(path.join(out, 'model.json'), 'utf8');
  return JSON.parse(text, (key, value: unknown) =>
    ['edition', 'sinceLast', 'new'].includes(key) ? undefined : value,
  );
}

/**
 * Where to kill a build: half the time after a delay spread over a whole build (`buildMs`), else
 * after the staging folder appears (spread over `stagedMs`) or right after the commit point.
 */
function pickTrigger(next: () => number, buildMs: number, stagedMs: number): Trigger {
  const roll = next();
  if (roll < 0.5) return { after: 'start', ms: Math.floor(next() * buildMs) };
  if (roll < 0.7) return { after: '.staging-', ms: Math.floor(next() * stagedMs) };
  return { after: '.commit-', ms: Math.floor(next() * 4) };
}

/**
 * Builds `kills` times killed at random points (more builds when one finishes first), checking
 * after each kill that every output file is whole and that the folder holds one whole edition
 * once the next build's recovery has run; then a build that runs to its end, checked the same
 * way and against a build from scratch. Returns a summary of where the kills landed.
 */
async function killRepeatedly(
  out: string,
  options: { pdf: boolean; kills: number; next: () => number; firstStep: number },
): Promise<string> {
  const { pdf, next } = options;
  let step = options.firstStep;
  const first = await runBuild(out, dateOf(step++), { pdf });
  expect(first.code, first.stderr).toBe(0);
  // Kills after the staging folder appears are spread over the PDFs' printing, when there is any.
  const stagedMs = pdf ? first.ms / 2 : 40;
  let editions = await editionNumbers(out);
  const phases: Record<string, number> = {};
  let killed = 0;
  let finished = 0;
  while (killed < options.kills) {
    const change = await changeCorpus(step, next);
    const trigger = pickTrigger(next, first.ms, stagedMs);
    const run = await runBuild(out, dateOf(step), { pdf, trigger });
    const where = `step ${step} (${change}; kill ${JSON.stringify(trigger)}; seed ${SEED})`;
    step += 1;
    if (run.killed) {
      killed += 1;
      const phase = await phaseOf(out);
      phases[phase] = (phases[phase] ?? 0) + 1;
    } else {
      finished += 1;
      expect(run.code, `${where}: ${run.stderr}`).toBe(0);
      expect(await leftovers(out), where).toEqual([]);
    }
    expect(await incompleteFiles(out), where).toEqual([]);
    const view = await recoveredView(out);
    expect(await incompleteFiles(view), where).toEqual([]);
    expect(await editionProblems(view, { pdf }), where).toEqual([]);
    const now = await editionNumbers(view);
    for (const [theme, number] of Object.entries(editions)) {
      expect(now[theme], `${where}: ${theme} went back`).toBeGreaterThanOrEqual(number);
    }
    editions = now;
    await rm(view, { recursive: true, force: true });
  }
  await changeCorpus(step, next);
  const last = await runBuild(out, dateOf(step), { pdf });
  expect(last.code, last.stderr).toBe(0);
  expect(await incompleteFiles(out)).toEqual([]);
  expect(await editionProblems(out, { pdf })).toEqual([]);
  expect(await leftovers(out)).toEqual([]);
  const fresh = path.join(await mkdtemp(path.join(dir, 'fresh-')), 'output');
  const config = { corpus, output: fresh, pdf: false, editionDate: dateOf(step) };
  await build(await loadConfig({ cwd: root, overrides: config }));
  expect(await historyFree(out)).toEqual(await historyFree(fresh));
  const landed = Object.entries(phases).map(([phase, n]) => `${n} ${phase}`);
  return `${killed} kills (${landed.join(', ')}), ${finished} builds finished before their kill`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-crash-'));
  killAtRename = path.join(dir, 'kill-at-rename.mjs');
  await writeFile(killAtRename, KILL_AT_RENAME);
  console.log(`crash test seed ${SEED} (CRASH_SEED=${SEED} repeats its choices)`);
});

beforeEach(async () => {
  corpus = await mkdtemp(path.join(dir, 'corpus-'));
  await cp(sampleCorpus, corpus, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('crash safety (issue 7)', () => {
  const killAt = (from: string, nth: number) => ({
    nodeArgs: ['--import', killAtRename],
    env: { KILL_AT_RENAME_FROM: from, KILL_AT_RENAME_NTH: String(nth) },
  });

  it('a build killed before its commit point leaves the previous edition as it was', async () => {
    const out = path.join(dir, 'before-commit');
    expect((await runBuild(out, '2026-06-01', { pdf: false })).code).toBe(0);
    const before = await readFile(path.join(out, 'model.json'));
    await changeCorpus(0, random(1));
    const killed = await runBuild(out, '2026-06-02', { pdf: false, ...killAt('.staging-', 1) });
    expect(killed.killed).toBe(true);
    expect((await readFile(path.join(out, 'model.json'))).equals(before)).toBe(true);
    expect(await editionProblems(out, { pdf: false })).toEqual([]);
    // The next build discards the dead build's staging folder and makes the edition anew.
    const next = await runBuild(out, '2026-06-03', { pdf: false });
    expect(next.code, next.stderr).toBe(0);
    expect(await leftovers(out)).toEqual([]);
    expect(await editionProblems(out, { pdf: false })).toEqual([]);
    const model = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8'));
    const ip = model.briefings.find((b: { theme: string }) => b.theme === 'ip-enforcement');
    expect(ip.edition).toEqual({ number: 2, date: '2026-06-03' });
  }, 120_000);

  it('a build killed in the middle of its commit leaves whole files, and the next build finishes the commit', async () => {
    const out = path.join(dir, 'mid-commit');
    expect((await runBuild(out, '2026-07-01', { pdf: false })).code).toBe(0);
    await changeCorpus(3, random(2));
    await changeCorpus(4, random(3));
    const killed = await runBuild(out, '2026-07-02', { pdf: false, ...killAt('.commit-', 4) });
    expect(killed.killed).toBe(true);
    expect(await phaseOf(out)).toBe('mid-commit');
    expect(await incompleteFiles(out)).toEqual([]);
    // Some pages are already the new edition, model.json is still the old one...
    expect(await editionProblems(out, { pdf: false })).not.toEqual([]);
    // Given a later date and no change, the next build finishes the killed build's edition
    // (dated the 2nd) rather than making one of its own.
    const next = await runBuild(out, '2026-07-03', { pdf: false });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/nothing changed/);
    expect(await leftovers(out)).toEqual([]);
    expect(await editionProblems(out, { pdf: false })).toEqual([]);
    const model = JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8'));
    const editions = Object.fromEntries(
      model.briefings.map((b: { theme: string; edition: unknown }) => [b.theme, b.edition]),
    );
    expect(editions['ip-enforcement']).toEqual({ number: 2, date: '2026-07-02' });
    expect(editions['international-expansion']).toEqual({ number: 2, date: '2026-07-02' });
  }, 120_000);

  it(`leaves a whole edition after ${HTML_KILLS} HTML builds killed at random points`, async () => {
    const started = Date.now();
    const summary = await killRepeatedly(path.join(dir, 'html'), {
      pdf: false,
      kills: HTML_KILLS,
      next: random(SEED),
      firstStep: 10,
    });
    console.log(`HTML builds: ${summary} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, 900_000);

  it(`leaves a whole edition, PDFs included, after ${PDF_KILLS} PDF builds killed at random points`, async () => {
    const started = Date.now();
    const summary = await killRepeatedly(path.join(dir, 'pdf'), {
      pdf: true,
      kills: PDF_KILLS,
      next: random(SEED + 1),
      firstStep: 200,
    });
    console.log(`PDF builds: ${summary} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, 900_000);
});
