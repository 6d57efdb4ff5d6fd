import type { Random } from './random.js';
import type { Cast } from './cast.js';
import { TOPICS, quoteSentence, type Topic } from './templates.js';

/** A paragraph of a story, optionally under a section heading. */
export interface StoryParagraph {
  heading?: string;
  sentences: string[];
}

/** The content of one generated document, before it is laid out in a format. */
export interface Story {
  /** The themes it covers (none, one or two); `neutral` is not listed. */
  topics: Topic[];
  title: string;
  paragraphs: StoryParagraph[];
}

/** Draws templates without repeating one until all have been used. */
class Deck<T> {
  private left: T[] = [];
  private last: T | undefined;
  constructor(
    private readonly items: readonly T[],
    private readonly r: Random,
  ) {}

  draw(): T {
    if (this.left.length === 0) {
      this.left = this.r.sample(this.items, this.items.length);
      // Never the same item twice in a row across a reshuffle.
      if (this.left.length > 1 && this.left.at(-1) === this.last) this.left.unshift(this.left.pop()!);
    }
    this.last = this.left.pop()!;
    return this.last;
  }
}

/** Draws how many and which themes a document covers: none (15%), one (45%) or two (40%). */
export function drawTopics(r: Random): Topic[] {
  const themes: Topic[] = ['expansion', 'government', 'ip'];
  const roll = r.next();
  return r.sample(themes, roll < 0.15 ? 0 : roll < 0.6 ? 1 : 2);
}

/** Writes a story about `cast` on `topics` of about `bytes` characters of body text. */
export function writeStory(r: Random, cast: Cast, topics: Topic[], bytes: number): Story {
  const active: Topic[] = topics.length > 0 ? topics : ['neutral'];
  const decks = new Map<Topic, Deck<(typeof TOPICS)[Topic]['sentences'][number]>>();
  const sentence = (topic: Topic) => {
    let deck = decks.get(topic);
    if (!deck) decks.set(topic, (deck = new Deck(TOPICS[topic].sentences, r)));
    return deck.draw()(cast, r);
  };
  const quoted = new Set<Topic>();
  const usedHeadings = new Set<string>();
  const lead = active[0]!;
  const paragraphs: StoryParagraph[] = [
    { sentences: [sentence(lead), sentence(active[1] ?? 'neutral')] },
  ];
  let size = paragraphs[0]!.sentences.join(' ').length;
  for (let i = 1; size < bytes; i += 1) {
    const topic = active[i % active.length]!;
    const sentences = [sentence(topic)];
    if (r.chance(0.6)) sentences.push(sentence(topic));
    if (r.chance(0.4)) sentences.push(sentence('neutral'));
    if (r.chance(0.35)) {
      sentences.push(quoteSentence(cast, r, topic, !quoted.has(topic)));
      quoted.add(topic);
    }
    const paragraph: StoryParagraph = { sentences };
    const heading = r.pick(TOPICS[topic].headings);
    if (i >= 2 && r.chance(0.25) && !usedHeadings.has(heading)) {
      paragraph.heading = heading;
      usedHeadings.add(heading);
    }
    paragraphs.push(paragraph);
    size += sentences.join(' ').length + 2;
  }
  return { topics, title: r.pick(TOPICS[lead].headlines)(cast, r), paragraphs };
}
