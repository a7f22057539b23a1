// Shortest paths between two nodes over any relationship, in either direction.
import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';
import type { GraphReader } from '../graph-reader.js';
import type { PathRecord } from '../model.js';
import { toEdgeRecord, toNodeRecord } from '../neo4j-values.js';
import { readNodesById } from './nodes.js';

export const MAX_PATH_LENGTH = 6;
/** Paths read before sorting, so the `first` returned are stable. */
const PATH_CANDIDATES = 200;

interface PathRow {
  nodes: Neo4jNode[];
  rels: { r: Relationship; startId: string; endId: string }[];
}

function pathKey(path: PathRecord): string {
  return path.nodes.map((node) => node.id).join(' ');
}

export async function readShortestPaths(
  reader: GraphReader,
  from: string,
  to: string,
  maxLength: number,
  first: number,
): Promise<PathRecord[]> {
  if (from === to) {
    const [node] = await readNodesById(reader, [from]);
    return node ? [{ nodes: [node], relationships: [] }] : [];
  }
  // maxLength is a validated integer (1..MAX_PATH_LENGTH): a variable-length bound cannot be a parameter.
  const records = await reader.read<PathRow>(
    `MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[*..${maxLength}]-(b))
WITH p LIMIT ${PATH_CANDIDATES}
RETURN nodes(p) AS nodes, [r IN relationships(p) | {r: r, startId: startNode(r).id, endId: endNode(r).id}] AS rels`,
    { from, to },
  );
  const paths = records.map((record) => ({
    nodes: record.get('nodes').map(toNodeRecord),
    relationships: record.get('rels').map((rel) => toEdgeRecord(rel.r, rel.startId, rel.endId)),
  }));
  return paths.sort((a, b) => pathKey(a).localeCompare(pathKey(b))).slice(0, first);
}
