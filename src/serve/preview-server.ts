import { open, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentTypeOf, isHtml } from './content-types.js';
import { injectLiveReload, LIVE_RELOAD_PATH, type LiveReload } from './live-reload.js';
import { resolveRequest } from './resolve-request.js';

/** The port a preview listens on unless told otherwise. */
export const DEFAULT_PORT = 4173;

/** The only address a preview listens on: it is for this machine's browser, not the network. */
export const PREVIEW_HOST = '127.0.0.1';

/** How to start a preview server. */
export interface PreviewServerOptions {
  /** The folder to serve, asked on every request (a config reload may move the output). */
  root: () => string;
  liveReload: LiveReload;
  /** Default 4173; 0 picks a free port. */
  port?: number;
}

/** A running preview server. */
export interface PreviewServer {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  readonly port: number;
  /** Ends the live-reload streams and every connection, and stops listening. */
  close(): Promise<void>;
}

const WAITING_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Building…</title>' +
  '<body><p>No briefings yet: this page reloads when the build has finished.</p></body></html>';

const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * Serves the output folder on 127.0.0.1 with live reload: HTML responses get a script that
 * reloads the page when a build finishes (the files on disk are never changed). Only GET and
 * HEAD; no directory listing; nothing outside the folder, whatever the path or the symlinks.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, PREVIEW_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${PREVIEW_HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        options.liveReload.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: PreviewServerOptions) {
  if (!isLocalHost(req.headers.host)) return send(res, 403, 'Forbidden host');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed');
  }
  const requestPath = (req.url ?? '/').split('?')[0] ?? '/';
  if (requestPath === LIVE_RELOAD_PATH) return options.liveReload.connect(req, res);

  const found = await resolveRequest(options.root(), requestPath);
  if (found.kind === 'refused' && found.status === 404 && requestPath === '/') {
    // Before the first build there is no index yet: show a page that reloads once there is.
    return send(res, 503, injectLiveReload(WAITING_PAGE), 'text/html; charset=utf-8');
  }
  if (found.kind === 'refused') {
    return send(res, found.status, found.status === 404 ? 'Not found' : 'Forbidden');
  }
  if (found.kind === 'redirect') {
    res.writeHead(301, { ...HEADERS, Location: found.location });
    return void res.end();
  }
  const type = contentTypeOf(found.file);
  if (isHtml(found.file)) {
    const body = Buffer.from(injectLiveReload(await readFile(found.file, 'utf8')));
    res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Content-Length': body.length });
    return void res.end(req.method === 'HEAD' ? undefined : body);
  }
  // Size the response from the opened file: a build may rename a new version into place.
  const file = await open(found.file);
  try {
    const { size } = await file.stat();
    res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Content-Length': size });
  } catch (error) {
    await file.close();
    throw error;
  }
  if (req.method === 'HEAD') {
    await file.close();
    return void res.end();
  }
  file
    .createReadStream()
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Whether the `Host` header names this machine. A web page elsewhere could point its own name
 * at 127.0.0.1 (DNS rebinding) and read the preview; its requests carry that name.
 */
function isLocalHost(host: string | undefined): boolean {
  if (host === undefined) return true;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

function send(
  res: ServerResponse,
  status: number,
  text: string,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type });
  res.end(`${text}\n`);
}
