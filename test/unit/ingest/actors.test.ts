import { describe, expect, it } from 'vitest';
import { resolveKeyActors } from '../../../src/ingest/actors.js';
import type { ListEntry } from '../../../src/ingest/model.js';
import { analyseLines, readSource } from '../../../src/ingest/source.js';
import { Doc, parseStructure } from '../../../src/ingest/structure.js';
import { loadNormalisationTables, normaliseWording } from '../../../src/ingest/tables.js';

const tables = loadNormalisationTables();
const entry = (text: string, line = 100): ListEntry => ({ text, footnotes: [], span: { startLine: line, endLine: line, text } });
const summary = (texts: string[]) =>
  resolveKeyActors(texts.map((t) => entry(t)), tables).mentions.map((m) => [m.actorId, m.text, m.broaderActorId ?? null]);

describe('resolveKeyActors', () => {
  it('resolves single actors with their exact wording (GP 20)', () => {
    expect(summary(['Ministries', 'Border guards', 'Military (when appropriate)', 'Regional observatories on the nexus'])).toEqual([
      ['actor:ministries', 'Ministries', null],
      ['actor:border-police', 'Border guards', null],
      ['actor:military', 'Military (when appropriate)', null],
      ['actor:regional-observatories', 'Regional observatories on the nexus', null],
    ]);
  });

  it('gives one mention per named actor of a nested list (GP 10/11)', () => {
    const { mentions, notes } = resolveKeyActors(
      [entry('Government agencies (e.g. financial police, criminal police, intelligence units).', 927)],
      tables,
    );
    expect(notes).toEqual([]);
    expect(mentions.map((m) => [m.actorId, m.text, m.broaderActorId ?? null])).toEqual([
      ['actor:government-agencies', 'Government agencies', null],
      ['actor:financial-police', 'financial police', 'actor:government-agencies'],
      ['actor:criminal-police', 'criminal police', 'actor:government-agencies'],
      ['actor:intelligence-services', 'intelligence units', 'actor:government-agencies'],
    ]);
    expect(mentions.every((m) => m.entry === 'Government agencies (e.g. financial police, criminal police, intelligence units).')).toBe(true);
    expect(mentions[0]!.span.startLine).toBe(927);
  });

  it('reads colon, dash, "including" and "in particular" lists', () => {
    expect(summary(['Government agencies: intelligence agencies, law enforcement, customs, border agencies.'])).toEqual([
      ['actor:government-agencies', 'Government agencies', null],
      ['actor:intelligence-services', 'intelligence agencies', 'actor:government-agencies'],
      ['actor:law-enforcement', 'law enforcement', 'actor:government-agencies'],
      ['actor:customs', 'customs', 'actor:government-agencies'],
      ['actor:border-agencies', 'border agencies', 'actor:government-agencies'],
    ]);
    expect(summary(['Judicial sector - Prosecutors'])).toEqual([
      ['actor:judiciary', 'Judicial sector', null],
      ['actor:prosecutors', 'Prosecutors', 'actor:judiciary'],
    ]);
    expect(summary(['Administration, in particular prison administration.'])).toEqual([
      ['actor:public-administration', 'Administration', null],
      ['actor:prison-administration', 'prison administration', 'actor:public-administration'],
    ]);
    expect(
      summary(['Private sector, including banks, accountants, lawyers, virtual currency exchanges or any other entity that may support financial investigation.']),
    ).toEqual([
      ['actor:private-sector', 'Private sector', null],
      ['actor:banks', 'banks', 'actor:private-sector'],
      ['actor:accountants', 'accountants', 'actor:private-sector'],
      ['actor:lawyers', 'lawyers', 'actor:private-sector'],
      ['actor:virtual-currency-exchanges', 'virtual currency exchanges', 'actor:private-sector'],
    ]);
  });

  it('keeps "prison administration and staff" as one actor but splits "local associations and NGOs" (GP 17)', () => {
    expect(summary(['Government agencies and administrations at national and local levels (prison administration and staff, city council).'])).toEqual([
      ['actor:government-agencies', 'Government agencies', null],
      ['actor:public-administration', 'administrations', null],
      ['actor:prison-administration', 'prison administration and staff', 'actor:government-agencies'],
      ['actor:city-council', 'city council', 'actor:government-agencies'],
    ]);
    const local = summary(['Local communities, including youth, women, local associations and NGOs, religious leaders, etc.']);
    expect(local.map((m) => m[1])).toEqual(['Local communities', 'youth', 'women', 'local associations', 'NGOs', 'religious leaders']);
  });

  it('matches case and spelling variants through aliases', () => {
    expect(summary(['Prison Administration', 'Regional and International institutions/organizations.', 'International and regional organizations']).map((m) => m[0])).toEqual([
      'actor:prison-administration',
      'actor:regional-organizations',
      'actor:international-organizations',
      'actor:international-organizations',
      'actor:regional-organizations',
    ]);
    expect(summary(['Academia, research institutes.', 'Judges and prosecutors']).map((m) => m[0])).toEqual([
      'actor:academia',
      'actor:research-institutes',
      'actor:judges',
      'actor:prosecutors',
    ]);
  });

  it('reports unknown wording and keeps it as a fallback mention', () => {
    const { mentions, notes } = resolveKeyActors([entry('Astrologers', 42)], tables);
    expect(mentions).toEqual([expect.objectContaining({ actorId: 'actor:other', text: 'Astrologers', entry: 'Astrologers' })]);
    expect(notes).toEqual([expect.objectContaining({ level: 'warning', code: 'actor.unresolved', line: 42 })]);
  });
});

