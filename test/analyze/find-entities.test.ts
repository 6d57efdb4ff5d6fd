import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/analyze/find-entities.js';
import { sentencesOf } from '../helpers/sentences.js';
import type { Entity } from '../../src/model.js';

function run(text: string): Entity[] {
  return findEntities(text, sentencesOf(text));
}

function byName(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name} in ${entities.map((x) => x.name).join(', ')}`);
  return e;
}

function names(entities: Entity[]): string[] {
  return entities.map((e) => e.name);
}

function expectOffsetsExact(text: string, entities: Entity[]): void {
  for (const e of entities) {
    for (const m of e.mentions) {
      const written = text.slice(m.start, m.end).replace(/\s+/g, ' ');
      expect([e.name, ...e.aliases].map((n) => n.toLowerCase())).toContain(written.toLowerCase());
    }
  }
}

describe('findEntities', () => {
  it('finds people, organisations and places with their types', () => {
    const text =
      'Shares of Nordwind Holdings fell in Frankfurt on Monday. ' +
      'Chief executive Maria Lindqvist said the Ministry of Finance had approved the deal.';
    const ents = run(text);
    expect(byName(ents, 'Nordwind Holdings').type).toBe('organization');
    expect(byName(ents, 'Frankfurt').type).toBe('place');
    expect(byName(ents, 'Maria Lindqvist').type).toBe('person');
    expect(byName(ents, 'Ministry of Finance').type).toBe('organization');
    expect(names(ents)).not.toContain('Monday');
    expectOffsetsExact(text, ents);
  });

  it('sorts entities by first mention and gives sentence ids', () => {
    const text = 'Kenya signed the accord. Later, Tanzania joined Kenya.';
    const ents = run(text);
    expect(names(ents)).toEqual(['Kenya', 'Tanzania']);
    expect(byName(ents, 'Kenya').mentions.map((m) => m.sentence)).toEqual([1, 2]);
  });

  it('merges a surname and an honorific with the full name', () => {
    const text =
      'Carla Mendoza, a project coordinator at the agency, spoke in Lima. ' +
      'Ms. Mendoza said exports would grow. Mendoza added that prices were high.';
    const ents = run(text);
    const carla = byName(ents, 'Carla Mendoza');
    expect(carla.type).toBe('person');
    expect(carla.aliases).toContain('Mendoza');
    expect(carla.mentions).toHaveLength(3);
    // the honorific is not part of the mention
    expect(text.slice(carla.mentions[1]?.start, carla.mentions[1]?.end)).toBe('Mendoza');
    expect(names(ents)).not.toContain('Ms');
  });

  it('merges surname-first Chinese names by their first word', () => {
    const text =
      'Party Secretary Zhang Wenhua visited the plant. Officials said Zhang backed the project.';
    const ents = run(text);
    const zhang = byName(ents, 'Zhang Wenhua');
    expect(zhang.type).toBe('person');
    expect(zhang.mentions).toHaveLength(2);
    expect(names(ents)).not.toContain('Party Secretary');
  });

  it('splits a place and a title off the person they precede', () => {
    const text = 'The plan was backed by Chengdu Vice Mayor Liu Qiang and Governor Tom Baker.';
    const ents = run(text);
    expect(byName(ents, 'Chengdu').type).toBe('place');
    expect(byName(ents, 'Liu Qiang').type).toBe('person');
    expect(byName(ents, 'Tom Baker').type).toBe('person');
  });

  it('keeps a name that is hard-wrapped across a line break', () => {
    const text = 'Support came from several officials, including Governor Chen\nDawei, last year.';
    const ents = run(text);
    const chen = byName(ents, 'Chen Dawei');
    const m = chen.mentions[0];
    expect(m && text.slice(m.start, m.end)).toBe('Chen\nDawei');
  });

  it('leaves possessives out of names', () => {
    const text =
      "Brazil’s exports rose. Analysts praised Petrolux Group’s results and Brazil's banks.";
    const ents = run(text);
    const brazil = byName(ents, 'Brazil');
    expect(brazil.mentions).toHaveLength(2);
    for (const m of brazil.mentions) expect(text.slice(m.start, m.end)).toBe('Brazil');
    expect(byName(ents, 'Petrolux Group').type).toBe('organization');
  });

  it('takes an acronym in parentheses as an alias of the name before it', () => {
    const text =
      'The Office of the Trade Commissioner (OTC) published a report. Exporters criticised the OTC.';
    const ents = run(text);
    const otc = byName(ents, 'Office of the Trade Commissioner');
    expect(otc.type).toBe('organization');
    expect(otc.aliases).toContain('OTC');
    expect(otc.mentions).toHaveLength(3);
  });

  it('merges corporate forms of a company but keeps its units apart', () => {
    const text =
      'Veltro Group Holding reported profits. Veltro said sales rose. ' +
      'Veltro Group opened an office. Veltro Cloud, its cloud arm, grew too.';
    const ents = run(text);
    const veltro = byName(ents, 'Veltro Group Holding');
    expect(veltro.aliases).toEqual(expect.arrayContaining(['Veltro', 'Veltro Group']));
    expect(veltro.type).toBe('organization');
    expect(byName(ents, 'Veltro Cloud').type).toBe('organization');
  });

  it('recognises places from context and gazetteer', () => {
    const text =
      'The firm opened a depot in the city of Karvala, near Nairobi in East Africa. ' +
      'It also expanded in Zhejiang Province and later across Zhejiang.';
    const ents = run(text);
    expect(byName(ents, 'Karvala').type).toBe('place');
    expect(byName(ents, 'Nairobi').type).toBe('place');
    expect(byName(ents, 'Zhejiang Province').aliases).toContain('Zhejiang');
  });

  it('reads a person from an appositive and a verb of saying', () => {
    const text = 'Rafael Ortiz Pena, a lawyer for the union, criticised the ruling.';
    expect(byName(run(text), 'Rafael Ortiz Pena').type).toBe('person');
  });

  it('ignores sentence-initial common words, months, demonyms and boilerplate', () => {
    const text =
      '1. (SBU) Summary: Meanwhile, Mexican officials met in March. End Summary.\n\n' +
      'Heading north, Internet retailers grew. Note: the SME sector is large.';
    const ents = run(text);
    for (const n of [
      'Summary',
      'End Summary',
      'Meanwhile',
      'Mexican',
      'March',
      'SBU',
      'Heading',
      'Internet',
      'Note',
      'SME',
    ])
      expect(names(ents)).not.toContain(n);
  });

  it('finds only known names in headings and ALL-CAPS lines', () => {
    const text =
      'Kestrel Mining Expands Into Peru\n\nKestrel Mining opened a site in Peru.\n\n' +
      'THIS DOCUMENT IS SENSITIVE BUT UNCLASSIFIED AND CONCERNS PERU.';
    const ents = run(text);
    expect(names(ents)).not.toContain('Expands');
    expect(names(ents)).not.toContain('THIS DOCUMENT');
    expect(byName(ents, 'Kestrel Mining').mentions).toHaveLength(2);
    expect(byName(ents, 'Peru').mentions).toHaveLength(3);
  });

  it('titles a datelined city written in capitals', () => {
    const text = '[MEXICO CITY] Exporters in Mexico signed up for the programme.';
    const ents = run(text);
    const city = byName(ents, 'Mexico City');
    expect(city.type).toBe('place');
    expect(text.slice(city.mentions[0]?.start, city.mentions[0]?.end)).toBe('MEXICO CITY');
  });

  it('treats web addresses of companies as organisations', () => {
    const text = 'Sellers list their goods on Tradewell.com, a business-to-business site.';
    expect(byName(run(text), 'Tradewell.com').type).toBe('organization');
  });

  it('never throws and looks only inside sentences', () => {
    expect(findEntities('', [])).toEqual([]);
    expect(findEntities('Paris', [{ id: 1, text: 'x', start: 10, end: 50, paragraph: 1 }])).toEqual(
      [],
    );
    const text = 'HEADER Berlin\n\nThe talks were held in Madrid.';
    const body = text.indexOf('The');
    const ents = findEntities(text, [
      { id: 1, text: text.slice(body), start: body, end: text.length, paragraph: 1 },
    ]);
    expect(names(ents)).toEqual(['Madrid']);
  });

  it('joins an initial to the surname after it', () => {
    const text = 'Bowling figures were poor.\n\nT. Okonkwo c Brandvold b Ferreira 31\n';
    const ents = run(text);
    const okonkwo = byName(ents, 'T. Okonkwo');
    expect(okonkwo.type).toBe('person');
    expect(text.slice(okonkwo.mentions[0]?.start, okonkwo.mentions[0]?.end)).toBe('T. Okonkwo');
    expect(byName(ents, 'Brandvold').type).toBe('person');
    expect(byName(ents, 'Ferreira').type).toBe('person');
  });

  it('reads teams from results lines, keeping national sides as places', () => {
    const text =
      'The match was played in Lyon on Sunday.\n\nLyon 2 Nantes 1\n\nKenya 3 Uganda 0\n\n' +
      'HARTFORD 12 7 6 77 76 30\n\nDALLAS AT ARIZONA\n';
    const ents = run(text);
    const types = ents.map((e) => `${e.name}:${e.type}`);
    expect(types).toContain('Lyon:place');
    expect(types).toContain('Lyon:organization');
    expect(types).toContain('Nantes:organization');
    expect(types).toContain('Kenya:place');
    expect(types).toContain('Uganda:place');
    expect(byName(ents, 'Hartford').type).toBe('organization');
    expect(byName(ents, 'Dallas').type).toBe('organization');
  });

  it('leaves events, prizes and quoted titles out', () => {
    const text =
      'Norway won the Arctic Cup and the Lindqvist Award before the Bergen Open. ' +
      'The ministry launched Operation “Silver Net” and a ‘Harbour Town’ scheme.';
    const ents = run(text);
    for (const n of ['Arctic Cup', 'Lindqvist Award', 'Bergen Open', 'Silver Net', 'Harbour Town'])
      expect(names(ents)).not.toContain(n);
    expect(byName(ents, 'Norway').type).toBe('place');
  });

  it('takes the city of a wire dateline as a place', () => {
    const text = 'KALMORA , Kenya 2021-03-04\n\nFarmers protested against the new tax.';
    const ents = run(text);
    expect(byName(ents, 'Kalmora').type).toBe('place');
  });

  it('keeps multi-part legal names, ampersands and brands whole', () => {
    const text =
      'The suit names Brightwave Trading Pte. Ltd., its parent company. ' +
      'Its unit Lanfeng Optical Instruments (Shenzhen) Co. Limited was also named. ' +
      'Designs made for Salt & Cedar were copied, the Jennifer’s Garden label said. ' +
      'Global Chief Patent Officer Mirela Vasquez told reporters the case was strong.';
    const ents = run(text);
    expect(byName(ents, 'Brightwave Trading Pte. Ltd.').type).toBe('organization');
    expect(byName(ents, 'Lanfeng Optical Instruments (Shenzhen) Co. Limited').type).toBe(
      'organization',
    );
    expect(names(ents)).toContain('Salt & Cedar');
    expect(names(ents)).toContain('Jennifer’s Garden');
    expect(byName(ents, 'Mirela Vasquez').type).toBe('person');
    expectOffsetsExact(text, ents);
  });

  // Throughput is measured by `npm run bench`, not asserted in a unit test.
  it('handles a megabyte of text', () => {
    const para =
      'Minister Olga Petrova met executives of Arcadia Holdings Ltd in Warsaw on Tuesday. ' +
      'Petrova said Arcadia would invest in Poland and the Baltic states.\n\n';
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const ents = run(text);
    expect(byName(ents, 'Olga Petrova').type).toBe('person');
  });
});
