/**
 * Chromium's running header and footer templates. Chromium renders each one as a tiny
 * separate document in the page margin: nothing from the main document's styles applies,
 * and its default font size is effectively zero, so every style is set here explicitly.
 */

/** Page margins that leave room for the running header (banner) and footer (banner + page number). */
export const PAGE_MARGIN = { top: '20mm', right: '16mm', bottom: '22mm', left: '16mm' } as const;

/** Font size of the running header and footer. */
export const RUNNING_FONT_SIZE = '8pt';

// A <style> element rather than style attributes: font names need quotes of their own.
const STYLE = `<style>
  .running {
    width: 100%;
    box-sizing: border-box;
    padding: 0 ${PAGE_MARGIN.left};
    font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif;
    font-size: ${RUNNING_FONT_SIZE};
    line-height: 1.3;
    color: #000;
    text-align: center;
  }
  .running.header { padding-top: 7mm; }
  .running.footer { padding-bottom: 6mm; }
  .banner { font-weight: bold; letter-spacing: 0.03em; }
</style>`;

/** Escapes text for use in HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function bannerLine(banner: string | null): string {
  return banner === null ? '' : `<div class="banner">${escapeHtml(banner)}</div>`;
}

/**
 * The running header: the banner centred. Without a banner it is an empty box, never an
 * empty template, which would make Chromium print its default date and title instead.
 */
export function headerTemplate(banner: string | null): string {
  return `${STYLE}<div class="running header">${bannerLine(banner)}</div>`;
}

/** The running footer: the banner (when set) above "Page X of Y". */
export function footerTemplate(banner: string | null): string {
  const pageLine =
    '<div>Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';
  return `${STYLE}<div class="running footer">${bannerLine(banner)}${pageLine}</div>`;
}