describe('compound mentions name every actor in them', () => {
  it('"Ministries / government agencies" (GP 19, line 1425), "NGOs and CSOs working on ..." (GP 7, line 759)', () => {
    expect(summary(['Ministries / government agencies'])).toEqual([
      ['actor:ministries', 'Ministries', null],
      ['actor:government-agencies', 'government agencies', null],
    ]);
    expect(summary(['NGOs and CSOs working on transnational organized crime and terrorism'])).toEqual([
      ['actor:ngos', 'NGOs', null],
      ['actor:civil-society-organizations', 'CSOs', null],
    ]);
  });

  it('gives one set of actors for "Research and training institutions" (GP 23, line 1695) and "Training and research institutions" (GP 24, line 1762)', () => {
    const ids = (t: string) => summary([t]).map((m) => m[0]).sort();
    expect(ids('Research and training institutions')).toEqual(['actor:research-institutes', 'actor:training-institutions']);
    expect(ids('Training and research institutions')).toEqual(ids('Research and training institutions'));
    expect(ids('Training and academic institutions')).toEqual(['actor:academia', 'actor:training-institutions']); // GP 20, line 1490
    expect(ids('Local, regional and international organizations.')).toEqual(['actor:international-organizations', 'actor:local-organizations', 'actor:regional-organizations']); // GP 18, line 1389
  });

  it('splits a shared noun inside a nested list (GP 12, line 978: "tobacco and pharmaceutical companies")', () => {
    expect(summary(['Other sector-specific entities that operate in high-risk jurisdictions, and who monitor the operations of organized crime and terrorist groups (e.g. logistics companies, extractives, tobacco and pharmaceutical companies).']).map((m) => m[0])).toEqual([
      'actor:sector-specific-entities',
      'actor:logistics-companies',
      'actor:extractive-companies',
      'actor:tobacco-companies',
      'actor:pharmaceutical-companies',
    ]);
  });
});

