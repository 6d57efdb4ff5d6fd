import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/analyze/find-quotes.js';
import { sentencesOf } from '../helpers/sentences.js';
import type { Entity, Quote, Sentence } from '../../src/model.js';

/** An entity with a mention at every place `text` writes one of its names. */
function entity(text: string, name: string, type: Entity['type'], aliases: string[] = []): Entity {
  const mentions = [name, ...aliases].flatMap((written) =>
    [...text.matchAll(new RegExp(`\\b${written}\\b`, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + written.length,
      sentence: 0,
    })),
  );
  return { name, type, aliases, mentions: mentions.sort((a, b) => a.start - b.start) };
}

function quotesIn(text: string, entities: Entity[] = []): Quote[] {
  const quotes = findQuotes(text, sentencesOf(text), entities);
  for (const q of quotes) {
    // The offsets bound the quoted words, marks excluded.
    const slice = text.slice(q.start, q.end).replace(/\s+/g, ' ').trim();
    expect(slice.replace(/,$/, '')).toBe(q.text);
  }
  return quotes;
}

function speakers(text: string, entities: Entity[] = []): [string, string | null][] {
  return quotesIn(text, entities).map((q) => [q.text, q.speaker]);
}

describe('findQuotes: attribution after the quote', () => {
  const text =
    'Trade officer Daniel Ortega Ruiz met exporters in Monterrey. Mr Ruiz said costs were high.\n\n' +
    '"Sellers fear the fees because they are steep. Once they join, they can grow fast," he said.';

  it('resolves he/she to the person named last before the quote', () => {
    const quotes = quotesIn(text, [entity(text, 'Daniel Ortega Ruiz', 'person', ['Mr Ruiz'])]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      text: 'Sellers fear the fees because they are steep. Once they join, they can grow fast',
      speaker: 'Daniel Ortega Ruiz',
      sentence: 3,
    });
  });

  it('leaves the speaker null when no person is known for a pronoun', () => {
    expect(speakers(text)).toEqual([
      ['Sellers fear the fees because they are steep. Once they join, they can grow fast', null],
    ]);
  });

  it('reads `said Name, title` after the quote', () => {
    const t =
      '“The new region lets our clients scale across borders with one account,” said Nora Feld, ' +
      'head of cloud sales at Skyline, in a statement.';
    expect(
      speakers(t, [entity(t, 'Nora Feld', 'person'), entity(t, 'Skyline', 'organization')]),
    ).toEqual([
      ['The new region lets our clients scale across borders with one account', 'Nora Feld'],
    ]);
    expect(speakers(t)).toEqual([
      ['The new region lets our clients scale across borders with one account', 'Nora Feld'],
    ]);
  });

  it('maps `Mr Surname` onto the full name of an entity, or keeps it as written', () => {
    const t =
      'Carmen Ibarra Soto runs the export desk. "Buyers want the pavilion because the goods are good," Mr Soto said.';
    expect(speakers(t, [entity(t, 'Carmen Ibarra Soto', 'person')])[0]?.[1]).toBe(
      'Carmen Ibarra Soto',
    );
    expect(speakers(t)[0]?.[1]).toBe('Mr Soto');
  });

  it('reads `the company said in a statement` as the organisation named before', () => {
    const t =
      'Brightmart opened a store. Brightmart hired staff. A rival, Quickshop, closed one.\n\n' +
      '"We are committed to helping small firms trade across borders," the company said in a statement.';
    const entities = [
      entity(t, 'Brightmart', 'organization'),
      entity(t, 'Quickshop', 'organization'),
    ];
    expect(speakers(t, entities)[0]?.[1]).toBe('Brightmart');
    expect(speakers(t)[0]?.[1]).toBeNull();
  });

  it('reads `according to X` after the quote', () => {
    const t =
      'The platform "failed to remove thousands of fake listings in time," according to Lena Brock.';
    expect(speakers(t)).toEqual([
      ['failed to remove thousands of fake listings in time', 'Lena Brock'],
    ]);
  });
});

describe('findQuotes: attribution before the quote', () => {
  it('reads `X wrote:` and `X said:`', () => {
    const t =
      'In its review, the Trade Office wrote: “The marketplace remains a concern because of the volume of fake goods.”';
    expect(speakers(t, [entity(t, 'Trade Office', 'organization')])).toEqual([
      ['The marketplace remains a concern because of the volume of fake goods.', 'Trade Office'],
    ]);
  });

  it('reads `X quoted Y as saying` as Y', () => {
    const t =
      'Jack Ma founded the firm. Ms Luo quoted Ma as saying, "The company started in the east, but will prosper in the south."';
    const entities = [
      entity(t, 'Luo Yun', 'person', ['Ms Luo']),
      entity(t, 'Jack Ma', 'person', ['Ma']),
    ];
    expect(speakers(t, entities)).toEqual([
      ['The company started in the east, but will prosper in the south.', 'Jack Ma'],
    ]);
  });

  it('reads `X explained that … "…"`', () => {
    const t = 'Luo explained that the site markets itself as "a trade fair that never closes."';
    expect(speakers(t, [entity(t, 'Luo', 'person')])).toEqual([
      ['a trade fair that never closes.', 'Luo'],
    ]);
  });

  it('names an official by organisation and role', () => {
    const t =
      'A Ministry of Trade official told visitors that "it would be better if the firm stopped briefing the press."';
    expect(speakers(t, [entity(t, 'Ministry of Trade', 'organization')])[0]?.[1]).toBe(
      'Ministry of Trade official',
    );
  });
});

