import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Briefing, EditionModel } from '../model.js';
import { readEditionState } from '../build/edition-state.js';

/** The current edition of one briefing, with the PDF the build printed for it. */
export interface CurrentEdition {
  briefing: Briefing;
  /** Hash of the edition's content, from the editions' state. */
  content: string;
  /** The PDF's bytes, or `null` when the build wrote none (e.g. `--no-pdf`). */
  pdf: Buffer | null;
}

/** Mailing cannot start: there is no built edition to send. */
export class SendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SendError';
  }
}

/**
 * Reads the current editions from a build's output: the model, the editions' state and each
 * briefing's PDF, all into memory, so a build that runs meanwhile cannot change what is sent.
 */
export async function readCurrentEditions(output: string): Promise<CurrentEdition[]> {
  const model = await readModel(output);
  const state = await readEditionState(output);
  return Promise.all(
    model.briefings.map(async (briefing) => ({
      briefing,
      content: state.briefings[briefing.theme]?.content ?? '',
      pdf: await readFile(path.join(output, `${briefing.theme}.pdf`)).catch(() => null),
    })),
  );
}

/** The model the last build wrote; `SendError` when there is none or it is unreadable. */
export async function readModel(output: string): Promise<EditionModel> {
  const file = path.join(output, 'model.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SendError(
      'nothing-built',
      `No briefings to send in ${output}: run \`briefing build\` first.`,
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as EditionModel;
  } catch (error) {
    throw new SendError('model-unreadable', `${file} is not valid JSON: rebuild the briefings.`, {
      cause: error,
    });
  }
}
