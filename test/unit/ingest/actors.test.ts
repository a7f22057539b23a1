import { describe, expect, it } from 'vitest';
import { resolveKeyActors } from '../../../src/ingest/actors.js';
import type { ListEntry } from '../../../src/ingest/model.js';
import { loadNormalisationTables } from '../../../src/ingest/tables.js';

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
      ['actor:government-agencies', 'Government agencies and administrations', null],
      ['actor:prison-administration', 'prison administration and staff', 'actor:government-agencies'],
      ['actor:city-council', 'city council', 'actor:government-agencies'],
    ]);
    const local = summary(['Local communities, including youth, women, local associations and NGOs, religious leaders, etc.']);
    expect(local.map((m) => m[1])).toEqual(['Local communities', 'youth', 'women', 'local associations', 'NGOs', 'religious leaders']);
  });

  it('matches case and spelling variants through aliases', () => {
    expect(summary(['Prison Administration', 'Regional and International institutions/organizations.', 'International and regional organizations']).map((m) => m[0])).toEqual([
      'actor:prison-administration',
      'actor:regional-and-international-organizations',
      'actor:regional-and-international-organizations',
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
