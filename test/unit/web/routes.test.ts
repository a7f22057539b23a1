import { describe, expect, it } from 'vitest';
import { entityHref, exploreHref, graphHref, hrefForNode, insightsHref, parseRoute, practiceHref } from '../../../web/src/routes.js';

describe('explorer routes', () => {
  it('parses the search view with its facets and hit types', () => {
    expect(parseRoute('')).toEqual({ view: 'explore', state: { q: '', facets: {}, exclude: {}, types: [], literal: false } });
    expect(parseRoute('#/?q=prison&actor=Prison+administration&instrument=Rome%20Memorandum&types=STEP,ACTOR')).toEqual({
      view: 'explore',
      state: {
        q: 'prison',
        facets: { actor: ['Prison administration'], instrument: ['Rome Memorandum'] },
        exclude: {},
        types: ['STEP', 'ACTOR'],
        literal: false,
      },
    });
  });

  it('keeps several values of a facet (OR) and excluded values', () => {
    const route = parseRoute('#/?actor=Police&actor=Customs&not-country=Kenya&literal=1');
    expect(route).toEqual({
      view: 'explore',
      state: { q: '', facets: { actor: ['Police', 'Customs'] }, exclude: { country: ['Kenya'] }, types: [], literal: true },
    });
  });

  it('round-trips every view through its URL', () => {
    const explore = { q: 'a & b', facets: { area: ['B'], organization: ['UNODC', 'UNICRI'] }, exclude: { actor: ['Police'] }, types: [], literal: false };
    expect(parseRoute(exploreHref(explore))).toEqual({ view: 'explore', state: explore });
    expect(parseRoute(practiceHref(17, 'gp:17/action:2/step:3'))).toEqual({ view: 'practice', number: 17, step: 'gp:17/action:2/step:3' });
    expect(parseRoute(entityHref('organization', 'org:unodc'))).toEqual({ view: 'entity', kind: 'organization', id: 'org:unodc' });
    expect(parseRoute(entityHref('instrument', 'instrument:s-2015-366'))).toEqual({ view: 'entity', kind: 'instrument', id: 'instrument:s-2015-366' });
    const graph = { id: 'gp:17', depth: 2, expand: ['actor:police', 'gp:3'], hide: ['HAS_STEP'], to: 'instrument:s-2015-366' };
    expect(parseRoute(graphHref(graph))).toEqual({ view: 'graph', state: graph });
    const full = { ...graph, from: 'gp:25', hideTypes: ['Step', 'Footnote'], layout: 'circle' as const };
    expect(parseRoute(graphHref(full))).toEqual({ view: 'graph', state: full });
    expect(parseRoute(graphHref(graph))).toEqual({ view: 'graph', state: graph });
    const analysed = { ...graph, size: 'betweenness' as const, colour: 'community' as const };
    expect(parseRoute(graphHref(analysed))).toEqual({ view: 'graph', state: analysed });
    expect(parseRoute(insightsHref('betweenness'))).toEqual({ view: 'insights', measure: 'betweenness' });
    expect(insightsHref()).toBe('#/insights');
    expect(parseRoute(insightsHref())).toEqual({ view: 'insights', measure: 'pagerank' });
  });

  it('ignores unknown analytics choices in the URL', () => {
    expect(parseRoute('#/insights?measure=degree')).toEqual({ view: 'insights', measure: 'pagerank' });
    expect(parseRoute('#/graph?id=gp%3A1&size=degree&colour=rainbow')).toEqual({ view: 'graph', state: { id: 'gp:1', depth: 1, expand: [], hide: [] } });
  });

  it('sends each node type to the page that shows it best', () => {
    expect(hrefForNode('gp:4', 'GoodPractice')).toBe('#/practice/4');
    expect(hrefForNode('gp:17/action:2/step:3', 'Step')).toBe('#/practice/17?step=gp%3A17%2Faction%3A2%2Fstep%3A3');
    expect(hrefForNode('actor:prison-administration', 'Actor')).toBe('#/actor/prison-administration');
    expect(hrefForNode('country:kenya', 'Country')).toBe('#/country/kenya');
    expect(hrefForNode('footnote:4', 'Footnote')).toBe('#/concept/footnote%3A4');
    expect(hrefForNode('manifestation:alliances', 'Manifestation')).toBe('#/concept/manifestation%3Aalliances');
    expect(parseRoute('#/concept/manifestation%3Aalliances')).toEqual({ view: 'concept', id: 'manifestation:alliances' });
    expect(hrefForNode('document:nexus-policy-toolkit', 'Document')).toBe('#/graph?id=document%3Anexus-policy-toolkit');
  });

  it('answers not-found for unknown paths and a graph without an id', () => {
    expect(parseRoute('#/nowhere')).toEqual({ view: 'not-found', path: '/nowhere' });
    expect(parseRoute('#/graph')).toEqual({ view: 'not-found', path: '/graph' });
    expect(parseRoute('#/practice/x')).toEqual({ view: 'not-found', path: '/practice/x' });
  });
});
