import { createHash } from 'node:crypto';
import type { Mailbox } from '../config/schema.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Refusal, ThemeId } from '../model.js';
import type { CurrentEdition } from './current-editions.js';
import { controlsOf, disallowed } from './markings.js';

/** Which briefings go to whom in one run. */
export interface SendOptions {
  /** Only this theme. */
  theme?: string;
  /** Only this list (and, with `to`, this list's handling policy). */
  list?: string;
  /** Send to these addresses instead of the lists. */
  to?: string[];
}

/** One message to send: an edition of a briefing to one recipient. */
export interface PlannedDelivery {
  edition: CurrentEdition;
  theme: ThemeId;
  number: number;
  date: string;
  /** The recipient, as written in the config (or on the command line). */
  recipient: Mailbox;
  /** Lower-case address: the ledger's key. */
  address: string;
  lists: string[];
  from: Mailbox;
  messageId: string;
}

/** What a run will send, and what it will not. */
export interface DeliveryPlan {
  deliveries: PlannedDelivery[];
  refused: Refusal[];
  skipped: { theme: ThemeId; reason: string }[];
}

/** A mailing that names a theme, list or address the config does not have. */
export class PlanError extends Error {
  readonly code = 'send-usage';
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/**
 * Decides who gets which edition: each list receives its themes, unless a briefing carries a
 * handling marking the list is not allowed, in which case nobody on that list gets that
 * briefing and the refusal is reported. A recipient on several lists gets each edition once.
 * `to` replaces the lists' recipients; their policy is `list`'s when given, else none (only
 * unmarked briefings).
 */
export function planDeliveries(
  config: ResolvedConfig,
  editions: CurrentEdition[],
  options: SendOptions = {},
): DeliveryPlan {
  checkOptions(config, editions, options);
  const lists = config.lists.filter((list) => !options.list || list.name === options.list);
  const plan: DeliveryPlan = { deliveries: [], refused: [], skipped: [] };
  for (const edition of editions) {
    const { briefing } = edition;
    if (options.theme && briefing.theme !== options.theme) continue;
    if (briefing.empty) {
      plan.skipped.push({ theme: briefing.theme, reason: 'no material in the corpus' });
      continue;
    }
    const controls = controlsOf(briefing.marking);
    const byAddress = new Map<string, PlannedDelivery>();
    const add = (recipient: Mailbox, list: string | null, from: Mailbox) => {
      const address = recipient.address.toLowerCase();
      const known = byAddress.get(address);
      if (known) {
        if (list && !known.lists.includes(list)) known.lists.push(list);
        return;
      }
      byAddress.set(address, {
        edition,
        theme: briefing.theme,
        number: briefing.edition.number,
        date: briefing.edition.date,
        recipient,
        address,
        lists: list ? [list] : [],
        from,
        messageId: messageIdOf(edition, address, from),
      });
    };
    if (options.to) {
      // `lists` is just the named list when `--list` is given (checked above).
      const policy = options.list ? (lists[0]?.markings ?? []) : [];
      const refusedControls = disallowed(controls, policy);
      if (refusedControls.length > 0) {
        plan.refused.push(refusal(options.list ?? '--to', edition, refusedControls));
      } else {
        for (const address of options.to) add({ address }, null, config.mail.from);
      }
    } else {
      for (const list of lists) {
        if (list.themes !== '*' && !list.themes.includes(briefing.theme)) continue;
        const refusedControls = disallowed(controls, list.markings);
        if (refusedControls.length > 0) {
          plan.refused.push(refusal(list.name, edition, refusedControls));
          continue;
        }
        for (const recipient of list.recipients)
          add(recipient, list.name, list.from ?? config.mail.from);
      }
    }
    if (byAddress.size === 0 && !plan.refused.some((r) => r.theme === briefing.theme)) {
      plan.skipped.push({ theme: briefing.theme, reason: 'no distribution list receives it' });
    }
    plan.deliveries.push(...byAddress.values());
  }
  return plan;
}

function refusal(list: string, edition: CurrentEdition, controls: string[]): Refusal {
  return {
    list,
    theme: edition.briefing.theme,
    marking: edition.briefing.marking?.banner ?? '',
    controls,
  };
}

/**
 * The Message-ID of an edition sent to a recipient: the same on every attempt and every run,
 * so a message sent twice is recognisable as one (mail clients and servers collapse them).
 */
export function messageIdOf(edition: CurrentEdition, address: string, from: Mailbox): string {
  const { theme, edition: number } = edition.briefing;
  const recipient = createHash('sha256').update(address).digest('hex').slice(0, 20);
  const content = edition.content.slice(0, 12) || 'edition';
  const domain = from.address.split('@')[1] ?? 'briefing.invalid';
  return `<${theme}.${number.number}.${content}.${recipient}@${domain}>`;
}

function checkOptions(config: ResolvedConfig, editions: CurrentEdition[], options: SendOptions) {
  if (options.theme && !editions.some((e) => e.briefing.theme === options.theme)) {
    const themes = editions.map((e) => e.briefing.theme).join(', ');
    throw new PlanError(
      `No briefing "${options.theme}" in the current edition (themes: ${themes}).`,
    );
  }
  if (options.list && !config.lists.some((list) => list.name === options.list)) {
    const names = config.lists.map((list) => list.name).join(', ') || 'none configured';
    throw new PlanError(`No distribution list "${options.list}" (lists: ${names}).`);
  }
  if (!options.to && config.lists.length === 0) {
    throw new PlanError(
      'No distribution lists in the config: add `lists:` to briefing.config.yaml, or give --to.',
    );
  }
}