describe('findQuotes: marks and layout', () => {
  it('collapses a quote hard-wrapped over several lines', () => {
    const t =
      '6. (SBU) Luo quoted Ma as saying, "The firm started business in\nZhejiang, but will prosper in\nGuangdong."';
    const [quote] = quotesIn(t);
    expect(quote?.text).toBe(
      'The firm started business in Zhejiang, but will prosper in Guangdong.',
    );
    expect(quote?.speaker).toBe('Ma');
  });

  it('reads curly single quotes without tripping on apostrophes', () => {
    const t = '‘We’ve had to take a hard look at ourselves and that’s fine,’ said Tom Ward.';
    expect(speakers(t)).toEqual([
      ['We’ve had to take a hard look at ourselves and that’s fine', 'Tom Ward'],
    ]);
  });

  it('reads straight single quotes with a nested quote inside', () => {
    const t =
      "'The first pictures where we 'nailed it' were an instant hit online,' Van Dorn said.";
    expect(speakers(t)).toEqual([
      ["The first pictures where we 'nailed it' were an instant hit online", 'Van Dorn'],
    ]);
  });

  it('does not let a stray apostrophe swallow the quotes after it', () => {
    const t =
      'Fans of rock \'n roll packed the hall. "The show was the best we have ever staged," said Ava Stone.';
    expect(speakers(t)).toEqual([['The show was the best we have ever staged', 'Ava Stone']]);
  });

  it('gives a quote that runs over paragraphs the speaker of its parts', () => {
    const t =
      '“We were at the old ground and the coach was in the room with me,” said Joe Carr.\n\n' +
      '“All of a sudden he started talking about the team.\n\n' +
      '“Then we walked out of the room together.”';
    expect(speakers(t)).toEqual([
      ['We were at the old ground and the coach was in the room with me', 'Joe Carr'],
      ['All of a sudden he started talking about the team.', 'Joe Carr'],
      ['Then we walked out of the room together.', 'Joe Carr'],
    ]);
  });

  it('gives a quote standing right after an attributed one the same speaker', () => {
    const t =
      '“We protect our customers from fake goods,” said Ann Lee, the general counsel. “We support every effort to stop them.”';
    expect(speakers(t).map(([, s]) => s)).toEqual(['Ann Lee', 'Ann Lee']);
  });

  it('sorts quotes by position and gives the sentence of the opening mark', () => {
    const t =
      'Prices rose. "Demand is strong in every region we serve," said Kim Park. Costs fell. "Margins will widen next year," said Jo Bell.';
    const quotes = quotesIn(t);
    expect(quotes.map((q) => [q.sentence, q.speaker])).toEqual([
      [2, 'Kim Park'],
      [4, 'Jo Bell'],
    ]);
    expect(quotes[0]!.start).toBe(t.indexOf('Demand'));
  });
});

describe('findQuotes: what is not a notable quote', () => {
  it('leaves out scare quotes and quoted names', () => {
    const t =
      'The firm will open a "pavilion" for local goods. Its Operation “Cloud Sword” led to arrests. ' +
      'According to the “2009 Online Retail Growth Statistics Report” sales doubled. Plans for ‘Harbor Town’ stalled.';
    expect(quotesIn(t)).toEqual([]);
  });

  it('leaves out a short attributed fragment that is not a clause', () => {
    const t = 'The retailer said that time frame was “too fast.”';
    expect(quotesIn(t, [entity(t, 'retailer', 'organization')])).toEqual([]);
  });

  it('keeps a short attributed clause, taking the speaker from `adding that`', () => {
    const t =
      'Adviser Paul Grant described the talks as "remarkable. Like nothing I had seen," adding that "we will meet soon."';
    expect(speakers(t, [entity(t, 'Paul Grant', 'person')])).toEqual([
      ['remarkable. Like nothing I had seen', 'Paul Grant'],
      ['we will meet soon.', 'Paul Grant'],
    ]);
  });

  it('keeps a long quote whose speaker is unknown with a null speaker', () => {
    expect(
      speakers('Critics called it "a plan that helps nobody and costs everyone a great deal."'),
    ).toEqual([['a plan that helps nobody and costs everyone a great deal.', null]]);
  });

  it('searches only inside sentence ranges', () => {
    const t = 'HEADER "This banner text is not part of the body at all"\nThe firm grew.';
    const start = t.indexOf('The firm');
    const sentences: Sentence[] = [
      { id: 1, text: 'The firm grew.', start, end: t.length, paragraph: 1 },
    ];
    expect(findQuotes(t, sentences, [])).toEqual([]);
  });

  it('never throws on odd input', () => {
    expect(findQuotes('', [], [])).toEqual([]);
    expect(findQuotes(undefined as unknown as string, null as unknown as Sentence[], [])).toEqual(
      [],
    );
    const t = '"" “ ” ‘’ \' " ” said. " he said "';
    const broken = [{ id: 1, text: '', start: 3, end: 1, paragraph: 1 }] as Sentence[];
    expect(() =>
      findQuotes(t, [...sentencesOf(t), ...broken], null as unknown as Entity[]),
    ).not.toThrow();
    const badEntity = {
      name: 'X',
      type: 'person',
      aliases: null,
      mentions: null,
    } as unknown as Entity;
    expect(() => findQuotes(t, sentencesOf(t), [badEntity])).not.toThrow();
  });
});
