// The exports read by the graph tools people use, installed by the project
// itself: networkx and igraph (Python venv from PyPI), JGraphT (Maven
// Central; GraphML schema validation on). Every reader must find the node and
// relationship counts `dataset` reports and the graph ids the API uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver, testGraph } from '../../support/neo4j.js';
import { jgraphtClasspath, pythonWithReaders, readWithJGraphT, readWithPython } from '../../support/readers.js';
import { dataOf, startTestApi, type TestApi } from '../api/api-client.js';

let api: TestApi;
let dir: string;
let dataset: { nodeCount: number; relationshipCount: number };
const files: Record<'graphml' | 'gexf', string> = { graphml: '', gexf: '' };

beforeAll(async () => {
  // Installs and builds run synchronously, before the service starts in this process.
  pythonWithReaders();
  jgraphtClasspath();
  api = await startTestApi();
  dataset = dataOf(await api.query<{ dataset: typeof dataset }>('{ dataset { nodeCount relationshipCount } }')).dataset;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-export-readers-'));
  for (const kind of ['graphml', 'gexf'] as const) {
    const response = await fetch(`${api.origin}/export/graph.${kind}`);
    expect(response.status).toBe(200);
    files[kind] = path.join(dir, `graph.${kind}`);
    fs.writeFileSync(files[kind], Buffer.from(await response.arrayBuffer()));
  }
}, 300_000);

