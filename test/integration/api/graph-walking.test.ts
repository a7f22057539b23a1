// Walking the graph: node lookup, search, related practices, paths and
// neighbourhoods, on the graph the test setup loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, toolkitLoaded, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

interface GraphNode {
  id: string;
  type: string;
  label: string;
}
interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

describe('node', () => {
  it('resolves any id to its type, including steps of the shared GP 8/9 body', async () => {
    const data = dataOf(await api.query<{ practice: { __typename: string; number: number }; step: { __typename: string; practice: { number: number }; practices: { number: number }[] } }>(
      `{ practice: node(id: "gp:1") { __typename ... on GoodPractice { number } }
         step: node(id: "gp:8/step:1") { __typename ... on Step { practice { number } practices { number } } } }`,
    ));
    expect(data.practice).toEqual({ __typename: 'GoodPractice', number: 1 });
    expect(data.step.__typename).toBe('Step');
    expect(data.step.practice.number).toBe(8);
    expect(data.step.practices.map((practice) => practice.number)).toEqual([8, 9]);
  });

  it('gives the dataset and provenance of every practice', async () => {
    const data = dataOf(await api.query<{ dataset: { nodeCount: number; relationshipCount: number; sourceSha256: string }; goodPractice: { source: { startLine: number; endLine: number; text: string } } }>(
      '{ dataset { nodeCount relationshipCount sourceSha256 } goodPractice(number: 1) { source { startLine endLine page text } } }',
    ));
    expect(data.dataset.nodeCount).toBeGreaterThan(0);
    expect(data.dataset.sourceSha256).toBe('6ae8fe88847257bf9b1801260180377a270ec87eb6f4c355b3e58911d57a28fc');
    // "Good Practice 1: Seek coherence" is line 373 of the source, under the area heading of line 372.
    expect(data.goodPractice.source.startLine).toBeGreaterThanOrEqual(372);
    expect(data.goodPractice.source.startLine).toBeLessThanOrEqual(373);
    expect(data.goodPractice.source.endLine).toBeGreaterThan(373);
    expect(data.goodPractice.source.text).toContain('Good Practice 1: Seek coherence');
  });
});

describe('search', () => {
  it('ranks hits across types with a score and a highlighted snippet', async () => {
    const hits = dataOf(await api.query<{ search: { score: number; snippet: string; field: string; type: string; node: { id: string } }[] }>(
      '{ search(query: "prison administration", first: 10) { score snippet field type node { id } } }',
    )).search;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.node.id).toBe('actor:prison-administration');
    expect(hits[0]?.snippet).toMatch(/<mark>Prison<\/mark> <mark>administration<\/mark>/i);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(hits.map((hit) => hit.type)).size).toBeGreaterThan(1);
  });

  it('keeps only the asked types', async () => {
    const hits = dataOf(await api.query<{ search: { type: string; node: { id: string } }[] }>(
      '{ search(query: "S/2015/366", types: [INSTRUMENT]) { type node { id } } }',
    )).search;
    expect(hits[0]?.node.id).toBe('instrument:s-2015-366');
    expect(hits.every((hit) => hit.type === 'Instrument')).toBe(true);
  });
});

