import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMALISATION_DIR, actorBroaderChain, loadNormalisationTables, normaliseWording } from '../../../src/ingest/tables.js';

const FILES = ['actors.json', 'instruments.json', 'organizations.json', 'countries.json'];

function copyTables(edit: (name: string, records: Record<string, unknown>[]) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'normalisation-'));
  for (const f of FILES) {
    const records = JSON.parse(readFileSync(join(DEFAULT_NORMALISATION_DIR, f), 'utf8')) as Record<string, unknown>[];
    edit(f, records);
    writeFileSync(join(dir, f), JSON.stringify(records));
  }
  return dir;
}

describe('loadNormalisationTables', () => {
  const tables = loadNormalisationTables();

  it('loads the reviewed tables', () => {
    expect(tables.actors.get('actor:prison-administration')?.broader).toBe('actor:public-administration');
    expect(tables.instruments.get('instrument:s-2015-366')?.symbol).toBe('S/2015/366');
    expect(tables.instruments.get('instrument:a-res-55-25')?.shortName).toBe('UNTOC');
    expect(tables.organizations.get('org:unodc')?.name).toBe('United Nations Office on Drugs and Crime');
    expect(tables.countries.get('country:kenya')?.kind).toBe('country');
    expect(tables.countries.get('country:sahel')?.kind).toBe('region');
  });

  it('indexes names, titles, symbols and aliases in normalised form', () => {
    expect(tables.actorByAlias.get('prison administration and staff')).toBe('actor:prison-administration');
    expect(tables.actorByAlias.get(normaliseWording('Prison Administration'))).toBe('actor:prison-administration');
    expect(tables.instrumentByAlias.get('untoc')).toBe('instrument:a-res-55-25');
    expect(tables.instrumentByAlias.get('a/res/55/25')).toBe('instrument:a-res-55-25');
    expect(tables.countryByAlias.get('kenya')).toBe('country:kenya');
  });

  it('has sorted files with unique ids', () => {
    for (const f of FILES) {
      const ids = (JSON.parse(readFileSync(join(DEFAULT_NORMALISATION_DIR, f), 'utf8')) as { id: string }[]).map((r) => r.id);
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('gives the broader chain of an actor', () => {
    expect(actorBroaderChain(tables, 'actor:financial-police')).toEqual(['actor:financial-police', 'actor:police', 'actor:law-enforcement']);
  });

  it('rejects a duplicate id, naming file and record', () => {
    const dir = copyTables((f, rs) => {
      if (f === 'actors.json') rs.push({ ...rs[0]!, aliases: [] });
    });
    expect(() => loadNormalisationTables(dir)).toThrow(/actors\.json: record actor:\S+: duplicate id/);
  });

  it('rejects an alias used by two records', () => {
    const dir = copyTables((f, rs) => {
      if (f === 'instruments.json') rs.push({ id: 'instrument:zz-test', title: 'Test', issuer: 'X', kind: 'report', aliases: ['S/2015/366'] });
    });
    expect(() => loadNormalisationTables(dir)).toThrow(/instruments\.json: record instrument:zz-test: duplicate alias "S\/2015\/366" \(also used by instrument:s-2015-366\)/);
  });

  it('rejects an unknown broader id', () => {
    const dir = copyTables((f, rs) => {
      if (f === 'actors.json') rs.push({ id: 'actor:zz-test', name: 'Test', category: 'other', aliases: [], broader: 'actor:nowhere' });
    });
    expect(() => loadNormalisationTables(dir)).toThrow(/actors\.json: record actor:zz-test: unknown broader id "actor:nowhere"/);
  });

  it('rejects a missing file or a record without its required fields', () => {
    expect(() => loadNormalisationTables(join(tmpdir(), 'no-such-normalisation-dir'))).toThrow(/actors\.json: cannot read/);
    const dir = copyTables((f, rs) => {
      if (f === 'countries.json') rs.push({ id: 'country:zz', name: 'Zz', kind: 'planet', aliases: [] });
    });
    expect(() => loadNormalisationTables(dir)).toThrow(/countries\.json: record country:zz: kind/);
  });
});
