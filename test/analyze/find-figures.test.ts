import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/analyze/find-figures.js';
import { sentencesOf } from '../helpers/sentences.js';
import type { Figure, Sentence } from '../../src/model.js';

function figuresIn(text: string): Figure[] {
  const figures = findFigures(text, sentencesOf(text));
  for (const f of figures) expect(text.slice(f.start, f.end)).toBe(f.text);
  return figures;
}

function only(text: string): Figure {
  const figures = figuresIn(text);
  expect(figures).toHaveLength(1);
  return figures[0]!;
}

function summary(text: string): [string, Figure['kind'], number, string][] {
  return figuresIn(text).map((f) => [f.text, f.kind, f.value, f.unit]);
}

describe('findFigures: money', () => {
  it('reads an ISO code before the amount, with its scale', () => {
    const figure = only('The retailer will spend USD 200 million on new warehouses.');
    expect(figure).toMatchObject({ text: 'USD 200 million', kind: 'money', value: 200_000_000 });
    expect(figure.unit).toBe('USD');
    expect(figure.sentence).toBe(1);
  });

  it('reads dollar amounts with scales and cents', () => {
    expect(summary('The market may reach $278 billion, or even $1 trillion, by 2030.')).toEqual([
      ['$278 billion', 'money', 278e9, 'USD'],
      ['$1 trillion', 'money', 1e12, 'USD'],
    ]);
    expect(summary('Shares closed at $85.81 after a $920 million deal.')).toEqual([
      ['$85.81', 'money', 85.81, 'USD'],
      ['$920 million', 'money', 920e6, 'USD'],
    ]);
  });

  it('tells dollars apart by their prefix', () => {
    expect(summary('It raised HK$3.2 billion, S$40 million and A$12m last week.')).toEqual([
      ['HK$3.2 billion', 'money', 3.2e9, 'HKD'],
      ['S$40 million', 'money', 40e6, 'SGD'],
      ['A$12m', 'money', 12e6, 'AUD'],
    ]);
    expect(only('The bond paid US$15 million.').unit).toBe('USD');
  });

  it('reads currencies named after the amount', () => {
    expect(summary('Sellers pay 80,000 RMB a year, and rivals charge 300 million yuan.')).toEqual([
      ['80,000 RMB', 'money', 80_000, 'CNY'],
      ['300 million yuan', 'money', 300e6, 'CNY'],
    ]);
    expect(summary('The fine was 1.5 billion euros and 20 million pesos.')).toEqual([
      ['1.5 billion euros', 'money', 1.5e9, 'EUR'],
      ['20 million pesos', 'money', 20e6, 'MXN'],
    ]);
    expect(only('A ticket costs 5,000 won in Seoul.')).toMatchObject({ value: 5000, unit: 'KRW' });
  });

  it('reads euro and pound signs, with scales glued on', () => {
    expect(summary('The club spent €5bn, then £40million and £1.9m more.')).toEqual([
      ['€5bn', 'money', 5e9, 'EUR'],
      ['£40million', 'money', 40e6, 'GBP'],
      ['£1.9m', 'money', 1.9e6, 'GBP'],
    ]);
  });

  it('reads wire-service abbreviations', () => {
    expect(only('The utility sold bonds worth 2.5 bln dlrs on Monday.')).toMatchObject({
      text: '2.5 bln dlrs',
      value: 2.5e9,
      unit: 'USD',
    });
    expect(only('The bank lost 300 mln stg last year.')).toMatchObject({
      value: 300e6,
      unit: 'GBP',
    });
  });

  it('reads the yen sign as yuan or yen from the context', () => {
    expect(only('The Shenzhen factory cost ¥2 billion, Chinese media said.').unit).toBe('CNY');
    expect(only('The Osaka plant cost ¥2 billion, Japanese media said.').unit).toBe('JPY');
  });

  it('gives both ends of a money range their currency and scale', () => {
    expect(summary('The stake is worth $5-10 million to the founders.')).toEqual([
      ['$5', 'money', 5e6, 'USD'],
      ['10 million', 'money', 10e6, 'USD'],
    ]);
  });

  it('does not read a bare pound count or a glued letter as money', () => {
    expect(only('The boxer lost 20 pounds before the fight.')).toMatchObject({
      kind: 'count',
      unit: 'pounds',
    });
    expect(figuresIn('The 301m tower bends in the heat.')).toEqual([]);
  });
});

describe('findFigures: percentages', () => {
  it('reads percent, per cent and the sign', () => {
    expect(
      summary('Its stake rose to 14.4 percent, shares gained 1.44% and costs fell 3 per cent.'),
    ).toEqual([
      ['14.4 percent', 'percent', 14.4, '%'],
      ['1.44%', 'percent', 1.44, '%'],
      ['3 per cent', 'percent', 3, '%'],
    ]);
  });

  it('reads written-out percentages and both ends of a range', () => {
    expect(summary('Seventeen percent of buyers agreed.')).toEqual([
      ['Seventeen percent', 'percent', 17, '%'],
    ]);
    expect(summary('Support went up from 16 to 31 per cent this spring.')).toEqual([
      ['16', 'percent', 16, '%'],
      ['31 per cent', 'percent', 31, '%'],
    ]);
  });
});

