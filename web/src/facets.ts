// Facet values with counts, computed from the practices that match the
// current filters (so every value shown narrows the list further).
import type { Facet } from './routes.js';

export interface FacetPractice {
  number: number;
  title: string;
  area: { code: string; title: string };
  actors: Array<{ actor: { id: string; name: string } }>;
  citations: Array<{ instrument: { id: string; title: string; shortName: string | null; symbol: string | null } }>;
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
      return practice.actors.map(({ actor }) => ({ key: actor.id, value: actor.name, label: actor.name }));
    case 'instrument':
      return practice.citations.map(({ instrument }) => ({
        key: instrument.id,
        value: instrumentFilterValue(instrument),
        label: instrument.shortName ?? instrument.title,
      }));
    case 'country':
      return practice.examples.flatMap((example) => example.countries.map((c) => ({ key: c.id, value: c.name, label: c.name })));
    case 'organization':
      return practice.examples.flatMap((example) =>
        example.organizations.map((o) => ({ key: o.id, value: o.name, label: o.name })),
      );
  }
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
