// The invariants `npm run ingest:check` enforces, on the real graph and on broken copies of it.
import { describe, expect, it } from 'vitest';
import { buildToolkitGraph, validateGraph } from '../../../src/ingest/index.js';
import type { SerialisedGraph } from '../../../src/graph/serialised.js';

const { graph } = buildToolkitGraph();
const codes = (g: SerialisedGraph) => validateGraph(g).filter((n) => n.level === 'error').map((n) => n.code);

describe('validateGraph', () => {
  it('finds nothing wrong with the toolkit graph', () => {
    expect(codes(graph)).toEqual([]);
  });

  it('keeps the sub-items of actions that have no steps (GP 24, l. 1741-1756)', () => {
    const action = graph.nodes.find((n) => n.id === 'gp:24/action:1');
    expect(action?.properties.items).toEqual([
      'Promoting technical assistance programmes to support countries in the assessment of the vulnerabilities of their prison systems;',
      'Mapping the existing rehabilitation and reintegration programmes;',
      'Designing standard training programmes for prison wardens aiming at raising awareness on the nexus;',
      'Promoting the enhancement or establishment of prison intelligence services.',
    ]);
    expect(graph.nodes.find((n) => n.id === 'gp:24/action:2')?.properties.items).toHaveLength(2);
  });

  it('gives absolute addresses for those printed without a scheme (footnote 4: "www.theGCTF.org")', () => {
    const footnote = graph.nodes.find((n) => n.id === 'footnote:4');
    expect(footnote?.properties.urls).toContain('http://www.theGCTF.org');
    expect(String(footnote?.properties.text)).toContain('www.theGCTF.org');
  });

  it('reports a practice without steps, key actions or actors', () => {
    const broken = { ...graph, relationships: graph.relationships.filter((r) => !(r.start === 'gp:3' && ['HAS_STEP', 'MENTIONS_ACTOR'].includes(r.type))) };
    expect(validateGraph(broken).map((n) => n.message)).toEqual(
      expect.arrayContaining(['gp:3: neither steps nor key actions', 'gp:3: no key actors']),
    );
  });

  it('reports a web address with a space, an actor without category and a missing practice', () => {
    const broken: SerialisedGraph = {
      ...graph,
      nodes: graph.nodes
        .filter((n) => n.id !== 'gp:25')
        .map((n) => {
          if (n.id === 'footnote:2') return { ...n, properties: { ...n.properties, urls: ['https://www. un.org/'] } };
          if (n.id === 'actor:prison-administration') return { ...n, properties: { ...n.properties, category: '' } };
          return n;
        }),
    };
    expect(codes(broken)).toEqual(expect.arrayContaining(['graph.url', 'graph.actor-category', 'graph.practices', 'graph.dangling']));
  });
});
