import { describe, expect, it } from 'vitest';
import { replicateGraph } from '../../../bench/synthetic/replicate.js';
import type { SerialisedGraph } from '../../../src/graph/serialised.js';

const graph: SerialisedGraph = {
  format: 'nexus-graph/1',
  dataset: { version: 'v', sourceSha256: 's', sourcePath: 'p' },
  nodes: [
    { id: 'a', labels: ['Practice'], properties: { number: 1 } },
    { id: 'b', labels: ['Actor'], properties: { name: 'x' } },
  ],
  relationships: [{ id: 'r', type: 'INVOLVES', start: 'a', end: 'b', properties: {} }],
};

describe('replicateGraph', () => {
  it('keeps the shape ratios and renumbers ids uniquely', () => {
    const big = replicateGraph(graph, 10);
    expect(big.nodes).toHaveLength(20);
    expect(big.relationships).toHaveLength(10);
    expect(new Set(big.nodes.map((n) => n.id)).size).toBe(20);
    const ids = new Set(big.nodes.map((n) => n.id));
    expect(big.relationships.every((r) => ids.has(r.start) && ids.has(r.end))).toBe(true);
    expect(big.nodes.filter((n) => n.labels.includes('Practice'))).toHaveLength(10);
  });
  it('refuses a bad factor', () => {
    expect(() => replicateGraph(graph, 0)).toThrow(/positive integer/);
  });
});