describe('every alias of data/normalisation/actors.json, with the practices it adds', () => {
  const src = readSource();
  const structure = parseStructure(new Doc(src, analyseLines(src)));
  const adds = new Map<string, Set<number>>();
  const entries = new Map<number, string[]>();
  for (const p of structure.practices) {
    const owner = structure.practices.find((o) => o.number === p.bodyOwner)!;
    entries.set(p.number, owner.keyActors.map((e) => normaliseWording(e.text)));
    for (const m of resolveKeyActors(owner.keyActors, tables).mentions) {
      if (m.alias === undefined) continue;
      const key = `${m.actorId} | ${m.alias}`;
      adds.set(key, (adds.get(key) ?? new Set()).add(p.number));
    }
  }

  /** Reviewed: an alias adds only practices whose key actors print it (or its words, in a compound). */
  const EXPECTED: Record<string, number[]> = {
    'actor:academia | academia': [1, 11, 23, 24],
    'actor:academia | academic institutions': [20, 21, 22],
    'actor:academia | academics': [3, 4, 10],
    'actor:accountants | accountants': [11, 12],
    'actor:analysts | analysts': [],
    'actor:analysts | analysts from government institutions, intelligence, leas, public and private sector': [3, 4],
    'actor:banks | banks': [11, 12],
    'actor:banks | banking institutions': [21],
    'actor:border-agencies | border agencies': [8, 9, 10, 25],
    'actor:border-agencies | border authorities': [1],
    'actor:border-police | border police': [25],
    'actor:border-police | border guards': [20],
    'actor:city-council | city council': [13, 14, 15, 17, 18],
    'actor:city-council | city councils': [],
    'actor:civil-servants | civil servants': [2],
    'actor:civil-society-organizations | civil society organizations': [],
    'actor:civil-society-organizations | csos': [7, 17],
    'actor:counsellors | counsellors': [17],
    'actor:criminal-police | criminal police': [11],
    'actor:customs | customs': [8, 9, 25],
    'actor:development-agencies | development agencies': [16],
    'actor:educational-institutions | educational institutions': [14, 15, 16, 17],
    'actor:experts-data-collection | experts on data collection and dissemination': [10],
    'actor:extractive-companies | extractive companies': [],
    'actor:extractive-companies | extractives': [12],
    'actor:financial-intelligence-units | financial intelligence units': [],
    'actor:financial-intelligence-units | fius': [21],
    'actor:financial-police | financial police': [11, 21],
    'actor:general-public | general public': [18],
    'actor:government | government': [6, 7],
    'actor:government | government authorities': [],
    'actor:government | government entities': [5],
    'actor:government-agencies | government agencies': [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 24],
    'actor:government-agencies | governmental agencies': [20, 21, 22],
    'actor:government-institutions | government institutions': [2],
    'actor:intelligence-analysts | intelligence analysts': [5],
    'actor:intelligence-services | intelligence services': [6],
    'actor:intelligence-services | intelligence': [],
    'actor:intelligence-services | intelligence agencies': [8, 9, 20, 21, 22],
    'actor:intelligence-services | intelligence units': [11],
    'actor:international-corporations | international corporations': [2],
    'actor:international-organizations | international organizations': [1, 6, 10, 14, 16, 18, 19, 20, 21, 22, 23, 24, 25],
    'actor:internet-service-providers | internet service providers': [22],
    'actor:investigators | investigators': [],
    'actor:investigators | investigators from leas': [5],
    'actor:judges | judges': [1, 23],
    'actor:judiciary | judiciary': [2, 12, 13, 18],
    'actor:judiciary | judicial agencies': [10],
    'actor:judiciary | judicial sector': [21, 22],
    'actor:key-beneficiaries | key beneficiaries': [19],
    'actor:law-enforcement | law enforcement': [2, 6, 8, 9, 12, 13, 19],
    'actor:law-enforcement | law enforcement agencies': [10],
    'actor:law-enforcement | law enforcement authorities': [1],
    'actor:law-enforcement | law enforcement officers': [20],
    'actor:law-enforcement | leas': [],
    'actor:lawyers | lawyers': [11, 12],
    'actor:local-actors | local actors': [1],
    'actor:local-associations | local associations': [13, 14, 15, 16, 17, 19],
    'actor:local-communities | local communities': [13, 14, 15, 16, 17, 18, 19],
    'actor:local-communities | communities': [1],
    'actor:local-companies | local companies': [2],
    'actor:local-organizations | local organizations': [18],
    'actor:logistics-companies | logistics companies': [12],
    'actor:media | media': [],
    'actor:media | media, all types': [18],
    'actor:military | military': [20, 22],
    'actor:ministries | ministries': [14, 19, 20, 21, 22, 24, 25],
    'actor:ministries-of-justice | ministries of justice': [23],
    'actor:monitoring-expert-teams | 24/7 monitoring expert teams': [22],
    'actor:ngos | non-governmental organizations': [],
    'actor:ngos | ngos': [1, 7, 13, 14, 15, 16, 17, 18, 19, 24],
    'actor:other | other actor (unresolved wording)': [],
    'actor:pharmaceutical-companies | pharmaceutical companies': [12],
    'actor:police | police': [1, 14, 18, 20, 21, 22],
    'actor:policy-makers | policy makers': [1, 2, 3, 4, 15],
    'actor:press | press': [18],
    'actor:prison-administration | prison administration': [10, 11, 14, 24],
    'actor:prison-administration | prison administration and staff': [17],
    'actor:prison-administration | prison administrations': [],
    'actor:prison-administration | prison officials': [20],
    'actor:private-donors | private donors': [19],
    'actor:private-sector | private sector': [2, 6, 11, 12, 16],
    'actor:private-sector-analysts | private sector analysts': [5],
    'actor:prosecutors | prosecutors': [1, 21, 22, 23],
    'actor:public-administration | public administration': [],
    'actor:public-administration | administration': [11, 18],
    'actor:public-administration | administrations': [13, 14, 15, 17],
    'actor:public-sector | public sector': [2],
    'actor:radio | radio': [18],
    'actor:regional-centres | regional centres': [15],
    'actor:regional-observatories | regional observatories on the nexus': [20],
    'actor:regional-organizations | regional organizations': [1, 6, 10, 14, 18, 19, 20, 21, 22, 23, 24, 25],
    'actor:religious-leaders | religious leaders': [13, 14, 15, 16, 17, 19],
    'actor:research-institutes | research institutes': [10, 11, 17, 18],
    'actor:research-institutes | research institutions': [19, 20, 21, 22, 23, 24],
    'actor:researchers | researchers': [],
    'actor:researchers | researchers from academia and other research entities': [5],
    'actor:researchers | researchers from civil society organizations': [3],
    'actor:sector-specific-entities | sector-specific entities in high-risk jurisdictions': [],
    'actor:sector-specific-entities | other sector-specific entities that operate in high-risk jurisdictions, and who monitor the operations of organized crime and terrorist groups': [12],
    'actor:sector-specific-entities | sector-specific entities': [],
    'actor:security-agencies | security agencies': [25],
    'actor:security-agencies | public security agencies': [6],
    'actor:social-media | social media': [18],
    'actor:telecommunication-companies | telecommunication companies': [22],
    'actor:television | television': [],
    'actor:television | tv': [18],
    'actor:tobacco-companies | tobacco companies': [12],
    'actor:training-institutions | training institutions': [20, 21, 22, 23, 24],
    'actor:universities | universities': [15, 17, 18],
    'actor:virtual-currency-exchanges | virtual currency exchanges': [11, 12],
    'actor:women | women': [13, 14, 15, 16, 17, 19],
    'actor:youth | youth': [13, 14, 15, 16, 17, 19],
  };

  it('lists each alias and the practices it adds', () => {
    const actual: Record<string, number[]> = {};
    for (const rec of tables.actors.values()) {
      for (const a of [rec.name, ...rec.aliases]) {
        const key = `${rec.id} | ${normaliseWording(a)}`;
        actual[key] = [...(adds.get(key) ?? [])].sort((x, y) => x - y);
      }
    }
    expect(actual).toEqual(EXPECTED);
  });

  it('adds a practice only where one of its key-actor entries prints every word of the alias', () => {
    for (const [key, practices] of adds) {
      const words = (key.split(' | ')[1] as string).split(/[\s,/]+/).filter((w) => w !== '');
      for (const n of practices) {
        const printed = entries.get(n) ?? [];
        expect(printed.some((e) => words.every((w) => e.includes(w))), `${key} in GP ${n}`).toBe(true);
      }
    }
  });
});
