/**
 * Loads and compiles the template folder into a private Handlebars environment.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import Handlebars from 'handlebars';
import { helpers } from './helpers.js';

/** A compiled page template; `data` becomes the template's `@`-variables (`@css`, `@pdf`). */
export type PageTemplate = (context: unknown, data: Record<string, unknown>) => string;

/** The compiled templates and the stylesheet they inline. */
export interface TemplateSet {
  briefing: PageTemplate;
  index: PageTemplate;
  edition: PageTemplate;
  /** Contents of `briefing.css`, inserted raw into each page's `<style>`. */
  css: string;
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/**
 * Compile options shared by every template and partial. `strict` makes a missing field an
 * error (block-helper arguments such as `{{#if marking}}` stay lenient, so optional fields
 * still work); `knownHelpersOnly` rejects a misspelled helper at load time.
 */
const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpers: Object.fromEntries(Object.keys(helpers).map((name) => [name, true])),
  knownHelpersOnly: true,
  preventIndent: true,
};

/** Thrown when a file in the templates folder cannot be read or compiled; names the file. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

async function readTemplateFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new TemplateError(file, `cannot read template (${(err as Error).message})`, {
      cause: err,
    });
  }
}

/**
 * Parses and fully compiles one template now, so that a syntax error or an unknown helper is
 * reported at load time with the file's name, not at the first render.
 */
function compileFile(hb: typeof Handlebars, file: string, source: string) {
  try {
    const ast = hb.parse(source);
    hb.precompile(ast, COMPILE_OPTIONS);
    return hb.compile(ast, COMPILE_OPTIONS);
  } catch (err) {
    throw new TemplateError(file, `template syntax error: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

async function listPartials(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => extname(name) === '.hbs').sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Reads `layout.hbs`, `partials/*.hbs`, `briefing.hbs`, `index.hbs`, `edition.hbs` and `briefing.css` from
 * `templatesDir` and compiles them into a fresh Handlebars environment with the formatting
 * helpers registered. Partials are named after their file (`partials/cites.hbs` → `cites`).
 */
export async function loadTemplates(templatesDir: string): Promise<TemplateSet> {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);

  const layoutFile = join(templatesDir, 'layout.hbs');
  hb.registerPartial('layout', compileFile(hb, layoutFile, await readTemplateFile(layoutFile)));

  const partialsDir = join(templatesDir, 'partials');
  for (const name of await listPartials(partialsDir)) {
    const file = join(partialsDir, name);
    hb.registerPartial(basename(name, '.hbs'), compileFile(hb, file, await readTemplateFile(file)));
  }

  const page = async (name: string): Promise<PageTemplate> => {
    const file = join(templatesDir, name);
    const template = compileFile(hb, file, await readTemplateFile(file));
    return (context, data) => template(context, { data });
  };

  const cssFile = join(templatesDir, 'briefing.css');
  const css = await readTemplateFile(cssFile);
  // The stylesheet goes into <style> unescaped; a closing tag would end it early.
  if (/<\/style/i.test(css))
    throw new TemplateError(cssFile, 'stylesheet must not contain </style');

  return {
    briefing: await page('briefing.hbs'),
    index: await page('index.hbs'),
    edition: await page('edition.hbs'),
    css,
  };
}
