import net from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A message the test server accepted. */
export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/** An SMTP reply to answer with instead of accepting. */
export type Reply = { code: number; message: string } | undefined;

/** How the test server behaves; every hook is optional. */
export interface SmtpBehaviour {
  /** Answer RCPT TO for this address with a reply (e.g. 550), or accept. */
  onRcpt?: (address: string) => Reply;
  /** Answer the end of DATA (message number `n`, from 1, counting every DATA) with a reply. */
  onData?: (n: number, to: string[]) => Reply | Promise<Reply>;
}

/** A real SMTP server on 127.0.0.1 (smtp-server), collecting what it accepts. */
export interface TestSmtp {
  port: number;
  url: string;
  received: Received[];
  /** DATA commands seen, accepted or not. */
  attempts: () => number;
  /** Connections opened so far. */
  connections: () => number;
  /** When each accepted message arrived (ms since the epoch), in order. */
  arrivals: number[];
  close(): Promise<void>;
}

function replyError(reply: NonNullable<Reply>): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

/** Starts a plain-text SMTP server on 127.0.0.1 on a free port. */
export async function startSmtp(behaviour: SmtpBehaviour = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  let attempts = 0;
  let connections = 0;
  const arrivals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 50 * 1024 * 1024,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const reply = behaviour.onRcpt?.(address.address);
      callback(reply ? replyError(reply) : undefined);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const n = ++attempts;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        void (async () => {
          const reply = await behaviour.onData?.(n, to);
          if (reply) return callback(replyError(reply));
          const raw = Buffer.concat(chunks);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          arrivals.push(Date.now());
          received.push({ from, to, raw, parsed: await simpleParser(raw) });
          callback();
        })();
      });
    },
  });
  // A client that dies mid-session (the kill tests) resets its connection: not a server error.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    connections: () => connections,
    arrivals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A TCP proxy in front of an SMTP server that cuts the connection the first `times` times a
 * client sends DATA: in the middle of the message body (`at: 'body'`; the server never gets
 * the message), or after the whole message reached the server but before its reply reaches
 * the client (`at: 'reply'`; the server accepted it, the client cannot know).
 */
export async function startDroppingProxy(
  target: number,
  times: number,
  at: 'body' | 'reply' = 'body',
): Promise<{ url: string; drops: () => number; close(): Promise<void> }> {
  let drops = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    let inData = false;
    let bodyBytes = 0;
    let awaitingReply = false;
    const cut = () => {
      drops += 1;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (inData && drops < times) {
        bodyBytes += chunk.length;
        if (at === 'body' && bodyBytes > 200) return cut();
        if (at === 'reply' && chunk.toString('latin1').endsWith('\r\n.\r\n')) awaitingReply = true;
      }
      if (/^DATA\r\n/im.test(chunk.toString('latin1'))) inData = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (awaitingReply) return cut();
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    drops: () => drops,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
