import { describe, expect, it } from 'vitest';
import { facetValues, type FacetPractice } from '../../../web/src/facets.js';

const practice = (number: number, area: string, actors: string[], instruments: Array<[string, string | null]>, countries: string[]): FacetPractice => ({
  number,
  title: `Practice ${number}`,
  area: { code: area, title: `Area ${area}` },
  actors: actors.map((name) => ({ actor: { id: `actor:${name}`, name } })),
  citations: instruments.map(([title, shortName]) => ({ instrument: { id: `instrument:${title}`, title, shortName, symbol: null } })),
  examples: [{ countries: countries.map((name) => ({ id: `country:${name}`, name })), organizations: [] }],
});

const practices = [
  practice(1, 'B', ['Police', 'Prosecutors', 'Police'], [['Rome Memorandum on rehabilitation', 'Rome Memorandum']], ['Kenya']),
  practice(2, 'A', ['Police'], [], ['Kenya', 'Mali']),
  practice(3, 'B', ['Prison administration'], [['Rome Memorandum on rehabilitation', 'Rome Memorandum']], []),
];

describe('facet values', () => {
  it('counts each value once per practice, most frequent first', () => {
    expect(facetValues(practices, 'actor')).toEqual([
      { value: 'Police', label: 'Police', count: 2 },
      { value: 'Prison administration', label: 'Prison administration', count: 1 },
      { value: 'Prosecutors', label: 'Prosecutors', count: 1 },
    ]);
    expect(facetValues(practices, 'country').map((value) => [value.value, value.count])).toEqual([['Kenya', 2], ['Mali', 1]]);
  });

  it('filters instruments by short name and orders areas by code', () => {
    expect(facetValues(practices, 'instrument')).toEqual([{ value: 'Rome Memorandum', label: 'Rome Memorandum', count: 2 }]);
    expect(facetValues(practices, 'area').map((value) => value.value)).toEqual(['A', 'B']);
    expect(facetValues(practices, 'organization')).toEqual([]);
  });
});

describe('facet selections and facet names in a search', () => {
  it('keeps practices with any kept value of a facet, all facets, and none of the excluded values', async () => {
    const { matchesFacets } = await import('../../../web/src/facets.js');
    const kept = (selection: Record<string, string[]>, excluded: Record<string, string[]> = {}) =>
      practices.filter((p) => matchesFacets(p, selection, excluded)).map((p) => p.number);
    expect(kept({ actor: ['Prosecutors', 'Prison administration'] })).toEqual([1, 3]);
    expect(kept({ actor: ['police'], country: ['Mali'] })).toEqual([2]);
    expect(kept({}, { country: ['Kenya'] })).toEqual([3]);
    expect(kept({ area: ['B'] }, { actor: ['Prosecutors'] })).toEqual([3]);
  });

  it('reads actor and instrument names (and aliases) typed in a question', async () => {
    const { recogniseFacets } = await import('../../../web/src/facets.js');
    const withAlias = practices.map((p) => ({ ...p, actors: p.actors.map(({ actor }) => ({ actor: { ...actor, aliases: actor.name === 'Prison administration' ? ['prison officials'] : [] } })) }));
    expect(recogniseFacets('practices involving prison administration and citing the Rome Memorandum', withAlias)).toEqual([
      { facet: 'actor', value: 'Prison administration', words: 'prison administration' },
      { facet: 'instrument', value: 'Rome Memorandum', words: 'rome memorandum' },
    ]);
    expect(recogniseFacets('what do prison officials do', withAlias).map((found) => found.value)).toEqual(['Prison administration']);
    expect(recogniseFacets('policemen', withAlias)).toEqual([]);
  });
});
