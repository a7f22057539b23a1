// The loader against the real Neo4j: idempotent, atomic, and a graph file that
// does not match the source is refused before anything is written.
import { afterAll, describe, expect, it } from 'vitest';
import type { SerialisedGraph } from '../../../src/graph/serialised.js';
import { loadGraph, readDataset } from '../../../src/store/load.js';
import { migrate } from '../../../src/store/migrations.js';
import { closeTestDriver, restoreTestDataset, testDatabase, testDriver, testGraph } from '../../support/neo4j.js';

interface Snapshot {
  nodes: number;
  relationships: number;
  fingerprint: string;
}

/** Counts and a fingerprint of every node's and relationship's properties. */
async function snapshot(): Promise<Snapshot> {
  const session = testDriver().session({ database: testDatabase() });
  try {
    return await session.executeRead(async (tx) => {
      const nodes = await tx.run(
        "MATCH (n:Node) WITH n ORDER BY n.id RETURN count(n) AS count, collect(n.id + ':' + reduce(s = '', l IN labels(n) | s + l)) AS ids",
      );
      const relationships = await tx.run(
        "MATCH (a:Node)-[r]->(b:Node) WITH a, r, b ORDER BY a.id, type(r), b.id, r.id RETURN count(r) AS count, collect(a.id + type(r) + b.id + coalesce(r.id, '')) AS keys",
      );
      const properties = await tx.run('MATCH (n:Node) WITH n ORDER BY n.id RETURN collect(properties(n)) AS all');
      return {
        nodes: Number(nodes.records[0]!.get('count')),
        relationships: Number(relationships.records[0]!.get('count')),
        fingerprint: JSON.stringify([nodes.records[0]!.get('ids'), relationships.records[0]!.get('keys'), properties.records[0]!.get('all')]),
      };
    });
  } finally {
    await session.close();
  }
}

/** The same graph with one property added to its first node, under another version. */
function changedGraph(graph: SerialisedGraph): SerialisedGraph {
  const copy = structuredClone(graph);
  const first = copy.nodes[0]!;
  first.properties = { ...first.properties, changedByTest: true };
  copy.dataset = { ...copy.dataset, version: `${copy.dataset.version}-changed` };
  return copy;
}

afterAll(async () => {
  await restoreTestDataset();
  await closeTestDriver();
});

describe('loadGraph', () => {
  it('is idempotent: loading the same graph twice leaves the same nodes, relationships and properties', async () => {
    const graph = testGraph();
    await loadGraph(testDriver(), graph, { database: testDatabase() });
    const first = await snapshot();
    const report = await loadGraph(testDriver(), graph, { database: testDatabase() });
    const second = await snapshot();
    expect(second).toEqual(first);
    expect(first.nodes).toBe(graph.nodes.length);
    expect(first.relationships).toBe(graph.relationships.length);
    expect(report.nodesDeleted).toBe(0);
    expect(report.relationshipsDeleted).toBe(0);
  });

  it('is atomic: a failure half-way through leaves the previous dataset readable and unchanged', async () => {
    const graph = testGraph();
    await loadGraph(testDriver(), graph, { database: testDatabase() });
    const before = await snapshot();
    const datasetBefore = await readDataset(testDriver(), testDatabase());

    await expect(
      loadGraph(testDriver(), changedGraph(graph), {
        database: testDatabase(),
        batchSize: 5,
        onProgress: (progress) => {
          if (progress.phase === 'relationships' && progress.done > 0) throw new Error('injected failure');
        },
      }),
    ).rejects.toThrow('injected failure');

    expect(await snapshot()).toEqual(before);
    expect(await readDataset(testDriver(), testDatabase())).toEqual(datasetBefore);
  });

  it('replaces what changed and records the new version in the Dataset node', async () => {
    const graph = testGraph();
    const changed = changedGraph(graph);
    const report = await loadGraph(testDriver(), changed, { database: testDatabase() });
    const dataset = await readDataset(testDriver(), testDatabase());
    expect(dataset?.version).toBe(changed.dataset.version);
    expect(dataset?.nodeCount).toBe(graph.nodes.length);
    expect(report.nodeCount).toBe(graph.nodes.length);
    await restoreTestDataset();
    expect((await readDataset(testDriver(), testDatabase()))?.version).toBe(graph.dataset.version);
  });

  it('refuses a malformed graph before opening a transaction', async () => {
    const before = await snapshot();
    const broken = { ...testGraph(), relationships: [{ id: 'x', type: 'BAD TYPE', start: 'a', end: 'b', properties: {} }] };
    await expect(loadGraph(testDriver(), broken as SerialisedGraph, { database: testDatabase() })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe('migrate', () => {
  it('is a no-op the second time', async () => {
    const report = await migrate(testDriver(), { database: testDatabase() });
    expect(report.applied).toEqual([]);
    expect(report.skipped.length).toBeGreaterThan(0);
  });
});