describe('findFigures: counts', () => {
  it('counts the head noun of the phrase after the number', () => {
    const figure = only(
      'Police arrested more than 300 counterfeit gang member suspects last year.',
    );
    expect(figure).toMatchObject({
      text: '300 counterfeit gang member suspects',
      kind: 'count',
      value: 300,
      unit: 'suspects',
    });
  });

  it('reads written-out numbers with compromise', () => {
    expect(only('Twenty-four companies are now approved to sell abroad.')).toMatchObject({
      text: 'Twenty-four companies',
      value: 24,
      unit: 'companies',
    });
    expect(only('The site covers one million square meters of land.')).toMatchObject({
      value: 1e6,
      unit: 'square meters',
    });
  });

  it('counts several things in one sentence', () => {
    expect(summary('The bank works with 352 cities in 25 provinces.')).toEqual([
      ['352 cities', 'count', 352, 'cities'],
      ['25 provinces', 'count', 25, 'provinces'],
    ]);
    expect(
      summary('The firm runs 40 training sessions per month for 30 million Internet users.'),
    ).toEqual([
      ['40 training sessions', 'count', 40, 'sessions'],
      ['30 million Internet users', 'count', 30e6, 'users'],
    ]);
  });

  it('counts a population without a noun as people', () => {
    expect(only('The deal covers Lanzhou, a city of 3.6 million in the west.')).toMatchObject({
      text: '3.6 million',
      value: 3.6e6,
      unit: 'people',
    });
  });

  it('gives both ends of a range the noun before it', () => {
    expect(
      summary('The firm will grow its staff from 700 to over 1,000 within two years.'),
    ).toEqual([
      ['700', 'count', 700, 'staff'],
      ['1,000', 'count', 1000, 'staff'],
    ]);
  });

  it('reads a count across a hard line break', () => {
    const text = 'Each province has about 8 million Internet\nusers today.';
    expect(only(text)).toMatchObject({ text: '8 million Internet\nusers', unit: 'users' });
  });
});

describe('findFigures: what is not a figure', () => {
  it('leaves out years and year ranges', () => {
    expect(figuresIn('In 2008 the plan for 2016–2020 was drafted, and it ran until 2019.')).toEqual(
      [],
    );
  });

  it('does not read a year before a currency name as money', () => {
    expect(figuresIn('Prices are given in 2019 dollars throughout.')).toEqual([]);
  });

  it('leaves out dates, times and quarters', () => {
    expect(figuresIn('The fair opens on Aug 25 at 9:38 AM and closes March 3.')).toEqual([]);
    expect(figuresIn('Sales began on 14 February and in Q1 2017 at 7 p.m. daily.')).toEqual([]);
  });

  it('leaves out ordinals and compound adjectives', () => {
    expect(
      figuresIn('It is the 13th Five-Year Plan and the second-largest fund, run by a 45-year-old.'),
    ).toEqual([]);
  });

  it('leaves out identifiers, labels, model numbers and phone numbers', () => {
    expect(figuresIn('2. (SBU) Call 555-1234 or see No. 12 and Article 5 today.')).toEqual([]);
    expect(figuresIn('The Xiaomi 6 phones and Boeing 737 jets sold well.')).toEqual([]);
  });

  it('leaves out durations, ratios and lone numbers', () => {
    expect(figuresIn('Over the next three years, one in five buyers left.')).toEqual([]);
    expect(figuresIn('Last August the two agreed to cooperate on one of the projects.')).toEqual(
      [],
    );
  });

  it('does not read a capitalised name with a number as a count', () => {
    expect(figuresIn('The intensity of the Six Nations was hard to manage.')).toEqual([]);
  });
});

describe('findFigures: offsets and robustness', () => {
  it('searches only inside sentence ranges', () => {
    const text = 'PAGE 00000285 002 OF 002 costs $5 million\nThe firm hired 120 engineers.';
    const start = text.indexOf('The firm');
    const sentences: Sentence[] = [
      { id: 7, text: text.slice(start), start, end: text.length, paragraph: 3 },
    ];
    const figures = findFigures(text, sentences);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ text: '120 engineers', sentence: 7 });
    expect(figures[0]!.start).toBe(text.indexOf('120'));
  });

  it('sorts figures by position across sentences', () => {
    const text = 'Profit rose 12%. The firm hired 120 engineers. It paid $4 million.';
    const figures = figuresIn(text);
    expect(figures.map((f) => f.sentence)).toEqual([1, 2, 3]);
    expect(figures.map((f) => f.start)).toEqual(
      [...figures.map((f) => f.start)].sort((a, b) => a - b),
    );
  });

  it('never throws on odd input', () => {
    expect(findFigures('', [])).toEqual([]);
    const broken = [
      { id: 1, text: 'x', start: 5, end: 2, paragraph: 1 },
      { id: 2, text: 'x', start: 0, end: 999, paragraph: 1 },
      { id: 3, text: 'x', start: 1.5, end: 3, paragraph: 1 },
    ] as Sentence[];
    expect(findFigures('$5 million', broken)).toEqual([]);
    expect(findFigures(undefined as unknown as string, null as unknown as Sentence[])).toEqual([]);
    const noise = '$$$ 1,,,2 %% ¥ 9.9.9 million- -5 €€ 0 0.0 percent 1e9 ∞';
    expect(() => findFigures(noise, sentencesOf(noise))).not.toThrow();
  });
});
