import { describe, expect, it } from 'vitest';
import { countByKind, longTailRequests, searchVocabulary } from '../../../bench/long-tail.js';
import type { SerialisedGraph, SerialisedNode } from '../../../src/graph/serialised.js';

const practice = (number: number, title: string): SerialisedNode => ({ id: `gp:${number}`, labels: ['GoodPractice'], properties: { number, title } });
const actor = (slug: string, name: string): SerialisedNode => ({ id: `actor:${slug}`, labels: ['Actor'], properties: { name, category: 'x' } });

const graph: SerialisedGraph = {
  format: 'nexus-graph/1',
  dataset: { version: 'v', sourceSha256: 's', sourcePath: 'p' },
  nodes: [
    practice(2, 'Prison intelligence about terrorism financing'),
    practice(1, 'Prison regimes and terrorism'),
    practice(3, 'Border security against organised crime'),
    actor('prison-administration', 'Prison administration'),
    actor('border-guards', 'Border guards'),
    actor('police', 'Police'),
  ],
  relationships: [],
};

describe('searchVocabulary', () => {
  it('takes words of five letters or more used by at least two nodes, most used first', () => {
    // prison: 3 nodes, terrorism: 2, border: 2; "intelligence" and "police" appear once (or are too short).
    expect(searchVocabulary(graph, 10)).toEqual(['prison', 'border', 'terrorism']);
  });

  it('spreads the picks from the most common to the rarest when there are more words than asked', () => {
    expect(searchVocabulary(graph, 2)).toEqual(['prison', 'border']);
    expect(searchVocabulary(graph, 1)).toEqual(['prison']);
  });

  it('reads only the properties the full-text indexes cover, string lists included', () => {
    const hidden: SerialisedGraph = {
      ...graph,
      nodes: [
        { id: 'gp:1', labels: ['GoodPractice'], properties: { number: 1, title: 'x', sourceText: 'verbatim verbatim' } },
        { id: 'gp:2', labels: ['GoodPractice'], properties: { number: 2, title: 'y', sourceText: 'verbatim' } },
        { id: 'actor:a', labels: ['Actor'], properties: { name: 'A', aliases: ['wardens'] } },
        { id: 'actor:b', labels: ['Actor'], properties: { name: 'B', aliases: ['chief wardens'] } },
      ],
    };
    expect(searchVocabulary(hidden, 5)).toEqual(['wardens']);
  });

  it('leaves out stopwords', () => {
    const withStopwords: SerialisedGraph = { ...graph, nodes: [practice(1, 'about their prisons'), practice(2, 'about their prisons')] };
    expect(searchVocabulary(withStopwords, 5)).toEqual(['prisons']);
  });
});

describe('longTailRequests', () => {
  const requests = longTailRequests(graph, { searchTerms: 2 });

  it('asks every practice page, the neighbourhood of every node and the search terms once each', () => {
    expect(countByKind(requests)).toEqual({ 'practice page': 3, neighbourhood: 6, search: 2 });
    expect(new Set(requests.map((r) => r.ours)).size).toBe(requests.length);
    expect(new Set(requests.map((r) => r.peer)).size).toBe(requests.length);
    expect(requests.filter((r) => r.kind === 'neighbourhood').map((r) => r.key).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(requests.filter((r) => r.kind === 'practice page').map((r) => r.key).sort()).toEqual(['1', '2', '3']);
  });

  it('sends the key as a variable of a named operation, never inside the query text', () => {
    for (const request of requests) {
      for (const body of [request.ours, request.peer]) {
        const parsed = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        expect(parsed.query).toMatch(/^query (PracticePage|Neighbourhood|Search)\(/);
        expect(Object.values(parsed.variables).map(String)).toContain(request.key);
        expect(parsed.query).not.toContain(request.key);
      }
    }
  });

  it('interleaves the kinds in the same order for the same seed, another order for another seed', () => {
    const keys = (seed: number): string[] => longTailRequests(graph, { searchTerms: 2, seed }).map((r) => `${r.kind}:${r.key}`);
    expect(keys(1)).toEqual(keys(1));
    expect(keys(1)).not.toEqual(keys(2));
    expect(keys(1)).not.toEqual([...keys(1)].sort());
  });

  it('normalises both sides of a practice page to the same shape', () => {
    const page = requests.find((r) => r.kind === 'practice page' && r.key === '1');
    const ours = { goodPractice: { number: 1, title: 'T', steps: [], actors: [{ text: 'x', actor: { id: 'actor:police' } }], citations: [], examples: [], references: [{ to: { number: 2 } }] } };
    const peer = { goodPractices: [{ number: 1, title: 'T', steps: [], actors: [{ id: 'actor:police' }], citations: [], examples: [], references: [{ number: 2 }] }] };
    expect(page?.normaliseOurs(ours)).toEqual(page?.normalisePeer(peer));
  });

  it('compares neighbourhoods on the nodes and the edges at the centre only', () => {
    const hood = requests.find((r) => r.kind === 'neighbourhood' && r.key === 'gp:1');
    const nodes = [{ id: 'gp:1' }, { id: 'actor:police' }, { id: 'gp:2' }];
    const centre = [{ source: 'gp:1', target: 'actor:police', type: 'MENTIONS_ACTOR' }];
    const between = { source: 'gp:2', target: 'actor:police', type: 'MENTIONS_ACTOR' };
    const ours = { neighborhood: { nodes, edges: [...centre, between] } };
    const peer = { neighborhood: { nodes: [...nodes].reverse(), edges: centre } };
    expect(hood?.normaliseOurs(ours)).toEqual(hood?.normalisePeer(peer));
    const missing = { neighborhood: { nodes, edges: [] } };
    expect(hood?.normaliseOurs(missing)).not.toEqual(hood?.normalisePeer(peer));
  });
});
