import { findEntities } from '../src/analyze/find-entities.js';
import { simpleSentences } from '../test/helpers/simple-sentences.js';
const text = process.argv[2] ?? '';
for (const e of findEntities(text, simpleSentences(text))) console.log(e.type, e.name, e.aliases, e.mentions.length);
