import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import type { ResolvedConfig } from '../../src/config/resolve-config.js';
import type { DistributionList, MailSettings } from '../../src/config/schema.js';
import { build } from '../../src/build.js';
import { corpus, root } from './paths.js';

/** The edition date the mail tests build with. */
export const EDITION_DATE = '2026-11-22';

/** Lists like the shipped config's: editors get every theme, the liaison may read FOUO/SBU. */
export const LISTS: DistributionList[] = [
  {
    name: 'editors',
    themes: '*',
    markings: [],
    recipients: [
      { name: 'Desk Editor', address: 'desk@example.org' },
      { name: 'Night Editor', address: 'night@example.org' },
    ],
  },
  {
    name: 'liaison',
    themes: ['government-relations'],
    markings: ['FOUO', 'SBU'],
    recipients: [{ name: 'Liaison Officer', address: 'liaison@example.gov' }],
  },
];

let built: Promise<string> | null = null;

/** The sample corpus built once (with PDFs) per test file; copy it before changing it. */
export function sampleOutput(): Promise<string> {
  built ??= (async () => {
    const output = path.join(await mkdtemp(path.join(os.tmpdir(), 'briefing-mail-')), 'output');
    await build(
      await loadConfig({ cwd: root, overrides: { corpus, output, editionDate: EDITION_DATE } }),
    );
    return output;
  })();
  return built;
}

/** A private copy of the built sample output. */
export async function freshOutput(): Promise<string> {
  const copy = path.join(await mkdtemp(path.join(os.tmpdir(), 'briefing-mail-')), 'output');
  await cp(await sampleOutput(), copy, { recursive: true });
  return copy;
}

/** The shipped config pointed at `output`, with these mail settings and lists. */
export async function mailConfig(
  output: string,
  mail: Partial<MailSettings> = {},
  lists: DistributionList[] = LISTS,
): Promise<ResolvedConfig> {
  const config = await loadConfig({ cwd: root, overrides: { corpus, output } });
  return {
    ...config,
    mail: { ...config.mail, retryDelay: 20, timeout: 5000, ...mail },
    lists,
  };
}