describe('related practices', () => {
  it('rank GP 9 first for GP 8, with the reasons and the evidence', async () => {
    const related = dataOf(await api.query<{ relatedPractices: { practice: { number: number }; score: number; reasons: string[]; sharedActors: { id: string }[]; sharedInstruments: { id: string }[] }[] }>(
      '{ relatedPractices(number: 8, first: 3) { practice { number } score reasons sharedActors { id } sharedInstruments { id } } }',
    )).relatedPractices;
    expect(related[0]?.practice.number).toBe(9);
    expect(related[0]?.reasons[0]).toBe('Merged with GP 9 (they share one body)');
    const first = related[0];
    expect(first?.reasons).toHaveLength(1 + (first?.sharedActors.length ?? 0) + (first?.sharedInstruments.length ?? 0));
    const scores = related.map((entry) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('are the same through GoodPractice.related', async () => {
    const data = dataOf(await api.query<{ relatedPractices: unknown[]; goodPractice: { related: unknown[] } }>(
      '{ relatedPractices(number: 1) { practice { number } score reasons } goodPractice(number: 1) { related { practice { number } score reasons } } }',
    ));
    expect(data.goodPractice.related).toEqual(data.relatedPractices);
  });
});

describe('paths', () => {
  it('are shortest, ordered from `from` to `to`, with relationships linking consecutive nodes', async () => {
    const paths = dataOf(await api.query<{ paths: { length: number; nodes: GraphNode[]; relationships: GraphEdge[] }[] }>(
      '{ paths(from: "gp:1", to: "gp:2", maxLength: 4, first: 5) { length nodes { id: nodeId type label } relationships { id: relationshipId source target type } } }',
    )).paths;
    expect(paths.length).toBeGreaterThan(0);
    const length = paths[0]?.length ?? 0;
    for (const path of paths) {
      expect(path.length).toBe(length);
      expect(path.nodes[0]?.id).toBe('gp:1');
      expect(path.nodes.at(-1)?.id).toBe('gp:2');
      path.relationships.forEach((relationship, index) => {
        const ends = [path.nodes[index]?.id, path.nodes[index + 1]?.id].sort();
        expect([relationship.source, relationship.target].sort()).toEqual(ends);
      });
    }
    // GP 2 step 1 follows "the steps described under Good Practice 1" (l. 450): one hop.
    expect(length).toBe(1);
    expect(paths[0]?.relationships[0]).toMatchObject({ source: 'gp:2', target: 'gp:1', type: 'REFERENCES' });
  });

  it('are empty when nothing links the nodes within maxLength, and unknown ids give none', async () => {
    const data = dataOf(await api.query<{ none: unknown[]; unknown: unknown[] }>(
      '{ none: paths(from: "gp:1", to: "gp:17/action:1", maxLength: 1) { length } unknown: paths(from: "gp:1", to: "gp:99") { length } }',
    ));
    expect(data).toEqual({ none: [], unknown: [] });
  });
});

describe('neighborhood', () => {
  it('returns the nodes within depth and every relationship between them', async () => {
    const subgraph = dataOf(await api.query<{ neighborhood: { nodes: GraphNode[]; edges: GraphEdge[] } }>(
      '{ neighborhood(id: "gp:2", depth: 1) { nodes { id: nodeId type label } edges { id: relationshipId source target type } } }',
    )).neighborhood;
    expect(subgraph.nodes[0]).toEqual({ id: 'gp:2', type: 'GoodPractice', label: 'GP 2: Enhance anti-corruption legislation by strengthening integrity in state i…' });
    const ids = new Set(subgraph.nodes.map((node) => node.id));
    expect(ids.has('area:A')).toBe(true);
    expect(ids.has('gp:2/step:1')).toBe(true);
    for (const edge of subgraph.edges) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
    // every neighbour is linked to the centre
    for (const node of subgraph.nodes.slice(1)) {
      expect(subgraph.edges.some((edge) => [edge.source, edge.target].includes(node.id) && [edge.source, edge.target].includes('gp:2'))).toBe(true);
    }
  });

  it('keeps only the asked relationship types and grows with depth', async () => {
    const data = dataOf(await api.query<{ one: { nodes: GraphNode[]; edges: GraphEdge[] }; two: { nodes: GraphNode[] } }>(
      `{ one: neighborhood(id: "gp:8", depth: 1, types: ["HAS_STEP"]) { nodes { id: nodeId type } edges { type } }
         two: neighborhood(id: "gp:8", depth: 2, types: ["HAS_STEP"]) { nodes { id: nodeId } } }`,
    ));
    expect(data.one.edges.every((edge) => edge.type === 'HAS_STEP')).toBe(true);
    expect(data.one.nodes.slice(1).every((node) => node.type === 'Step')).toBe(true);
    // depth 2 reaches GP 9 through the steps the two practices share
    expect(data.two.nodes.map((node) => node.id)).toContain('gp:9');
  });
});

describe.runIf(toolkitLoaded())('walking the real toolkit', () => {
  it('links GP 11 to the actor prison administration in one hop', async () => {
    const paths = dataOf(await api.query<{ paths: { length: number; relationships: { type: string }[] }[] }>(
      '{ paths(from: "gp:11", to: "actor:prison-administration") { length relationships { type } } }',
    )).paths;
    expect(paths[0]?.length).toBe(1);
    expect(paths[0]?.relationships[0]?.type).toBe('MENTIONS_ACTOR');
  });
});
