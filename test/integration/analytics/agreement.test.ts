// The stored analytics agree with an independent implementation (graphology)
// run on the same graph, read from Neo4j with plain Cypher rather than through
// the GDS projection: centrality within a tolerance, communities through
// modularity (labels differ between implementations), pairs exactly.
import Graph from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSES, ANALYTICS_NODE_LABELS, ANALYTICS_RELATIONSHIP_TYPES } from '../../../src/analytics/definitions.js';
import { closeTestDriver, testDatabase, testDriver } from '../../support/neo4j.js';

type UndirectedGraph = InstanceType<typeof Graph.UndirectedGraph>;

/** These packages are CommonJS typed as ES modules: at run time the module is the function, for TypeScript its `default`. */
function callable<T>(module: { default: T }): T {
  return (module as { default?: T }).default ?? (module as unknown as T);
}
const pagerank = callable(pagerankModule);
const betweennessCentrality = callable(betweennessModule);
const modularity = callable(modularityModule);
const louvain = callable(louvainModule);

let graph: UndirectedGraph;
const scores = new Map<string, Map<string, number>>();
let statistics: Map<string, Record<string, unknown>>;
let pairs: { analysis: string; a: string; b: string; weight: number; practiceIds: string[] }[];

async function read<T>(cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await testDriver().executeQuery(cypher, parameters, { database: testDatabase(), routing: 'READ' });
  return records.map((record) => record.toObject() as T);
}

beforeAll(async () => {
  // The analytics graph as the definitions describe it: practices, actors, instruments, one undirected link per linked pair.
  const links = await read<{ a: string; b: string }>(
    `MATCH (p:GoodPractice)-[r]-(o) WHERE type(r) IN $types AND any(label IN labels(o) WHERE label IN $labels)
     RETURN p.id AS a, o.id AS b`,
    { types: ANALYTICS_RELATIONSHIP_TYPES, labels: ANALYTICS_NODE_LABELS },
  );
  graph = new Graph.UndirectedGraph();
  for (const { a, b } of links) {
    if (a === b) continue;
    graph.mergeNode(a);
    graph.mergeNode(b);
    graph.mergeEdge(a, b);
  }
  const stored = await read<{ analysis: string; nodeId: string; value: number | null; community: { toNumber(): number } | null }>(
    'MATCH (s:AnalyticsScore), (d:Dataset) WHERE s.datasetVersion = d.version RETURN s.analysis AS analysis, s.nodeId AS nodeId, s.value AS value, s.community AS community',
  );
  for (const row of stored) {
    const map = scores.get(row.analysis) ?? new Map<string, number>();
    map.set(row.nodeId, row.community !== null ? row.community.toNumber() : row.value!);
    scores.set(row.analysis, map);
  }
  const runs = await read<{ analysis: string; statistics: string }>(
    'MATCH (r:AnalyticsRun), (d:Dataset) WHERE r.datasetVersion = d.version RETURN r.analysis AS analysis, r.statistics AS statistics',
  );
  statistics = new Map(runs.map((run) => [run.analysis, JSON.parse(run.statistics) as Record<string, unknown>]));
  pairs = await read(
    'MATCH (p:AnalyticsPair), (d:Dataset) WHERE p.datasetVersion = d.version RETURN p.analysis AS analysis, p.a AS a, p.b AS b, p.weight AS weight, p.practiceIds AS practiceIds',
  );
  pairs = pairs.map((pair) => ({ ...pair, weight: Number(pair.weight), practiceIds: pair.practiceIds ?? [] }));
});

afterAll(closeTestDriver);

