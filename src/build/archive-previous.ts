import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EditionState } from '../editions/apply-editions.js';
import type { OutputStage } from '../write-output.js';
import { EDITIONS_DIR } from './edition-state.js';

/** Stages the edition a changed briefing replaces under `editions/<theme>/<number>/`. */
export async function archivePrevious(
  stage: OutputStage,
  changed: string[],
  previous: EditionState,
): Promise<void> {
  for (const theme of changed) {
    const prior = previous.briefings[theme];
    if (!prior) continue;
    for (const file of [`${theme}.html`, `${theme}.pdf`]) {
      const bytes = await readFile(path.join(stage.output, file)).catch(() => null);
      if (bytes) await stage.write(`${EDITIONS_DIR}/${theme}/${prior.number}/${file}`, bytes);
    }
  }
}
