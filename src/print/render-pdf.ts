import type { Browser } from 'puppeteer';
import { isolatePage } from './isolate-page.js';
import { PAGE_MARGIN, footerTemplate, headerTemplate } from './page-templates.js';
import type { PrintJob } from './print.js';

/** The bits of the DOM `setDocumentMeta` touches (the project's TS lib has no DOM types). */
interface MetaDocument {
  title: string;
  documentElement: { lang: string };
}

/**
 * Renders one job's HTML to PDF bytes on a fresh, isolated page of `browser`
 * (see {@link isolatePage}); the page is closed whatever happens.
 */
export async function renderPdf(
  browser: Browser,
  job: PrintJob,
  timeoutMs: number,
): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(timeoutMs);
    page.setDefaultNavigationTimeout(timeoutMs);
    await isolatePage(page);
    // 'load', not 'networkidle0': with every request refused the network is idle at once,
    // and networkidle waits can hang on requests Chromium never reports as finished.
    await page.setContent(job.html, { waitUntil: 'load', timeout: timeoutMs });
    // DevTools evaluation still works with page JavaScript off. Chromium takes the PDF's
    // Title from document.title and its language from <html lang>.
    await page.evaluate(
      (title: string, lang: string | null) => {
        const doc = (globalThis as unknown as { document: MetaDocument }).document;
        doc.title = title;
        if (lang !== null) doc.documentElement.lang = lang;
        else if (doc.documentElement.lang === '') doc.documentElement.lang = 'en';
      },
      job.title,
      job.lang ?? null,
    );
    return await page.pdf({
      format: job.format ?? 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(job.banner),
      footerTemplate: footerTemplate(job.banner),
      margin: { ...PAGE_MARGIN },
      tagged: true,
      outline: true,
      timeout: timeoutMs,
    });
  } finally {
    await page.close().catch(() => undefined);
  }
}
