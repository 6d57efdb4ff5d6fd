import type { IncomingMessage, ServerResponse } from 'node:http';

/** The Server-Sent Events endpoint open pages listen on. */
export const LIVE_RELOAD_PATH = '/__briefing/events';

/** The script added to every served page: reload when a build has finished. */
export const LIVE_RELOAD_SCRIPT = `<script data-briefing-live-reload>new EventSource(${JSON.stringify(LIVE_RELOAD_PATH)}).addEventListener("build",()=>location.reload())</script>`;

/** The open pages of a preview, told when a build has finished. */
export interface LiveReload {
  /** Answers a request to the events endpoint: keeps it open as an event stream. */
  connect(req: IncomingMessage, res: ServerResponse): void;
  /** Sends an event (e.g. `build`) with JSON data to every open page. */
  notify(event: string, data?: unknown): void;
  /** How many pages are listening. */
  readonly clients: number;
  /** Ends every stream (before the server closes). */
  close(): void;
}

/** Creates the live-reload hub of a preview server. */
export function createLiveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  return {
    connect(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      // Reconnect quickly when the server restarts; the comment opens the stream at once.
      res.write('retry: 1000\n: connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    notify(event, data = {}) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    get clients() {
      return clients.size;
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}

/** Adds the live-reload script to an HTML page, before `</body>` (or at the end). */
export function injectLiveReload(html: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1
    ? `${html}${LIVE_RELOAD_SCRIPT}`
    : `${html.slice(0, at)}${LIVE_RELOAD_SCRIPT}${html.slice(at)}`;
}
