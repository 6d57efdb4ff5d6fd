/**
 * A worker thread of the analysis pool (see `analysis-pool.ts`): analyzes the documents it is
 * sent, one at a time, and answers with each result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Theme } from '../config/schema.js';
import { compileThemes } from '../analyze/score-themes.js';
import { analyzeText, type Wanted } from './analyze-text.js';

/** What the pool starts a worker with. */
export interface WorkerSetup {
  themes: readonly Theme[];
  wanted: Wanted;
}

/** One document to analyze. */
export interface WorkerTask {
  id: number;
  path: string;
  text: string;
}

const setup = workerData as WorkerSetup;
const themes = compileThemes(setup.themes);

parentPort!.on('message', (task: WorkerTask) => {
  const result = analyzeText(task.path, task.text, themes, setup.wanted);
  parentPort!.postMessage({ id: task.id, result });
});
