// The subgraph around a node: every node within `depth` hops (either
// direction, optionally only over some relationship types) and every
// relationship between those nodes.
import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';
import type { GraphReader } from '../graph-reader.js';
import type { SubgraphRecord } from '../model.js';
import { toEdgeRecord, toNodeRecord } from '../neo4j-values.js';

export const MAX_NEIGHBORHOOD_DEPTH = 3;

interface NeighborhoodRow {
  nodes: Neo4jNode[];
  rels: { r: Relationship; startId: string; endId: string }[];
}

export async function readNeighborhood(
  reader: GraphReader,
  id: string,
  depth: number,
  types: readonly string[] | null,
): Promise<SubgraphRecord> {
  // depth is a validated integer (1..MAX_NEIGHBORHOOD_DEPTH): a variable-length bound cannot be a parameter.
  const records = await reader.read<NeighborhoodRow>(
    `MATCH (centre:Node {id: $id})
MATCH (centre)-[path*0..${depth}]-(x:Node)
WHERE $types IS NULL OR all(r IN path WHERE type(r) IN $types)
WITH collect(DISTINCT x) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Node)
  WHERE b IN nodes AND ($types IS NULL OR type(r) IN $types)
  RETURN collect({r: r, startId: a.id, endId: b.id}) AS rels
}
RETURN nodes, rels`,
    { id, types },
  );
  const record = records[0];
  if (!record) return { nodes: [], edges: [] };
  const nodes = record.get('nodes').map(toNodeRecord).sort((a, b) => (a.id === id ? -1 : b.id === id ? 1 : a.id.localeCompare(b.id)));
  const edges = record
    .get('rels')
    .map((rel) => toEdgeRecord(rel.r, rel.startId, rel.endId))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { nodes, edges };
}
