import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, SAMPLE } from './helpers/paths.js';
import { runCli, type CliRun } from './helpers/run-cli.js';

// Front matter is the corpus's, and the corpus is untrusted: nothing in it may reach the
// config (output paths, templates, the browser), whatever it is called.
let dir: string;
let run: CliRun;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-trust-'));
  const docs = path.join(dir, 'corpus');
  await mkdir(docs);
  const evil = path.join(dir, 'evil.sh');
  await writeFile(evil, `#!/bin/sh\ntouch ${path.join(dir, 'browser-ran')}\n`);
  await chmod(evil, 0o755);
  await mkdir(path.join(dir, 'evil-templates'));
  await writeFile(path.join(dir, 'evil-templates', 'briefing.hbs'), 'EVIL TEMPLATE');
  const story = await readFile(path.join(corpus, SAMPLE.mexico), 'utf8');
  await writeFile(
    path.join(docs, 'story.md'),
    [
      '---',
      'title: Mexico seeks exporters for Alibaba deal',
      `output: ${path.join(dir, 'stolen-output')}`,
      `corpus: /etc`,
      `templates: ${path.join(dir, 'evil-templates')}`,
      `browser: ${evil}`,
      `pdf: { browser: ${evil}, enabled: true }`,
      `editionDate: 1999-01-01`,
      'themes: [{ id: evil, title: Evil, description: x, signals: [{ terms: [the] }] }]',
      'mail: { smtp: "smtp://127.0.0.1:1" }',
      '---',
      '',
      story,
    ].join('\n'),
  );
  run = await runCli([
    'build',
    '--corpus',
    docs,
    '--out',
    path.join(dir, 'output'),
    '--date',
    '2026-11-22',
  ]);
}, 120_000);

describe('front matter cannot change the configuration', () => {
  it('builds with the config the user gave, not the one the document asks for', async () => {
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'stolen-output'))).toBe(false);
    expect(existsSync(path.join(dir, 'browser-ran'))).toBe(false);
    const outputs = await readdir(path.join(dir, 'output'));
    expect(outputs).toEqual(
      expect.arrayContaining(['international-expansion.html', 'international-expansion.pdf']),
    );
    expect(outputs).not.toContain('evil.html');
    const model = JSON.parse(await readFile(path.join(dir, 'output', 'model.json'), 'utf8'));
    expect(model.edition.date).toBe('2026-11-22');
    expect(model.documents.map((d: { path: string }) => d.path)).toEqual(['story.md']);
    const html = await readFile(path.join(dir, 'output', 'international-expansion.html'), 'utf8');
    expect(html).not.toContain('EVIL TEMPLATE');
  });

  it('still reads what front matter may set: the title of the document', async () => {
    const model = JSON.parse(await readFile(path.join(dir, 'output', 'model.json'), 'utf8'));
    expect(model.documents[0].title).toBe('Mexico seeks exporters for Alibaba deal');
  });
});
