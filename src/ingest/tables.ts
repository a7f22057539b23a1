// Reviewed normalisation tables (data/normalisation/*.json): canonical actors,
// instruments, organisations and countries with the wordings (aliases) that
// map to them. Loading validates the files and fails with an Error naming the
// file and the record at fault.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorRecord, CountryRecord, InstrumentRecord, OrganizationRecord } from './model.js';
import { completePlaces, type ReviewedPlace } from './places.js';

export const DEFAULT_NORMALISATION_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/normalisation',
);

/** Fallback records used (with a warning note) when a wording cannot be resolved. */
export const FALLBACK_ACTOR_ID = 'actor:other';
export const FALLBACK_INSTRUMENT_ID = 'instrument:other';

export interface NormalisationTables {
  actors: Map<string, ActorRecord>;
  instruments: Map<string, InstrumentRecord>;
  organizations: Map<string, OrganizationRecord>;
  countries: Map<string, CountryRecord>;
  /** normalised alias (see normaliseWording) -> id */
  actorByAlias: Map<string, string>;
  instrumentByAlias: Map<string, string>;
  organizationByAlias: Map<string, string>;
  countryByAlias: Map<string, string>;
  /** Place names two places share, named by neither (see places.ts). */
  placeAmbiguities: string[];
}

/**
 * Lower case, typographic quotes / dashes made plain, whitespace collapsed,
 * trailing punctuation removed. Used for both aliases and source wording.
 */
export function normaliseWording(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

type Rec = { id: string; aliases: string[] };

function fail(file: string, id: string | undefined, msg: string): never {
  throw new Error(`${file}: record ${id ?? '(no id)'}: ${msg}`);
}

function readRecords(dir: string, name: string, prefix: string, required: string[]): Rec[] {
  const file = join(dir, name);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot read normalisation table: ${(e as Error).message}`);
  }
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON array of records`);
  const seen = new Set<string>();
  for (const r of raw as Record<string, unknown>[]) {
    const id = typeof r?.id === 'string' ? r.id : undefined;
    if (!id || !id.startsWith(prefix)) fail(file, id, `id must be a string starting with "${prefix}"`);
    if (seen.has(id)) fail(file, id, 'duplicate id');
    seen.add(id);
    for (const k of required) {
      if (typeof r[k] !== 'string' || (r[k] as string).trim() === '') fail(file, id, `missing string field "${k}"`);
    }
    if (!Array.isArray(r.aliases) || !(r.aliases as unknown[]).every((a) => typeof a === 'string')) {
      fail(file, id, '"aliases" must be an array of strings');
    }
  }
  return raw as Rec[];
}

function aliasIndex(dir: string, name: string, records: Rec[], names: (r: Rec) => string[]): Map<string, string> {
  const file = join(dir, name);
  const index = new Map<string, string>();
  for (const r of records) {
    const own = new Set<string>();
    for (const a of [...r.aliases, ...names(r)]) {
      const key = normaliseWording(a);
      if (key === '' || own.has(key)) continue;
      own.add(key);
      const other = index.get(key);
      if (other !== undefined && other !== r.id) {
        fail(file, r.id, `duplicate alias "${a}" (also used by ${other})`);
      }
      index.set(key, r.id);
    }
  }
  return index;
}

export function loadNormalisationTables(dir: string = DEFAULT_NORMALISATION_DIR): NormalisationTables {
  const actorRecs = readRecords(dir, 'actors.json', 'actor:', ['name', 'category']) as unknown as ActorRecord[];
  const instrRecs = readRecords(dir, 'instruments.json', 'instrument:', ['title', 'issuer', 'kind']) as unknown as InstrumentRecord[];
  const orgRecs = readRecords(dir, 'organizations.json', 'org:', ['name']) as unknown as OrganizationRecord[];
  const reviewedPlaces = readRecords(dir, 'countries.json', 'country:', ['name', 'kind']) as unknown as ReviewedPlace[];

  const actors = new Map(actorRecs.map((r) => [r.id, r]));
  for (const r of actorRecs) {
    if (r.broader !== undefined) {
      if (!actors.has(r.broader)) fail(join(dir, 'actors.json'), r.id, `unknown broader id "${r.broader}"`);
      // a broader chain must end
      const chain = new Set([r.id]);
      for (let b: string | undefined = r.broader; b !== undefined; b = actors.get(b)?.broader) {
        if (chain.has(b)) fail(join(dir, 'actors.json'), r.id, `broader cycle through "${b}"`);
        chain.add(b);
      }
    }
  }
  for (const r of reviewedPlaces) {
    if (r.kind !== 'country' && r.kind !== 'region') fail(join(dir, 'countries.json'), r.id, 'kind must be "country" or "region"');
    if (r.m49 !== undefined && !/^\d{3}$/.test(r.m49)) fail(join(dir, 'countries.json'), r.id, '"m49" must be a three-digit UN M49 code');
  }
  // Reviewed aliases are unique among themselves (checked here, before the standards join in).
  aliasIndex(dir, 'countries.json', reviewedPlaces, (r) => [(r as unknown as CountryRecord).name]);
  const places = completePlaces(reviewedPlaces);
  const countryRecs = places.records;
  const ambiguousPlace = new Set(places.ambiguous.map((a) => a.replace(/ \(.*$/, '')));
  for (const r of instrRecs) {
    if (r.year !== undefined && !Number.isInteger(r.year)) fail(join(dir, 'instruments.json'), r.id, 'year must be an integer');
  }

  return {
    actors,
    instruments: new Map(instrRecs.map((r) => [r.id, r])),
    organizations: new Map(orgRecs.map((r) => [r.id, r])),
    countries: new Map(countryRecs.map((r) => [r.id, r])),
    actorByAlias: aliasIndex(dir, 'actors.json', actorRecs, (r) => [(r as unknown as ActorRecord).name]),
    instrumentByAlias: aliasIndex(dir, 'instruments.json', instrRecs, (r) => {
      const i = r as unknown as InstrumentRecord;
      return [i.title, ...(i.shortName ? [i.shortName] : []), ...(i.symbol ? [i.symbol] : [])];
    }),
    organizationByAlias: aliasIndex(dir, 'organizations.json', orgRecs, (r) => [(r as unknown as OrganizationRecord).name]),
    countryByAlias: aliasIndex(dir, 'countries.json', countryRecs as unknown as Rec[], (r) => {
      const name = (r as unknown as CountryRecord).name;
      return ambiguousPlace.has(normaliseWording(name)) ? [] : [name];
    }),
    placeAmbiguities: places.ambiguous,
  };
}

/** Ids of `id` and every broader actor above it (narrowest first). */
export function actorBroaderChain(tables: NormalisationTables, id: string): string[] {
  const out: string[] = [];
  for (let cur: string | undefined = id; cur !== undefined && !out.includes(cur); cur = tables.actors.get(cur)?.broader) {
    out.push(cur);
  }
  return out;
}
