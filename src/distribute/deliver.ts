import { setTimeout as sleep } from 'node:timers/promises';
import type { Ledger, DeliveryKey } from './ledger.js';
import type { Channel } from './transport.js';
import type { PlannedDelivery } from './plan-deliveries.js';
import { composeMessage } from './compose-message.js';
import type { EmailBodies } from './email-body.js';
import { classifyFailure } from './classify-failure.js';

/** How temporary failures are retried: `retries` more attempts, the first after `delay` ms. */
export interface RetryPolicy {
  retries: number;
  delay: number;
}

/** Progress of a run, one event per attempt. */
export type DeliveryEvent =
  | { type: 'sent'; delivery: PlannedDelivery }
  | { type: 'retry'; delivery: PlannedDelivery; reply: string; wait: number }
  | { type: 'failed'; delivery: PlannedDelivery; reply: string };

/** The ledger key of a planned delivery on a channel. */
export function keyOf(delivery: PlannedDelivery, channel: string): DeliveryKey {
  return {
    theme: delivery.theme,
    edition: delivery.number,
    channel,
    address: delivery.address,
  };
}

/**
 * Sends every delivery through the channel, as many at once as the channel has connections.
 * Each attempt is claimed in the ledger before the message is handed over and settled after
 * the server answers. Temporary failures wait (exponential back-off with jitter) and retry;
 * permanent ones are recorded and the run goes on. Returns the reason when a fatal failure
 * (credentials, TLS) or `signal` stopped the run; what was not sent stays queued for the next run.
 */
export async function deliverAll(
  deliveries: PlannedDelivery[],
  context: {
    ledger: Ledger;
    channel: Channel;
    bodies: (delivery: PlannedDelivery) => EmailBodies;
    retry: RetryPolicy;
    onEvent?: (event: DeliveryEvent) => void;
    /** Stops the run after the messages in flight; the rest stay queued for the next run. */
    signal?: AbortSignal;
  },
): Promise<string | null> {
  const { ledger, channel, retry, onEvent, signal } = context;
  const queue = [...deliveries];
  let stopped: string | null = null;

  const deliverOne = async (delivery: PlannedDelivery) => {
    const key = keyOf(delivery, channel.name);
    for (let attempt = 0; stopped === null; attempt++) {
      if (!ledger.claim(key)) return;
      try {
        const info = (await channel.transporter.sendMail(
          composeMessage(delivery, context.bodies(delivery)),
        )) as { response?: string };
        ledger.markSent(key, info.response ?? 'accepted');
        onEvent?.({ type: 'sent', delivery });
        return;
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.ambiguous) ledger.flagPossibleDuplicate(key);
        if (failure.kind === 'fatal') {
          ledger.release(key, failure.reply);
          stopped = `${channel.name} refused the session: ${failure.reply}`;
          return;
        }
        if (failure.kind === 'permanent' || attempt >= retry.retries) {
          ledger.markFailed(key, failure.reply, failure.kind === 'permanent');
          onEvent?.({ type: 'failed', delivery, reply: failure.reply });
          return;
        }
        ledger.release(key, failure.reply);
        const wait = Math.round(retry.delay * 2 ** attempt * (0.75 + Math.random() * 0.5));
        onEvent?.({ type: 'retry', delivery, reply: failure.reply, wait });
        const waited = await sleep(wait, true, { signal }).catch(() => false);
        if (!waited) return;
      }
    }
  };

  const onAbort = () => {
    stopped ??= `interrupted; ${queue.length} message(s) not yet handed over stay queued for the next run`;
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const worker = async () => {
    for (let next = queue.shift(); next && stopped === null; next = queue.shift()) {
      await deliverOne(next);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, channel.concurrency) }, worker));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return stopped;
}
