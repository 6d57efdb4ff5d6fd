import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NO_EDITIONS, type EditionState } from '../editions/apply-editions.js';

/** Where the editions' state and the previous editions are kept, inside the output folder. */
export const EDITIONS_DIR = 'editions';
/** The state file, relative to the output folder. */
export const EDITIONS_STATE = `${EDITIONS_DIR}/editions.json`;

/** The editions recorded by the last build; none when missing or unreadable (a fresh start). */
export async function readEditionState(output: string): Promise<EditionState> {
  try {
    const state = JSON.parse(
      await readFile(path.join(output, EDITIONS_STATE), 'utf8'),
    ) as EditionState;
    return state?.schema === 1 && typeof state.briefings === 'object' ? state : NO_EDITIONS;
  } catch {
    return NO_EDITIONS;
  }
}
