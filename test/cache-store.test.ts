import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../src/cache/store.js';
import { hashOf, stableJson } from '../src/cache/hash.js';

const store = async () => new CacheStore(await mkdtemp(path.join(os.tmpdir(), 'briefing-cache-')));

async function entryFile(cache: CacheStore, bucket: string, key: string): Promise<string> {
  return path.join(cache.dir, bucket, key.slice(0, 2), key);
}

describe('cache store', () => {
  it('returns what was stored, across instances, and nothing for an unknown key', async () => {
    const cache = await store();
    const key = hashOf('document bytes', 'analyzer 1');
    await cache.setJson('analysis', key, { title: 'Hello', n: 1 });
    expect(await new CacheStore(cache.dir).getJson('analysis', key)).toEqual({
      title: 'Hello',
      n: 1,
    });
    expect(await cache.get('analysis', hashOf('other'))).toBeUndefined();
  });

  it('never trusts a corrupt, truncated or foreign entry', async () => {
    const cache = await store();
    const key = hashOf('a');
    await cache.set('pdf', key, Buffer.from('%PDF-1.7 real bytes'));
    const file = await entryFile(cache, 'pdf', key);
    const good = await readFile(file);

    await writeFile(file, Buffer.concat([good.subarray(0, good.length - 3)]));
    expect(await cache.get('pdf', key)).toBeUndefined();

    await writeFile(file, Buffer.from(good.toString('latin1').replace('real', 'fake'), 'latin1'));
    expect(await cache.get('pdf', key)).toBeUndefined();

    const other = hashOf('b');
    await cache.set('pdf', other, 'other value');
    await writeFile(file, await readFile(await entryFile(cache, 'pdf', other)));
    expect(await cache.get('pdf', key)).toBeUndefined();

    await writeFile(file, 'garbage without a header');
    expect(await cache.get('pdf', key)).toBeUndefined();
  });

  it('leaves no temporary files behind and refuses keys that are not digests', async () => {
    const cache = await store();
    const key = hashOf('x');
    await cache.set('html', key, '<p>x</p>');
    expect(await readdir(path.join(cache.dir, 'html', key.slice(0, 2)))).toEqual([key]);
    await expect(cache.set('html', '../../etc/passwd', 'x')).rejects.toThrow(/hex digest/);
  });

  it('clears the temporary files of writers that were killed, and deletes entries (issue 7)', async () => {
    const cache = await store();
    const key = hashOf('y');
    await cache.set('pdf', key, 'y');
    const temps = path.join(cache.dir, '.tmp');
    await writeFile(path.join(temps, '2147483646-0123456789abcdef'), 'half an entry');
    await writeFile(path.join(temps, `${process.pid}-0123456789abcdef`), 'being written');
    await cache.removeAbandoned();
    expect(await readdir(temps)).toEqual([`${process.pid}-0123456789abcdef`]);
    expect(await cache.get('pdf', key)).toEqual(Buffer.from('y'));
    await cache.delete('pdf', key);
    expect(await cache.get('pdf', key)).toBeUndefined();
  });

  it('hashes parts unambiguously and JSON stably', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
