import { readFileSync } from 'node:fs';
import { findEntities } from '../src/analyze/find-entities.js';
import { simpleSentences } from '../test/helpers/simple-sentences.js';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const ents = findEntities(text, simpleSentences(text));
  console.log('=== ' + f);
  for (const e of ents) {
    const bad = e.mentions.filter((m) => text.slice(m.start, m.end).replace(/\s+/g, ' ') !== e.name && !e.aliases.includes(text.slice(m.start, m.end).replace(/\s+/g, ' ')));
    console.log(`${e.type.padEnd(12)} ${e.name} [${e.aliases.join(' | ')}] x${e.mentions.length}${bad.length ? ' BAD' : ''}`);
  }
}
