// Facet values with counts, computed from the practices that match the
// current filters (so every value shown narrows the list further).
import type { Facet } from './routes.js';

export interface FacetPractice {
  number: number;
  title: string;
  area: { code: string; title: string };
  actors: Array<{ actor: { id: string; name: string; aliases?: string[] } }>;
  citations: Array<{ instrument: { id: string; title: string; shortName: string | null; symbol: string | null; aliases?: string[] } }>;
  examples: Array<{ countries: Array<{ id: string; name: string }>; organizations: Array<{ id: string; name: string }> }>;
}

export interface FacetValue {
  /** What the GoodPracticeFilter field is given. */
  value: string;
  label: string;
  count: number;
}

interface Entry {
  key: string;
  value: string;
  label: string;
  /** Other names a search text may use for it. */
  names?: string[];
}

/** The name an instrument filter matches best: short name, UN symbol, else the title. */
export function instrumentFilterValue(instrument: FacetPractice['citations'][number]['instrument']): string {
  return instrument.shortName ?? instrument.symbol ?? instrument.title;
}

function entriesOf(practice: FacetPractice, facet: Facet): Entry[] {
  switch (facet) {
    case 'area':
      return [{ key: practice.area.code, value: practice.area.code, label: `${practice.area.code}. ${practice.area.title}` }];
    case 'actor':
      return practice.actors.map(({ actor }) => ({ key: actor.id, value: actor.name, label: actor.name, names: actor.aliases ?? [] }));
    case 'instrument':
      return practice.citations.map(({ instrument }) => ({
        key: instrument.id,
        value: instrumentFilterValue(instrument),
        label: instrument.shortName ?? instrument.title,
        names: [instrument.title, ...(instrument.shortName ? [instrument.shortName] : []), ...(instrument.aliases ?? [])],
      }));
    case 'country':
      return practice.examples.flatMap((example) => example.countries.map((c) => ({ key: c.id, value: c.name, label: c.name })));
    case 'organization':
      return practice.examples.flatMap((example) =>
        example.organizations.map((o) => ({ key: o.id, value: o.name, label: o.name })),
      );
  }
}

export type FacetSelection = Partial<Record<Facet, string[]>>;

const lower = (value: string): string => value.toLowerCase();

/** The practice has one of the kept values of every facet, and none of the excluded ones. */
export function matchesFacets(practice: FacetPractice, kept: FacetSelection, excluded: FacetSelection = {}, except?: Facet): boolean {
  for (const [facet, values] of Object.entries(kept) as Array<[Facet, string[]]>) {
    if (facet === except || values.length === 0) continue;
    const own = new Set(entriesOf(practice, facet).map((entry) => lower(entry.value)));
    if (!values.some((value) => own.has(lower(value)))) return false;
  }
  for (const [facet, values] of Object.entries(excluded) as Array<[Facet, string[]]>) {
    const own = new Set(entriesOf(practice, facet).map((entry) => lower(entry.value)));
    if (values.some((value) => own.has(lower(value)))) return false;
  }
  return true;
}

/** Node ids of the actors, instruments, countries and organisations of a practice (a hit on one of them counts for it). */
export function entityIdsOf(practice: FacetPractice): Set<string> {
  const ids = new Set<string>();
  for (const facet of ['actor', 'instrument', 'country', 'organization'] as const) for (const entry of entriesOf(practice, facet)) ids.add(entry.key);
  return ids;
}

const wordsOf = (text: string): string => ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;

export interface RecognisedFacet {
  facet: Facet;
  value: string;
  /** The words of the search text it was read from. */
  words: string;
}

/** Names that are words too common to stand for a facet on their own. */
const TOO_SHORT = 4;

/**
 * Facet values named in a search text ("… prison administration … Rome
 * Memorandum"): canonical names, aliases, short names and titles, as whole
 * words; the longest name wins where names overlap.
 */
export function recogniseFacets(text: string, practices: readonly FacetPractice[]): RecognisedFacet[] {
  let haystack = wordsOf(text);
  const candidates: Array<RecognisedFacet & { length: number }> = [];
  const seen = new Set<string>();
  for (const facet of ['actor', 'instrument', 'country', 'organization'] as const) {
    for (const practice of practices) {
      for (const entry of entriesOf(practice, facet)) {
        for (const name of new Set([entry.value, ...(entry.names ?? [])])) {
          const words = wordsOf(name);
          const key = `${facet}|${entry.key}|${words}`;
          if (seen.has(key) || words.trim().length < TOO_SHORT) continue;
          seen.add(key);
          candidates.push({ facet, value: entry.value, words: words.trim(), length: words.length });
        }
      }
    }
  }
  const found: RecognisedFacet[] = [];
  for (const candidate of candidates.sort((left, right) => right.length - left.length)) {
    const needle = ` ${candidate.words} `;
    if (!haystack.includes(needle)) continue;
    if (!found.some((other) => other.facet === candidate.facet && other.value === candidate.value)) {
      found.push({ facet: candidate.facet, value: candidate.value, words: candidate.words });
    }
    haystack = haystack.replace(needle, ' ');
  }
  return found;
}

/** Values of one facet, most frequent first, each counted once per practice. */
export function facetValues(practices: readonly FacetPractice[], facet: Facet): FacetValue[] {
  const counted = new Map<string, FacetValue>();
  for (const practice of practices) {
    const seen = new Set<string>();
    for (const entry of entriesOf(practice, facet)) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      const current = counted.get(entry.key);
      if (current) current.count += 1;
      else counted.set(entry.key, { value: entry.value, label: entry.label, count: 1 });
    }
  }
  if (facet === 'area') return [...counted.values()].sort((left, right) => left.value.localeCompare(right.value));
  return [...counted.values()].sort(
    (left, right) => right.count - left.count || left.label.localeCompare(right.label, 'en', { sensitivity: 'base' }),
  );
}
