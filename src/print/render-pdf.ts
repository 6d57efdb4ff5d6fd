import type { PdfJob } from './job.js';
import type { ServedPage } from './served-page.js';

/**
 * Page margins for documents whose CSS declares none. A document's own `@page { margin }` wins
 * over these, and its `@page` margin boxes carry the running header and footer.
 */
export const FALLBACK_MARGIN = {
  top: '20mm',
  right: '16mm',
  bottom: '22mm',
  left: '16mm',
} as const;

/** The bit of the DOM the language override touches (the project's TS lib has no DOM types). */
interface LangDocument {
  documentElement: { lang: string };
}

/**
 * Loads `job.html` on an isolated tab and prints it as Chromium makes it: tagged,
 * with an outline from the headings, page size and margins from the CSS `@page` rules.
 * No Chromium header or footer: those come from the document's `@page` margin boxes.
 */
export async function renderPdf(
  served: ServedPage,
  job: PdfJob,
  timeoutMs: number,
): Promise<Uint8Array> {
  const { page } = served;
  await served.load(job.html, timeoutMs);
  const lang = job.metadata?.lang;
  if (lang !== undefined && declaredLang(job.html) !== lang) {
    // DevTools evaluation works with page JavaScript off. Chromium tags the structure tree's
    // root with <html lang>, so the language must be right before printing, not only after.
    await page.evaluate((value: string) => {
      (globalThis as unknown as { document: LangDocument }).document.documentElement.lang = value;
    }, lang);
  }
  return page.pdf({
    format: job.format ?? 'A4',
    preferCSSPageSize: true,
    margin: { ...FALLBACK_MARGIN },
    printBackground: true,
    displayHeaderFooter: false,
    tagged: true,
    outline: true,
    timeout: timeoutMs,
  });
}

/** The `lang` attribute of the document's `<html>` tag, if it has one. */
function declaredLang(html: string): string | undefined {
  return /<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]*)/i.exec(html)?.[1];
}
