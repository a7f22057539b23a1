// What clients read is what the toolkit printed and what the exports say:
// web addresses as printed, one label per node across the API and the exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, type TestApi } from '../api/api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

describe('values as printed', () => {
  it('serves web addresses as the toolkit printed them (the URL scalar does not rewrite them)', async () => {
    const data = dataOf(await api.query<{ footnote: { urls: string[] } }>('{ footnote(number: 4) { urls } }'));
    expect(data.footnote.urls).toContain('http://www.theGCTF.org');
  });

  it('labels a node the same in the API (GraphNode.label) and in the exports', async () => {
    const subgraph = dataOf(
      await api.query<{ neighborhood: { nodes: { nodeId: string; label: string }[] } }>('{ neighborhood(id: "gp:17") { nodes { nodeId label } } }'),
    ).neighborhood;
    const exported = (await (await fetch(`${api.origin}/export/graph.cyjs?id=gp:17&depth=1`)).json()) as {
      elements: { nodes: { data: { id: string; label: string } }[] };
    };
    const exportLabels = new Map(exported.elements.nodes.map((node) => [node.data.id, node.data.label]));
    expect(subgraph.nodes.length).toBeGreaterThan(5);
    for (const node of subgraph.nodes) expect(exportLabels.get(node.nodeId), node.nodeId).toBe(node.label);
  });
});
