/**
 * Sentence, quote, headline and heading templates for generated documents, one set per theme of
 * the sample config (international expansion, government relations, IP enforcement) and a
 * neutral set that carries none of the themes' signal terms.
 */
import type { Random } from './random.js';
import type { Cast, Person } from './cast.js';
import { count, money, percent, when } from './figures.js';

/** A theme of the sample config, or `neutral` for business news that matches none. */
export type Topic = 'expansion' | 'government' | 'ip' | 'neutral';

/** A template: text from the document's cast and the generator. */
export type Template = (c: Cast, r: Random) => string;

/** What a topic contributes to a document. */
export interface TopicText {
  headlines: Template[];
  sentences: Template[];
  /** Quoted words, without quotation marks or final punctuation. */
  quotes: string[];
  headings: string[];
  /** Who is quoted on this topic. */
  speaker: (c: Cast) => Person;
}

const expansion: TopicText = {
  headlines: [
    (c) => `${c.company} to open ${c.abroad.city} hub in overseas push`,
    (c) => `${c.company} takes stake in ${c.abroad.country} logistics firm`,
    (c) => `${c.company} brings its cross-border marketplace to ${c.abroad.region}`,
  ],
  sentences: [
    (c, r) =>
      `${c.company} said it would open a regional headquarters in ${c.abroad.city} as part of its overseas expansion, an investment of ${money(r)}.`,
    (c, r) =>
      `The company plans to launch its cross-border marketplace in ${c.abroad.country} ${when(r, c)}, its first foothold in ${c.abroad.region}.`,
    (c, r) =>
      `${c.company} agreed to acquire a ${percent(r)} stake in a ${c.abroad.country} logistics group for ${money(r)}.`,
    (c, r) =>
      `Exports through the platform to ${c.abroad.country} rose ${percent(r)} last year, and the number of overseas sellers reached ${count(r)}.`,
    (c) =>
      `A new data centre in ${c.abroad.city} will serve customers across ${c.abroad.region}, the company's third abroad.`,
    (c) =>
      `${c.company} formed a joint venture with a local partner to expand its delivery network in ${c.abroad.country}.`,
    (c, r) =>
      `International sales now make up ${percent(r)} of the group's revenue, and ${c.company} wants foreign markets to grow faster than the home market.`,
    (c, r) =>
      `${c.executive.name}, ${c.executive.role}, said the group would invest ${money(r)} abroad over the next three years.`,
    (c) =>
      `Sellers from ${c.home.province} can now ship directly to buyers in ${c.abroad.country} through a pavilion that showcases their products.`,
    (c) =>
      `The move follows the launch of a global payments service in ${c.abroad.city} and a subsidiary in ${c.abroad.country}.`,
    (c) =>
      `${c.company} will build a warehouse in ${c.abroad.city} to cut delivery times for overseas buyers to three days.`,
    (c, r) =>
      `Buyers in ${c.abroad.region} spent ${money(r)} on the international site ${when(r, c)}, and the company plans to expand there.`,
    (c, r) =>
      `${c.company} entered ${c.abroad.country} ${when(r, c)} by acquiring a local online retailer for ${money(r)}.`,
    (_c, r) =>
      `Its overseas logistics arm now ships to ${r.int(20, 120)} countries worldwide, up from ${r.int(5, 19)} two years ago.`,
  ],
  quotes: [
    'We want to be where our customers are, and more of them are overseas every year',
    'This market is the gateway to the whole region for us',
    'Cross-border trade is the fastest-growing part of our business',
    'Small exporters need a way into foreign markets that does not cost a fortune',
  ],
  headings: ['Going Overseas', 'A Foothold Abroad', 'New Markets'],
  speaker: (c) => c.executive,
};

