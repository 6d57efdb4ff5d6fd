import { tokenize } from '../src/analyze/entities/tokenize.js';
import { capitalRuns, splitTitles } from '../src/analyze/entities/candidates.js';
const t = 'begins with the news that the Office of the U.S. Trade Representative (USTR) has placed Taobao, Alibaba’s online marketplace.';
const toks = tokenize(t, 0, t.length);
console.log(toks.map((x) => x.text + (x.possessive ? "'s" : '')).join(' | '));
for (const [a, b] of capitalRuns(toks)) console.log(a, b, toks.slice(a, b).map((x) => x.text).join(' '), JSON.stringify(splitTitles(toks, a, b)));
