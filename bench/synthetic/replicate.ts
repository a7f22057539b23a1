// Synthetic graphs with the toolkit's shape: the real graph replicated `factor` times,
// each copy with renumbered ids, so labels, properties and relationship types are unchanged
// and the per-label / per-type ratios stay those of the toolkit.
import type { SerialisedGraph, SerialisedNode, SerialisedRelationship } from '../../src/graph/serialised.js';

/** Id of `id` in copy `copy`; copy 0 keeps the original ids. */
export function replicaId(id: string, copy: number): string {
  return copy === 0 ? id : `${id}~r${copy}`;
}

export function replicateGraph(graph: SerialisedGraph, factor: number): SerialisedGraph {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new Error(`replication factor must be a positive integer, got ${factor}`);
  }
  const nodes: SerialisedNode[] = [];
  const relationships: SerialisedRelationship[] = [];
  for (let copy = 0; copy < factor; copy += 1) {
    for (const node of graph.nodes) {
      nodes.push({ id: replicaId(node.id, copy), labels: [...node.labels], properties: { ...node.properties } });
    }
    for (const rel of graph.relationships) {
      relationships.push({
        id: replicaId(rel.id, copy),
        type: rel.type,
        start: replicaId(rel.start, copy),
        end: replicaId(rel.end, copy),
        properties: { ...rel.properties },
      });
    }
  }
  return {
    format: graph.format,
    dataset: { ...graph.dataset, version: `${graph.dataset.version}x${factor}` },
    nodes,
    relationships,
  };
}