const government: TopicText = {
  headlines: [
    (c) => `${c.home.province} courts ${c.company} with promise of government support`,
    (c) => `${c.company} signs agreement with ${c.home.city} officials`,
    (c) => `Regulators step up scrutiny of ${c.company}`,
  ],
  sentences: [
    (c) =>
      `${c.official.name}, ${c.official.role}, met with executives of ${c.company} in ${c.home.city} and offered guarantees of government support.`,
    (c, r) =>
      `The provincial government signed a memorandum with ${c.company} ${when(r, c)} covering smart city services and training for small firms.`,
    (c) =>
      `Officials from the ${c.agency} invited ${c.company} to join a national pilot programme under the five-year plan.`,
    (c, r) =>
      `${c.company} has stepped up lobbying, spending ${money(r)} on advocacy last year, according to disclosure filings.`,
    (c) =>
      `Lawmakers called for a hearing on the company's data practices, and the ${c.agency} opened a review of its pricing policies.`,
    (c, r) =>
      `The mayor of ${c.home.city} said the agreement would bring ${count(r)} jobs, and the city would offer land and tax breaks.`,
    (c) =>
      `The regulator issued new regulations on platform fees, a policy that ${c.company} said it would follow.`,
    (c) =>
      `Local officials in ${c.home.city} had lobbied hard for the project, persuading the company with the backing of the provincial party secretary.`,
    (c, r) =>
      `Under the deal with the ${c.home.province} authorities, ${c.company} will train ${count(r)} officials in e-commerce.`,
    (c) =>
      `A delegation from the ${c.agency} visited the company's headquarters, and ${c.official.short} praised its support of national policy.`,
    (c, r) =>
      `Officials at the ${c.agency} summoned executives of ${c.company} ${when(r, c)} to discuss new regulations on pricing and data.`,
    (c, r) =>
      `${c.company} is one of ${r.int(5, 30)} firms in a state-backed programme for rural commerce, with government funding of ${money(r)}.`,
    () =>
      `Provincial officials said the investment fitted the government's policy of upgrading local industry.`,
    (c, r) =>
      `The founder of ${c.company} was named a delegate to the National People's Congress ${when(r, c)}.`,
  ],
  quotes: [
    'The government will give this project every support it needs',
    'We welcome companies that bring jobs and skills to the province',
    'Our agreement with the city is a model for how business and government can work together',
    'The new rules apply to every platform, large or small',
  ],
  headings: ['Courting the Company', 'Officials Weigh In', 'Policy Backing'],
  speaker: (c) => c.official,
};

const ip: TopicText = {
  headlines: [
    (c) => `${c.company} removes counterfeit listings after raids in ${c.home.city}`,
    (c) => `${c.brand} sues sellers over fake ${c.goods}`,
    (c) => `Piracy concerns keep ${c.company} on notorious markets list`,
  ],
  sentences: [
    (c, r) =>
      `Police in ${c.home.city} raided ${r.int(3, 40)} warehouses and seized ${count(r)} counterfeit ${c.goods} linked to sellers on the platform.`,
    (c) =>
      `The Office of the U.S. Trade Representative kept ${c.company} on its notorious markets list, citing the volume of pirated and counterfeit goods.`,
    (c, r) =>
      `${c.company} said it had taken down ${count(r)} listings that infringed trademarks and copyrights ${when(r, c)}.`,
    (c, r) =>
      `${c.brand} sued ${c.rival} in a ${c.home.city} court for trademark infringement, seeking damages of ${money(r)}.`,
    (c, r) =>
      `The court ordered the seller to pay ${money(r)} in damages for selling fake ${c.goods}.`,
    (c, r) =>
      `An investigation by the ${c.agency} led to the arrest of ${r.int(4, 90)} suspects accused of running a piracy network.`,
    () =>
      `Rights holders complained that takedown requests took weeks, and that counterfeiters simply opened new stores under other names.`,
    (c, r) =>
      `${c.company} said its enforcement team used image recognition to block ${percent(r)} of suspected knock-offs before they were listed.`,
    (c) =>
      `Brand owners including ${c.brand} have pressed for tougher action against illicit sellers of ${c.goods}.`,
    (c) =>
      `The crackdown on counterfeit ${c.goods} followed complaints from patent and trademark holders in ${c.abroad.country}.`,
    (c, r) =>
      `Customs officers in ${c.abroad.city} seized a shipment of ${count(r)} fake ${c.goods} bound for online buyers.`,
    (c, r) =>
      `A ${c.home.city} court sentenced the leader of a counterfeiting ring to ${r.int(2, 9)} years in prison.`,
    (c, r) =>
      `Trademark lawsuits filed against online sellers rose ${percent(r)} last year, according to ${c.firm}.`,
    (c, r) =>
      `${c.brand} said it had found copies of its patented designs sold under ${count(r)} different store names, an infringement it called blatant.`,
  ],
  quotes: [
    'Every fake we take down is replaced by two more within a week',
    'We have zero tolerance for counterfeits on our platform',
    'Rights holders need enforcement that keeps pace with the sellers',
    'The raids show that the problem is organised, not accidental',
  ],
  headings: ['Counterfeits and Raids', 'Rights Holders Push Back', 'Enforcement'],
  speaker: (c) => c.lawyer,
};

