// Shortest paths between two nodes over any relationship, in either direction.
import { projection, type NodePlan } from '../../graph/plan.js';
import type { GraphReader } from '../../graph/reader.js';
import { toEdgeRecord, toNodeRecord, type Projected } from '../../graph/values.js';
import type { PathRecord } from '../model.js';

export const MAX_PATH_LENGTH = 6;
/** Paths read before sorting, so the `first` returned are stable. */
const PATH_CANDIDATES = 200;

function pathKey(path: PathRecord): string {
  return path.nodes.map((node) => node.id).join(' ');
}

export function pathsStatement(maxLength: number, plan: NodePlan, edgeKeys: Projected): string {
  if (!Number.isInteger(maxLength) || maxLength < 0 || maxLength > MAX_PATH_LENGTH) throw new RangeError('maxLength out of range');
  const edge = edgeKeys === '*' ? '.*' : ['.id', ...edgeKeys.map((key) => `.${key}`)].join(', ');
  // maxLength is a validated integer: a variable-length bound cannot be a parameter.
  if (maxLength === 0) return `MATCH (x:Node {id: $from}) RETURN [${projection(plan, 'x')}] AS nodes, [] AS rels`;
  return `MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[*..${maxLength}]-(b))
WITH p LIMIT ${PATH_CANDIDATES}
RETURN [x IN nodes(p) | ${projection(plan, 'x')}] AS nodes,
  [r IN relationships(p) | r{${edge}, __type: type(r), __start: startNode(r).id, __end: endNode(r).id}] AS rels`;
}

export async function readShortestPaths(
  reader: GraphReader,
  from: string,
  to: string,
  maxLength: number,
  first: number,
  plan: NodePlan,
  edgeKeys: Projected,
): Promise<PathRecord[]> {
  const records = await reader.read<{ nodes: unknown[]; rels: unknown[] }>(pathsStatement(from === to ? 0 : maxLength, plan, edgeKeys), {
    from,
    to,
  });
  const paths = records.map((record) => ({
    nodes: record.get('nodes').map((raw) => toNodeRecord(raw as Record<string, unknown>, plan.keys)),
    relationships: record.get('rels').map((raw) => {
      const map = raw as Record<string, unknown>;
      return toEdgeRecord(map, String(map['__type']), String(map['__start']), String(map['__end']), edgeKeys);
    }),
  }));
  return paths.sort((a, b) => pathKey(a).localeCompare(pathKey(b))).slice(0, first);
}
