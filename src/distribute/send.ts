import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Delivery, SendResult } from '../model.js';
import { EDITIONS_DIR } from '../build/edition-state.js';
import { isRunning } from '../is-running.js';
import { withOutputLock } from '../build/lock.js';
import { readCurrentEditions, readModel, type CurrentEdition } from './current-editions.js';
import { planDeliveries, type PlannedDelivery, type SendOptions } from './plan-deliveries.js';
import { openChannel } from './transport.js';
import { Ledger } from './ledger.js';
import { loadEmailTemplates, type EmailBodies } from './email-body.js';
import { attachmentName, subjectOf } from './compose-message.js';
import { deliverAll, keyOf, type DeliveryEvent } from './deliver.js';

/** The delivery ledger, next to the editions' state in the output folder. */
export const LEDGER_FILE = `${EDITIONS_DIR}/deliveries.sqlite`;

/** Options of one `briefing send`. */
export interface SendRunOptions extends SendOptions {
  /** Write to the outbox only, and record nothing in the ledger. */
  dryRun?: boolean;
  /** Try permanent failures of the current editions again. */
  retryFailed?: boolean;
  onEvent?: (event: DeliveryEvent) => void;
  /** Stops the run after the messages in flight (Ctrl-C); the rest stay queued. */
  signal?: AbortSignal;
}

/**
 * Sends the current edition of each briefing to its distribution lists (or to `to`): plans
 * who gets what under the handling policy, queues every delivery in the ledger, resumes what
 * an earlier run left unfinished, then sends what is not yet sent. Never sends an edition
 * twice to a recipient through the same channel.
 */
export async function send(
  config: ResolvedConfig,
  options: SendRunOptions = {},
): Promise<SendResult> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  // Read under the output lock, so a build committing meanwhile cannot mix two editions; the
  // lock is not held while mailing, which may take minutes.
  const editions = await withOutputLock(config.output, () => readCurrentEditions(config.output));
  const plan = planDeliveries(config, editions, options);
  const channel = openChannel(config, dryRun);
  const ledger = Ledger.open(dryRun ? ':memory:' : path.join(config.output, LEDGER_FILE));
  try {
    // No attempt holds a row longer than the server's timeouts (connect, greeting, each step).
    ledger.recover(isRunning, 10 * config.mail.timeout);
    ledger.enqueue(
      plan.deliveries.map((delivery) => ({
        ...keyOf(delivery, channel.name),
        date: delivery.date,
        name: delivery.recipient.name ?? null,
        lists: delivery.lists,
        messageId: delivery.messageId,
      })),
      options.retryFailed,
    );
    const rowOf = (delivery: PlannedDelivery) => ledger.get(keyOf(delivery, channel.name));
    const before = new Map(plan.deliveries.map((delivery) => [delivery, rowOf(delivery)]));
    const pending = plan.deliveries.filter((d) => before.get(d)?.state === 'queued');
    const templates = await loadEmailTemplates(config.templates);
    const bodies = new Map<CurrentEdition, EmailBodies>();
    const bodiesOf = (delivery: PlannedDelivery) => {
      const { edition } = delivery;
      let made = bodies.get(edition);
      if (!made) {
        made = templates.bodies(edition.briefing, {
          subject: subjectOf(edition.briefing),
          author: config.author,
          attachment: edition.pdf ? attachmentName(edition.briefing) : null,
        });
        bodies.set(edition, made);
      }
      return made;
    };
    const stopped = await deliverAll(pending, {
      ledger,
      channel,
      bodies: bodiesOf,
      retry: { retries: config.mail.retries, delay: config.mail.retryDelay },
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const after = (delivery: PlannedDelivery) => rowOf(delivery) as Delivery;
    const done = pending.map(after);
    return {
      channel: channel.name,
      dryRun,
      sent: done.filter((row) => row.state === 'sent'),
      alreadySent: plan.deliveries
        .filter((d) => before.get(d)?.state === 'sent')
        .map((d) => before.get(d)!),
      failed: [
        ...done.filter((row) => row.state === 'failed'),
        ...plan.deliveries
          .filter((d) => before.get(d)?.state === 'failed')
          .map((d) => before.get(d)!),
      ],
      refused: plan.refused,
      skipped: plan.skipped,
      stopped,
      durationMs: performance.now() - started,
    };
  } finally {
    channel.transporter.close();
    ledger.close();
  }
}

/** The ledger's rows for the current editions (all channels); none before the first send. */
export async function deliveryStatus(config: ResolvedConfig): Promise<Delivery[]> {
  const file = path.join(config.output, LEDGER_FILE);
  if (!existsSync(file)) return [];
  // Only the editions' numbers are needed: the model, not the PDFs.
  const { briefings } = await readModel(config.output);
  const ledger = Ledger.open(file);
  try {
    return ledger.list(
      briefings.map((briefing) => ({ theme: briefing.theme, edition: briefing.edition.number })),
    );
  } finally {
    ledger.close();
  }
}
