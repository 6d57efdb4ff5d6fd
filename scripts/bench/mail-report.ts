import type { MailBench } from './mail.js';

/** The "Email distribution" section of BENCHMARKS.md. */
export function mailSection(mail: MailBench): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const spread = ([min, max]: [number, number]) => `${seconds(min)}–${seconds(max)}`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
  const messages = mail.messages.toLocaleString('en');
  const pdfs = Object.values(mail.pdfBytes).map(kb).join(', ');
  const busy = mail.busy;
  return `## Email distribution

\`send()\` mailing the sample corpus's ${mail.briefings} current editions (PDFs of ${pdfs}) to
${mail.recipients} generated recipients, **${messages} messages**, to a loopback SMTP server
(smtp-server in a worker thread, accepting every message), beside a bare nodemailer pool sending
the same bodies and the same PDF bytes to the same recipients. Both use ${mail.connections} pooled
connections, ${mail.connections} messages in flight, no rate limit. Medians over ${mail.runs} runs
of each after a warm-up run of each, the side going first alternating; each of our runs starts
with an empty ledger, and only \`send()\` is timed. The server received all ${messages} messages
in every run (mean size ${kb(mail.messageBytes.bare)} bare, ${kb(mail.messageBytes.ours)} ours).

| measure | bare nodemailer pool | briefing \`send()\` | ratio | budget |
|---|---|---|---|---|
| wall time, s: median (min–max) | ${seconds(mail.bareMs)} (${spread(mail.bareRange)}) | ${seconds(mail.oursMs)} (${spread(mail.oursRange)}) | ${mail.ratio.toFixed(2)}× (median of each run's: ${mail.pairedRatio.toFixed(2)}×) | ≤ 1.3× ${mail.ratio <= 1.3 ? '✓' : '✗'} |
| messages/s | ${mail.bareMessagesPerSecond.toFixed(0)} | ${mail.oursMessagesPerSecond.toFixed(0)} | | |
${mail.cpu ? `| sending thread's CPU time, s: median | ${seconds(mail.cpu.bareMs)} | ${seconds(mail.cpu.oursMs)} | ${mail.cpu.ratio.toFixed(2)}× | |\n` : ''}
Beyond the bare pool, our run reads the editions (model, editions' state, PDFs) from the output
folder and plans the deliveries under each list's handling policy; queues every delivery in the
SQLite ledger, claims its row (committed) before handing the message over and settles it after the
server's reply, two committed writes per message; gives each message its stable Message-ID and
edition headers; and renders each edition's bodies once (Handlebars, CSS inlined), filling in each
recipient.

The sending thread was busy ${percent(busy.bare.sender)} of the time bare and
${percent(busy.ours.sender)} ours, the server ${percent(busy.bare.server)} and
${percent(busy.ours.server)}: what is measured is the sender. Most of both sides' time is
nodemailer's own, for every message: dot-stuffing the DATA stream, base64 of the PDF,
quoted-printable of the HTML. In profiles of our side, the ledger's statements took about 0.3 ms per
message and the bodies about 0.1 s per run, some 5% of the bare time; wall times move more than
that with other work on the machine (the CPU time of the sending thread moves less).
`;
}
