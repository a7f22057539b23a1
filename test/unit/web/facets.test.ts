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
