/**
 * The render stage: turns a composed {@link Briefing} (and the whole {@link CorpusModel} for the
 * index) into standalone HTML pages. Templates only display the model; they never compute.
 */
import type { Briefing, CorpusModel } from '../model.js';
import { loadTemplates, type PageTemplate } from './templates.js';

/** Renders HTML pages from the model with the compiled templates. */
export interface Renderer {
  /**
   * A complete standalone HTML page for one briefing: all CSS inlined in `<style>`, no external
   * resources (no `<link>`, web fonts, scripts or images by URL).
   */
  renderBriefing(briefing: Briefing): string;
  /**
   * `output/index.html`: every briefing with its title, headline, edition date, counts, period and
   * marking, linking to `<theme>.html` and, when `pdf` is true, `<theme>.pdf`.
   */
  renderIndex(model: CorpusModel, options: { pdf: boolean }): string;
}

/** Thrown when a template fails on the data it was given (e.g. a field the model lacks). */
export class RenderError extends Error {
  override name = 'RenderError';
}

function run(template: PageTemplate, what: string, context: unknown, data: object): string {
  try {
    return template(context, { ...data });
  } catch (err) {
    throw new RenderError(`Rendering ${what} failed: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Compiles the templates in `templatesDir` once (layout, partials and the CSS are read from
 * disk) and returns a {@link Renderer}. Throws a `TemplateError` naming the template file on a
 * syntax error.
 */
export async function createRenderer(templatesDir: string): Promise<Renderer> {
  const templates = await loadTemplates(templatesDir);
  return {
    renderBriefing(briefing) {
      return run(templates.briefing, `briefing.hbs for "${briefing.theme}"`, briefing, {
        css: templates.css,
      });
    },
    renderIndex(model, options) {
      return run(templates.index, 'index.hbs', model, { css: templates.css, pdf: options.pdf });
    },
  };
}

export { TemplateError } from './templates.js';