afterAll(async () => {
  await api?.close();
  await closeTestDriver();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const practiceId = () => testGraph().nodes.find((node) => node.labels.includes('GoodPractice'))!.id;
const deepId = () => testGraph().nodes.find((node) => node.id.includes('/'))!.id;

describe('exports in third-party graph libraries', () => {
  it('the dataset counts match the loaded graph file', () => {
    expect(dataset.nodeCount).toBe(testGraph().nodes.length);
    expect(dataset.relationshipCount).toBe(testGraph().relationships.length);
  });

  it('networkx and igraph read the GraphML with every node, relationship and graph id', async () => {
    const read = await readWithPython('graphml', files.graphml, [practiceId(), deepId()]);
    const ids = testGraph().nodes.map((node) => node.id).sort();
    expect(read.networkx.nodes).toBe(dataset.nodeCount);
    expect(read.networkx.edges).toBe(dataset.relationshipCount);
    expect(read.networkx.graph_ids).toEqual(ids);
    expect(read.networkx.sample[deepId()]?.['id']).toBe(deepId());
    expect(read.networkx.sample[practiceId()]?.['type']).toBe('GoodPractice');
    expect(read.igraph).toMatchObject({ nodes: dataset.nodeCount, edges: dataset.relationshipCount, directed: true });
    expect(read.igraph?.graph_ids).toEqual(ids);
  });

  it('networkx reads the GEXF with colours as r/g/b, positions and sizes', async () => {
    const read = await readWithPython('gexf', files.gexf, [practiceId()]);
    expect(read.networkx.nodes).toBe(dataset.nodeCount);
    expect(read.networkx.edges).toBe(dataset.relationshipCount);
    expect(read.networkx.graph_ids).toEqual(testGraph().nodes.map((node) => node.id).sort());
    const viz = read.networkx.sample[practiceId()]?.['viz'] as { color: Record<string, number>; position: Record<string, number>; size: number };
    expect(Object.keys(viz.color).sort()).toEqual(['a', 'b', 'g', 'r']);
    expect(Number.isFinite(viz.position['x']) && Number.isFinite(viz.position['y'])).toBe(true);
    expect(viz.size).toBeGreaterThan(4);
  });

  it('JGraphT reads the GraphML with schema validation on, and the GEXF', async () => {
    const graphml = await readWithJGraphT('graphml', files.graphml);
    expect(graphml.nodes).toBe(dataset.nodeCount);
    expect(graphml.edges).toBe(dataset.relationshipCount);
    expect(graphml.ids.sort()).toEqual(testGraph().nodes.map((node) => node.id).sort());
    const gexf = await readWithJGraphT('gexf', files.gexf);
    expect(gexf.nodes).toBe(dataset.nodeCount);
    expect(gexf.edges).toBe(dataset.relationshipCount);
  });

  it('JGraphT rejects a GraphML file that breaks the schema (the validation is on)', async () => {
    const broken = path.join(dir, 'broken.graphml');
    fs.writeFileSync(broken, fs.readFileSync(files.graphml, 'utf8').replace(/<node id="[^"]+"/, '<node id="gp:1/bad id"'));
    await expect(readWithJGraphT('graphml', broken)).rejects.toThrow(/NMTOKEN|not valid|cvc-/);
  });

  it('serves the GEXF layout computed once per dataset version: the same positions in every file', async () => {
    const again = await (await fetch(`${api.origin}/export/graph.gexf`)).text();
    expect(again).toBe(fs.readFileSync(files.gexf, 'utf8'));
    const centre = practiceId();
    const response = await fetch(`${api.origin}/export/graph.gexf?id=${encodeURIComponent(centre)}&depth=1`);
    const neighbourhood = await response.text();
    expect(response.status, neighbourhood.slice(0, 300)).toBe(200);
    const position = (text: string) => new RegExp(`<node id="${centre}"[^>]*>.*?(<viz:position [^>]+>)`).exec(text)?.[1];
    expect(position(neighbourhood)).toBeDefined();
    expect(position(neighbourhood)).toBe(position(again));
  });

  it('every reader sees the analytics_* figures the API gives, and their provenance', async () => {
    interface Score {
      node: { id: string };
      score: number;
      rank: number;
    }
    interface NodeFigures {
      pageRank: { score: number; rank: number };
      betweenness: { score: number; rank: number };
      community: { number: number };
    }
    const figuresQuery = 'analytics { pageRank { score rank } betweenness { score rank } community { number } }';
    const top = dataOf(
      await api.query<{ analytics: { datasetVersion: string; runs: { analysis: string; algorithm: string; parameters: unknown; gdsVersion: string }[]; pageRank: Score[]; betweenness: Score[] } }>(
        '{ analytics { datasetVersion runs { analysis algorithm parameters gdsVersion } pageRank: centrality(first: 5) { node { id } score rank } betweenness: centrality(measure: BETWEENNESS, first: 5) { node { id } score rank } } }',
      ),
    ).analytics;
    const actorId = testGraph().nodes.find((node) => node.labels.includes('Actor'))!.id;
    const instrumentId = testGraph().nodes.find((node) => node.labels.includes('Instrument'))!.id;
    const ids = [...new Set([...top.pageRank, ...top.betweenness].map((score) => score.node.id).concat(practiceId(), actorId, instrumentId))];
    const expected = new Map<string, Record<string, number>>();
    for (const id of ids) {
      const { node } = dataOf(
        await api.query<{ node: { analytics: NodeFigures | null } }>(
          `query ($id: ID!) { node(id: $id) { ... on GoodPractice { ${figuresQuery} } ... on Actor { ${figuresQuery} } ... on Instrument { ${figuresQuery} } } }`,
          { id },
        ),
      );
      const figures = node.analytics;
      if (!figures) continue;
      expected.set(id, {
        analytics_pageRank: figures.pageRank.score,
        analytics_pageRankRank: figures.pageRank.rank,
        analytics_betweenness: figures.betweenness.score,
        analytics_betweennessRank: figures.betweenness.rank,
        analytics_community: figures.community.number,
      });
    }
    expect(expected.size).toBeGreaterThanOrEqual(5);
    for (const score of top.pageRank) expect(expected.get(score.node.id)?.['analytics_pageRank']).toBe(score.score);
    const derived = (attributes: Record<string, unknown> | undefined) =>
      Object.fromEntries(Object.entries(attributes ?? {}).filter(([name]) => name.startsWith('analytics_')));

    const graphml = await readWithPython('graphml', files.graphml, [...expected.keys(), deepId()]);
    const gexf = await readWithPython('gexf', files.gexf, [...expected.keys(), deepId()]);
    const jgrapht = await readWithJGraphT('graphml', files.graphml);
    const jgraphtGexf = await readWithJGraphT('gexf', files.gexf);
    for (const [id, figures] of expected) {
      expect(derived(graphml.networkx.sample[id]), `networkx GraphML ${id}`).toEqual(figures);
      expect(derived(graphml.igraph?.sample[id]), `igraph ${id}`).toEqual(figures);
      expect(derived(gexf.networkx.sample[id]), `networkx GEXF ${id}`).toEqual(figures);
      for (const [reader, reading] of [['JGraphT GraphML', jgrapht], ['JGraphT GEXF', jgraphtGexf]] as const) {
        const read = reading.analytics[id] ?? {};
        expect(Object.fromEntries(Object.entries(read).map(([name, { value }]) => [name, Number(value)])), `${reader} ${id}`).toEqual(figures);
        expect(read['analytics_pageRank']?.type, reader).toBe('double');
        expect(read['analytics_community']?.type, reader).toBe('long');
      }
    }
    // A key action is outside the analytics graph: no value (igraph fills a typed column with NaN, read as null).
    expect(derived(graphml.networkx.sample[deepId()])).toEqual({});
    expect(Object.values(derived(graphml.igraph?.sample[deepId()])).every((value) => value === null)).toBe(true);
    expect(jgrapht.analytics[deepId()]).toBeUndefined();

    // Provenance: the GraphML graph data says which run made each column, as the API does
    // (networkx and igraph read graph-level data; JGraphT 1.5 does not pass it on).
    for (const text of [graphml.networkx.graph['analytics'], graphml.igraph?.graph['analytics']]) {
      const provenance = JSON.parse(String(text)) as { datasetVersion: string; runs: { analysis: string; algorithm: string; parameters: unknown; gdsVersion: string }[] };
      expect(provenance.datasetVersion).toBe(top.datasetVersion);
      for (const run of provenance.runs) {
        const served = top.runs.find((candidate) => candidate.analysis === run.analysis);
        expect({ algorithm: run.algorithm, parameters: run.parameters, gdsVersion: run.gdsVersion }).toEqual({
          algorithm: served?.algorithm,
          parameters: served?.parameters,
          gdsVersion: served?.gdsVersion,
        });
      }
      expect(provenance.runs.map((run) => run.analysis)).toEqual(['pageRank', 'betweenness', 'louvain']);
    }
    expect(graphml.networkx.graph['analytics']).toBe(graphml.igraph?.graph['analytics']);
  });

  it('lets browser apps on other origins fetch the exports (CORS)', async () => {
    const response = await fetch(`${api.origin}/export/practices.csv`, { headers: { origin: 'https://example.org' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/content-disposition/);
    const preflight = await fetch(`${api.origin}/export/graph.gexf`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
