/**
 * The render stage: turns a composed {@link Briefing} (and the whole {@link EditionModel} for the
 * index and the edition) into standalone HTML pages. Templates only display the model and the
 * views built from it; they never compute.
 */
import type { Briefing, EditionModel, ThemeId } from '../model.js';
import { checkCharts } from './charts.js';
import { fontFaceCss, fontFaces, type FontFace } from './fonts.js';
import { runningCss } from './page-css.js';
import { loadTemplates, type PageTemplate, type TemplateSet } from './templates.js';
import { briefingView, type Charts } from './view.js';

export type { Charts } from './view.js';

/** Options of {@link Renderer.renderBriefing}. */
export interface BriefingOptions {
  /** The briefing's charts as inline SVG (from the visualize stage); absent ones are left out. */
  charts?: Charts;
}

/** Options of {@link Renderer.renderEdition}. */
export interface EditionOptions {
  /**
   * The page each briefing starts on, by theme, for the table of contents; `null` on the
   * first pass, when a placeholder of the same width stands in for every number.
   */
  pageNumbers: Record<ThemeId, number> | null;
  /** True when the edition is rendered for printing; false leaves page numbers out of the contents. */
  pdf: boolean;
  /** Charts by theme, as for {@link Renderer.renderBriefing}. */
  charts?: Record<ThemeId, Charts>;
}

/** Renders HTML pages from the model with the compiled templates. */
export interface Renderer {
  /**
   * A complete standalone HTML page for one briefing: all CSS inlined in `<style>`, nothing
   * loaded but the fonts, by relative URL `fonts/<file>` (see `loadAssets`). Citations link to
   * `#cite-N`; the root element is `#briefing-<theme>`.
   */
  renderBriefing(briefing: Briefing, options?: BriefingOptions): string;
  /**
   * `output/index.html`: every briefing with its title, headline, edition date, counts, period and
   * marking, linking to `<theme>.html` and, when `pdf` is true, `<theme>.pdf` and `edition.pdf`.
   */
  renderIndex(model: EditionModel, options: { pdf: boolean }): string;
  /**
   * The edition: a cover page, a table of contents, then every briefing as a section starting
   * on a new page, with root id `briefing-<theme>` and its title in an `<h1>`. Ids inside a
   * section are prefixed with its theme (`<theme>-cite-N`), so they are unique in the document.
   */
  renderEdition(model: EditionModel, options: EditionOptions): string;
}

/** Thrown when a template fails on the data it was given (e.g. a field the model lacks). */
export class RenderError extends Error {
  override name = 'RenderError';
}

function attempt<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new RenderError(`Rendering ${what} failed: ${(err as Error).message}`, { cause: err });
  }
}

/** The whole stylesheet of a page: fonts its text needs, briefing.css, then the running text. */
function stylesheet(
  set: TemplateSet,
  faces: FontFace[],
  context: unknown,
  running: string,
): string {
  const css = `${fontFaceCss(faces, JSON.stringify(context))}\n${set.css}\n${running}`;
  // Everything in `running` is escaped and the rest is checked at load time; belt and braces.
  if (/<\/style/i.test(css)) throw new Error('stylesheet would close its <style> element');
  return css;
}

function run(template: PageTemplate, context: unknown, css: string, data: object = {}): string {
  return template(context, { css, ...data });
}

/**
 * Compiles the templates in `templatesDir` once (layout, partials and the CSS are read from
 * disk), reads the font list, and returns a {@link Renderer}. Throws a `TemplateError` naming
 * the template file on a syntax error.
 */
export async function createRenderer(templatesDir: string): Promise<Renderer> {
  const templates = await loadTemplates(templatesDir);
  const faces = await fontFaces();
  return {
    renderBriefing(briefing, options = {}) {
      return attempt(`briefing.hbs for "${briefing.theme}"`, () => {
        const view = briefingView(briefing, { scope: '', charts: checkCharts(options.charts) });
        const running = runningCss({
          banner: briefing.marking?.banner ?? null,
          title: briefing.title,
        });
        return run(templates.briefing, view, stylesheet(templates, faces, briefing, running));
      });
    },
    renderIndex(model, options) {
      return attempt('index.hbs', () => {
        const running = runningCss({ banner: model.marking?.banner ?? null, title: 'Briefings' });
        const css = stylesheet(templates, faces, model.briefings, running);
        return run(templates.index, model, css, { pdf: options.pdf });
      });
    },
    renderEdition(model, options) {
      return attempt('edition.hbs', () => {
        const banner = model.marking?.banner ?? null;
        const sections = model.briefings.map((briefing, i) => {
          const charts = checkCharts(options.charts?.[briefing.theme]);
          const pageClass = `run-${i + 1}`;
          return briefingView(briefing, { scope: briefing.theme, charts, pageClass });
        });
        const context = {
          edition: model.edition,
          marking: model.marking,
          documents: model.documents.length,
          showPages: options.pdf,
          contents: model.briefings.map((b) => ({
            title: b.title,
            headline: b.headline,
            empty: b.empty,
            href: `#briefing-${b.theme}`,
            page: options.pageNumbers?.[b.theme]?.toString() ?? '—',
          })),
          briefings: sections,
        };
        const running = [
          runningCss({ banner, title: 'Briefings' }),
          ...sections.map(
            (s) =>
              `.${s.pageClass}{page:${s.pageClass}}${runningCss({ banner, title: s.title }, s.pageClass)}`,
          ),
        ].join('\n');
        return run(
          templates.edition,
          context,
          stylesheet(templates, faces, model.briefings, running),
        );
      });
    },
  };
}

export { TemplateError } from './templates.js';
