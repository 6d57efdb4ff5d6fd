import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The sample corpus. */
export const corpus = path.join(root, 'corpus');
/** A fixture folder under `test/fixtures/`. */
export const fixture = (...parts: string[]) => path.join(root, 'test', 'fixtures', ...parts);

/** The file names of the four sample documents. */
export const SAMPLE = {
  cable: '000_f66687b26bdd2d48.txt',
  column: '001_530bd37f72285a74.txt',
  mexico: '002_39306b429dcf5f4f.txt',
  korea: '003_17beeeb11f76caf5.txt',
} as const;
