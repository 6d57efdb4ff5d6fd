import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  findBrowser,
  isExecutableFile,
  puppeteerBrowserPath,
} from '../src/print/find-browser.js';

let dir: string;
let fakeChrome: string;
let otherChrome: string;
let notExecutable: string;
let binDir: string;

async function executable(path: string): Promise<string> {
  await writeFile(path, '#!/bin/sh\nexit 0\n');
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefing-find-browser-'));
  fakeChrome = await executable(join(dir, 'fake-chrome'));
  otherChrome = await executable(join(dir, 'other-chrome'));
  notExecutable = join(dir, 'not-executable');
  await writeFile(notExecutable, '#!/bin/sh\nexit 0\n');
  await chmod(notExecutable, 0o644);
  binDir = join(dir, 'bin');
  await mkdir(binDir);
  await executable(join(binDir, 'chromium'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findBrowser: explicit setting', () => {
  it('uses an existing executable and reports it as the setting', async () => {
    const found = await findBrowser({
      executablePath: fakeChrome,
      env: { BRIEFING_BROWSER: otherChrome },
    });
    expect(found).toEqual({ executablePath: fakeChrome, from: 'setting' });
  });

  it('refuses a missing path, naming it, instead of falling back', async () => {
    const missing = join(dir, 'no-such-chrome');
    const error = await findBrowser({
      executablePath: missing,
      env: { BRIEFING_BROWSER: otherChrome },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).code).toBe('browser-not-found');
    expect((error as BrowserNotFoundError).path).toBe(missing);
    expect((error as Error).message).toContain(missing);
  });

  it('refuses a file that is not executable, and a directory', async () => {
    await expect(findBrowser({ executablePath: notExecutable })).rejects.toThrow(notExecutable);
    await expect(findBrowser({ executablePath: binDir })).rejects.toThrow(binDir);
  });
});

describe('findBrowser: environment', () => {
  it('uses BRIEFING_BROWSER', async () => {
    const found = await findBrowser({
      env: { BRIEFING_BROWSER: fakeChrome },
      systemCandidates: [],
    });
    expect(found).toEqual({ executablePath: fakeChrome, from: 'environment' });
  });

  it('prefers BRIEFING_BROWSER to PUPPETEER_EXECUTABLE_PATH, and uses the latter alone', async () => {
    const both = await findBrowser({
      env: { BRIEFING_BROWSER: fakeChrome, PUPPETEER_EXECUTABLE_PATH: otherChrome },
    });
    expect(both).toEqual({ executablePath: fakeChrome, from: 'environment' });
    const puppeteerOnly = await findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: otherChrome } });
    expect(puppeteerOnly).toEqual({ executablePath: otherChrome, from: 'environment' });
  });

  it('refuses a missing path named by the environment, naming the path and the variable', async () => {
    const missing = join(dir, 'gone', 'chrome');
    const error = await findBrowser({
      env: { BRIEFING_BROWSER: missing, PUPPETEER_EXECUTABLE_PATH: otherChrome },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain('BRIEFING_BROWSER');
  });

  it('ignores empty variables', async () => {
    const found = await findBrowser({
      env: { BRIEFING_BROWSER: '', PUPPETEER_EXECUTABLE_PATH: '  ' },
      systemCandidates: [fakeChrome],
      includePuppeteer: false,
    });
    expect(found).toEqual({ executablePath: fakeChrome, from: 'system' });
  });
});

describe('findBrowser: Puppeteer and system browsers', () => {
  it("uses Puppeteer's downloaded browser only when the file is really there", async () => {
    const downloaded = puppeteerBrowserPath();
    const present = downloaded !== null && (await isExecutableFile(downloaded));
    const found = findBrowser({ env: {}, systemCandidates: [] });
    if (present) {
      await expect(found).resolves.toEqual({ executablePath: downloaded, from: 'puppeteer' });
    } else {
      await expect(found).rejects.toBeInstanceOf(BrowserNotFoundError);
    }
  });

  it('takes the first system candidate that is an executable file', async () => {
    const found = await findBrowser({
      env: {},
      includePuppeteer: false,
      systemCandidates: [join(dir, 'missing'), notExecutable, binDir, otherChrome, fakeChrome],
    });
    expect(found).toEqual({ executablePath: otherChrome, from: 'system' });
  });

  it('finds chromium on PATH', async () => {
    const found = await findBrowser({
      env: { PATH: [join(dir, 'nowhere'), binDir].join(':') },
      includePuppeteer: false,
      systemCandidates: [],
    });
    expect(found).toEqual({ executablePath: join(binDir, 'chromium'), from: 'system' });
  });

  it('says how to install a browser when none is found', async () => {
    const error = await findBrowser({
      env: {},
      includePuppeteer: false,
      systemCandidates: [],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).code).toBe('browser-not-found');
    const message = (error as Error).message;
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('npx puppeteer browsers install chrome');
    expect(message).toContain('BRIEFING_BROWSER=/path/to/chrome');
  });

  it("finds this machine's Chromium at /usr/bin/chromium by default", async () => {
    const found = await findBrowser({ env: {}, includePuppeteer: false });
    expect(found).toEqual({ executablePath: '/usr/bin/chromium', from: 'system' });
  });
});
