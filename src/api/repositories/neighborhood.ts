// The subgraph around a node: every node within `depth` hops (either
// direction, optionally only over some relationship types) and every
// relationship between those nodes.
import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';
import type { GraphReader } from '../graph-reader.js';
import type { SubgraphRecord } from '../model.js';
import { toEdgeRecord, toNodeRecord } from '../neo4j-values.js';
import type { RelationshipType } from './links.js';

export const MAX_NEIGHBORHOOD_DEPTH = 3;

interface NeighborhoodRow {
  nodes: Neo4jNode[];
  rels: { r: Relationship; startId: string; endId: string }[];
}

/**
 * The statement for one neighbourhood. Relationship types come from the
 * validated RELATIONSHIP_TYPES list and the depth is a validated integer, so
 * both can be spliced into the pattern, where the planner expands with pruning.
 */
export function neighborhoodStatement(depth: number, types: readonly RelationshipType[] | null): string {
  const typeList = types && types.length > 0 ? `:${types.join('|')}` : '';
  return `MATCH (centre:Node {id: $id})
MATCH (centre)-[${typeList}*0..${depth}]-(x:Node)
WITH collect(DISTINCT x) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r${typeList}]->(b:Node)
  WHERE b IN nodes
  RETURN collect({r: r, startId: a.id, endId: b.id}) AS rels
}
RETURN nodes, rels`;
}

export async function readNeighborhood(
  reader: GraphReader,
  id: string,
  depth: number,
  types: readonly RelationshipType[] | null,
): Promise<SubgraphRecord> {
  const records = await reader.read<NeighborhoodRow>(neighborhoodStatement(depth, types), { id });
  const record = records[0];
  if (!record) return { nodes: [], edges: [] };
  const nodes = record.get('nodes').map(toNodeRecord).sort((a, b) => (a.id === id ? -1 : b.id === id ? 1 : a.id.localeCompare(b.id)));
  const edges = record
    .get('rels')
    .map((rel) => toEdgeRecord(rel.r, rel.startId, rel.endId))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { nodes, edges };
}
