/**
 * `npm run eval`: measures the analyzer (the same code path as `briefing analyze`) on the
 * evaluation data and writes EVALUATION.md (and evaluation.json) with the baselines beside
 * each figure. Data folder: `--data DIR`, `$BRIEFING_EVAL_DIR`, or `../shared/eval-dev`.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { compileThemes } from '../../src/analyze/score-themes.js';
import { evaluateKeySentences } from './key-sentences.js';
import { evaluateEntities } from './entities.js';
import { evaluateDocuments } from './documents.js';
import { report } from './report.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const flag = process.argv.indexOf('--data');
const data = path.resolve(
  flag !== -1
    ? process.argv[flag + 1]!
    : (process.env.BRIEFING_EVAL_DIR ?? path.join(root, '..', 'shared', 'eval-dev')),
);

if (
  !existsSync(path.join(data, 'cnndm')) ||
  !existsSync(path.join(data, 'conll')) ||
  !existsSync(path.join(data, 'news'))
) {
  console.error(
    `Evaluation data not found in ${data} (needs cnndm/, conll/ and news/). Pass --data DIR or set BRIEFING_EVAL_DIR.`,
  );
  process.exit(2);
}
const config = await loadConfig({ cwd: root });
const themes = compileThemes(config.themes);
const started = performance.now();
const keySentences = await evaluateKeySentences(path.join(data, 'cnndm'), themes);
const entities = await evaluateEntities(path.join(data, 'conll'), themes);
const documents = await evaluateDocuments(path.join(data, 'news'), themes);
const seconds = (performance.now() - started) / 1000;
const results = {
  data: path.relative(root, data) || '.',
  seconds,
  keySentences,
  entities,
  documents,
};
await writeFile(path.join(root, 'EVALUATION.md'), report(results));
await writeFile(path.join(root, 'evaluation.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `Evaluated in ${seconds.toFixed(1)} s: ROUGE-1 ${keySentences.system.r1.toFixed(2)} (LEAD-3 ${keySentences.lead3.r1.toFixed(2)}), ` +
    `entities micro-F1 ${entities.micro.f1.toFixed(3)}, themes macro-F1 ${documents.macroF1.toFixed(3)}, ` +
    `dates ${documents.dates.exact}/${documents.dates.stated} exact, ${documents.dates.invented} invented, ` +
    `money recall ${documents.money.recall.toFixed(3)} — see EVALUATION.md`,
);
