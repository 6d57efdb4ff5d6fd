/**
 * The floor for a whole build with PDFs: launch the browser, print the HTML files a build wrote,
 * close. Nothing of briefing's: plain Puppeteer, one page, `goto` + `pdf` for each file.
 *
 *     node scripts/bench/bare-print.mjs OUT_DIR PDF_DIR HTML_FILE...
 *
 * The browser is the one the build finds: $BRIEFING_BROWSER, $PUPPETEER_EXECUTABLE_PATH, else
 * /usr/bin/chromium.
 */
/* global process */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [outDir, pdfDir, ...htmlFiles] = process.argv.slice(2);
if (!outDir || !pdfDir || htmlFiles.length === 0) {
  process.stderr.write('usage: node scripts/bench/bare-print.mjs OUT_DIR PDF_DIR HTML_FILE...\n');
  process.exit(2);
}
const executablePath =
  process.env.BRIEFING_BROWSER || process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  for (const file of htmlFiles) {
    await page.goto(pathToFileURL(path.join(outDir, file)).href, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(path.join(pdfDir, file.replace(/\.html$/, '.pdf')), pdf);
  }
} finally {
  await browser.close();
}