describe('network analytics against graphology on the same graph', () => {
  it('scores exactly the nodes of the analytics graph', () => {
    expect(graph.order).toBeGreaterThan(100);
    for (const analysis of ['pageRank', 'betweenness', 'louvain']) {
      expect([...scores.get(analysis)!.keys()].sort()).toEqual(graph.nodes().sort());
      expect(statistics.get(analysis)).toMatchObject({ nodeCount: graph.order, relationshipCount: 2 * graph.size });
    }
  });

  it('PageRank agrees within 1e-6 once both are normalised, with the same ranking at the top', () => {
    const { dampingFactor } = ANALYSES.pageRank.parameters;
    const expected = pagerank(graph, { alpha: dampingFactor, maxIterations: 1000, tolerance: 1e-10, getEdgeWeight: null });
    const stored = scores.get('pageRank')!;
    const total = [...stored.values()].reduce((sum, value) => sum + value, 0);
    for (const [id, value] of stored) expect(Math.abs(value / total - expected[id]!)).toBeLessThan(1e-6);
    const top = (entries: [string, number][]) => entries.sort((x, y) => y[1] - x[1]).slice(0, 10).map(([id]) => id);
    expect(top([...stored])).toEqual(top(Object.entries(expected)));
    expect(statistics.get('pageRank')).toMatchObject({ didConverge: true });
  });

  it('betweenness agrees within a relative 1e-9 (exact, undirected)', () => {
    const expected = betweennessCentrality(graph, { normalized: false, getEdgeWeight: null });
    for (const [id, value] of scores.get('betweenness')!) {
      expect(Math.abs(value - expected[id]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected[id]!));
    }
  });

  it('Louvain communities are as modular as graphology-communities-louvain finds, and the stored modularity is their own', () => {
    const community = scores.get('louvain')!;
    const ours = modularity(graph, { getNodeCommunity: (node: string) => community.get(node)!, getEdgeWeight: null });
    expect(ours).toBeCloseTo(statistics.get('louvain')!['modularity'] as number, 9);
    let seed = 42;
    const rng = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const reference = louvain.detailed(graph, { getEdgeWeight: null, rng });
    expect(ours).toBeGreaterThan(0.3);
    expect(ours).toBeGreaterThanOrEqual(reference.modularity - 0.02);
    // Numbered by size: community 1 is the largest.
    const sizes = new Map<number, number>();
    for (const number of community.values()) sizes.set(number, (sizes.get(number) ?? 0) + 1);
    const ordered = [...sizes].sort((x, y) => x[0] - y[0]).map(([, size]) => size);
    expect(ordered).toEqual([...ordered].sort((x, y) => y - x));
  });

  it('node similarity is the Jaccard similarity of the actors and instruments practices share', async () => {
    const features = await read<{ p: string; o: string[] }>(
      "MATCH (p:GoodPractice)-[:MENTIONS_ACTOR|CITES]->(o) WHERE o:Actor OR o:Instrument RETURN p.id AS p, collect(DISTINCT o.id) AS o",
    );
    const sets = new Map(features.map(({ p, o }) => [p, new Set(o)]));
    const expected = new Map<string, number>();
    const ids = [...sets.keys()];
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const x = sets.get(a)!;
        const y = sets.get(b)!;
        const shared = [...x].filter((item) => y.has(item)).length;
        if (shared > 0) expected.set([a, b].sort().join('|'), shared / (x.size + y.size - shared));
      }
    }
    const similarity = pairs.filter((pair) => pair.analysis === 'nodeSimilarity');
    expect(similarity.length).toBe(expected.size);
    for (const pair of similarity) expect(pair.weight).toBeCloseTo(expected.get([pair.a, pair.b].sort().join('|'))!, 9);
  });

  it('co-citation and co-occurrence weights count the practices that make each pair, and every such pair is there', async () => {
    for (const [analysis, relationship, label] of [
      ['instrumentCoCitation', 'CITES', 'Instrument'],
      ['actorCoOccurrence', 'MENTIONS_ACTOR', 'Actor'],
    ] as const) {
      const evidence = await read<{ a: string; b: string; practices: string[] }>(
        `MATCH (a:${label})<-[:${relationship}]-(p:GoodPractice)-[:${relationship}]->(b:${label}) WHERE a.id < b.id
         RETURN a.id AS a, b.id AS b, collect(DISTINCT p.id) AS practices`,
      );
      const stored = pairs.filter((pair) => pair.analysis === analysis);
      expect(stored.length).toBe(evidence.length);
      const byPair = new Map(stored.map((pair) => [[pair.a, pair.b].sort().join('|'), pair]));
      for (const { a, b, practices } of evidence) {
        const pair = byPair.get(`${a}|${b}`)!;
        expect(pair.weight).toBe(practices.length);
        expect([...pair.practiceIds].sort()).toEqual([...practices].sort());
      }
    }
  });
});
