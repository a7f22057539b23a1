// Relationships of many nodes at once: one statement for one relationship type
// in one direction, whatever the number of nodes (the batch of a DataLoader).
import type { GraphReader } from '../graph-reader.js';
import type { EdgeRecord, NodeRecord } from '../model.js';
import { toEdgeRecord, toNodeRecord } from '../neo4j-values.js';
import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';

/** Relationship types of the graph (docs/graph-format.md). */
export const RELATIONSHIP_TYPES = [
  'HAS_SECTION',
  'HAS_AREA',
  'HAS_PRACTICE',
  'HAS_KEY_ACTION',
  'HAS_STEP',
  'IN_ACTION',
  'MENTIONS_ACTOR',
  'BROADER',
  'CITES',
  'HAS_EXAMPLE',
  'LOCATED_IN',
  'RUN_BY',
  'REFERENCES',
  'MERGED_WITH',
  'HAS_FOOTNOTE',
  'OF_FAMILY',
  'HAS_NOTION',
  'ASSOCIATED_WITH',
  'HAS_MEETING',
  'HAS_WATCH_POINT',
  'HAS_CONCEPT',
] as const;

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
export type Direction = 'out' | 'in';

export function isRelationshipType(type: string): type is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(type);
}

/** A relationship seen from one of its nodes: the relationship and the node at the other end. */
export interface Link {
  edge: EdgeRecord;
  node: NodeRecord;
}

interface LinkRow {
  key: string;
  r: Relationship;
  startId: string;
  endId: string;
  other: Neo4jNode;
}

// Outgoing lists follow the stored `order` (steps, mentions, citations in
// source order); incoming lists follow the other node's number or name.
const ORDER: Record<Direction, string> = {
  out: 'r.order, other.number, other.order, other.name, other.title, other.id',
  in: 'other.number, other.order, other.name, other.title, r.order, other.id',
};

function statement(type: RelationshipType, direction: Direction): string {
  // The type comes from RELATIONSHIP_TYPES, never from a client, so it can be spliced in.
  const pattern = direction === 'out' ? `(n)-[r:${type}]->(other:Node)` : `(n)<-[r:${type}]-(other:Node)`;
  // UNWIND + property match seeks the unique id index per key; `n.id IN $ids`
  // followed by an expansion is planned as a scan of the whole index.
  return `UNWIND $ids AS id
MATCH (n:Node {id: id})
MATCH ${pattern}
RETURN n.id AS key, r, startNode(r).id AS startId, endNode(r).id AS endId, other
ORDER BY key, ${ORDER[direction]}`;
}

export async function readLinks(
  reader: GraphReader,
  type: RelationshipType,
  direction: Direction,
  ids: readonly string[],
): Promise<Link[][]> {
  const records = await reader.read<LinkRow>(statement(type, direction), { ids: [...new Set(ids)] });
  const byId = new Map<string, Link[]>();
  for (const record of records) {
    const key = record.get('key');
    const link: Link = {
      edge: toEdgeRecord(record.get('r'), record.get('startId'), record.get('endId')),
      node: toNodeRecord(record.get('other')),
    };
    const list = byId.get(key);
    if (list) list.push(link);
    else byId.set(key, [link]);
  }
  return ids.map((id) => byId.get(id) ?? []);
}