const neutral: TopicText = {
  headlines: [
    (c) => `${c.company} quarterly revenue beats forecasts`,
    (c) => `${c.company} shares climb on strong holiday sales`,
    (c) => `Shoppers lift ${c.company} results`,
  ],
  sentences: [
    (c, r) =>
      `${c.company} reported quarterly revenue of ${money(r)}, up ${percent(r)} from a year earlier.`,
    (c, r) =>
      `Shares of ${c.company} rose ${percent(r)} in ${c.home.city} trading after the results were published.`,
    (c) =>
      `Analysts at ${c.firm} expect growth to slow in the second half as consumer demand cools.`,
    (c, r) =>
      `The company employs about ${count(r)} people and runs ${r.int(6, 60)} warehouses in ${c.home.province}.`,
    (c, r) =>
      `Mobile payments made up ${percent(r)} of transactions during the holiday season, according to ${c.firm}.`,
    (c) =>
      `${c.analyst.name}, ${c.analyst.role}, said the results reflected stronger demand for home appliances and groceries.`,
    (c, r) =>
      `Sales of ${c.goods} on the platform grew ${percent(r)}, the fastest of any category.`,
    (c) =>
      `${c.rival} posted weaker results in the same period, and its shares fell in early trading.`,
    (_c, r) =>
      `The group spent ${money(r)} on marketing in the quarter, mostly on short video and livestream shopping.`,
    (c) =>
      `Customers in smaller cities now account for most new accounts, ${c.firm} said in a note to clients.`,
    (c) => `Delivery times in ${c.home.city} fell to under a day for most orders, the company said.`,
    (c, r) =>
      `${c.company} added ${count(r)} active buyers in the quarter, while average order value slipped ${percent(r)}.`,
    () =>
      `Its cloud computing unit turned a profit for the first time, helped by demand from retailers.`,
    (c, r) =>
      `${c.company} said it would buy back up to ${money(r)} of its shares over two years.`,
    (_c, r) =>
      `Operating costs rose ${percent(r)}, driven by higher wages for warehouse staff and couriers.`,
    (_c, r) =>
      `The annual shopping festival in November generated sales of ${money(r)} in its first hour.`,
    (c, r) =>
      `${c.rival}, its closest competitor, cut prices on ${c.goods} by ${percent(r)} in response.`,
    (c) =>
      `Rain and flooding in ${c.home.province} delayed some deliveries for several days, the company said.`,
    () =>
      `Margins improved as the company relied less on discounts and more on advertising income.`,
  ],
  quotes: [
    'Demand held up better than we expected',
    'The numbers were strong, but the second half will be harder',
    'Shoppers are trading down, not stopping',
  ],
  headings: ['Results', 'The Numbers', 'Outlook'],
  speaker: (c) => c.analyst,
};

/** The texts of every topic. */
export const TOPICS: Record<Topic, TopicText> = { expansion, government, ip, neutral };

/** A quoted sentence with its speaker, in one of the shapes news copy uses. */
export function quoteSentence(c: Cast, r: Random, topic: Topic, first: boolean): string {
  const text = TOPICS[topic];
  const speaker = text.speaker(c);
  const words = r.pick(text.quotes);
  if (first) return `"${words}," said ${speaker.name}, ${speaker.role}.`;
  return r.chance(0.5)
    ? `"${words}," ${speaker.short} said.`
    : `${speaker.short} said: "${words}."`;
}
