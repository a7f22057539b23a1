// Subgraphs for graph tools: the neighbourhood of a node (one statement,
// shared by the GraphQL `neighborhood` field and the /export routes) and the
// whole graph. Nodes and relationships are read with the projection asked.
import type { NodePlan } from './plan.js';
import { projection } from './plan.js';
import type { GraphReader } from './reader.js';
import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord, type Projected } from './values.js';

export const MIN_NEIGHBOURHOOD_DEPTH = 1;
export const MAX_NEIGHBOURHOOD_DEPTH = 3;

export interface SubgraphRecord {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export interface SubgraphPlan {
  node: NodePlan;
  /** Relationship properties to read ('*' = all, [] = only id, type and ends). */
  edgeKeys: Projected;
}

function edgeMap(edgeKeys: Projected): string {
  const keys = edgeKeys === '*' ? ['.*'] : ['.id', ...edgeKeys.filter((key) => key !== 'id').map((key) => `.${key}`)];
  return `r{${[...keys, '__type: type(r)', '__start: a.id', '__end: b.id'].join(', ')}}`;
}

/**
 * The statement for one neighbourhood. Relationship types come from the graph
 * model (validated before) and the depth is a validated integer, so both can
 * be spliced into the pattern, where the planner expands with pruning.
 */
export function neighbourhoodStatement(depth: number, types: readonly string[] | null, plan: SubgraphPlan): string {
  if (!Number.isInteger(depth) || depth < MIN_NEIGHBOURHOOD_DEPTH || depth > MAX_NEIGHBOURHOOD_DEPTH) {
    throw new RangeError(`depth must be an integer from ${MIN_NEIGHBOURHOOD_DEPTH} to ${MAX_NEIGHBOURHOOD_DEPTH}`);
  }
  for (const type of types ?? []) if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`"${type}" is not a relationship type`);
  const typeList = types && types.length > 0 ? `:${types.join('|')}` : '';
  return `MATCH (centre:Node {id: $id})
MATCH (centre)-[${typeList}*0..${depth}]-(x:Node)
WITH collect(DISTINCT x) AS found
CALL (found) {
  UNWIND found AS a
  MATCH (a)-[r${typeList}]->(b:Node)
  WHERE b IN found
  RETURN collect(${edgeMap(plan.edgeKeys)}) AS rels
}
RETURN [x IN found | ${projection(plan.node, 'x')}] AS nodes, rels`;
}

function toSubgraph(rawNodes: unknown[], rawEdges: unknown[], plan: SubgraphPlan): SubgraphRecord {
  const nodes = rawNodes.map((raw) => toNodeRecord(raw as Record<string, unknown>, plan.node.keys));
  const edges = rawEdges.map((raw) => {
    const map = raw as Record<string, unknown>;
    return toEdgeRecord(map, String(map['__type']), String(map['__start']), String(map['__end']), plan.edgeKeys);
  });
  return { nodes, edges };
}

/**
 * Nodes within `depth` hops of `centre` (either direction, optionally only
 * over `types`) and every relationship between two of them; the centre first,
 * then by id. An unknown centre gives an empty subgraph.
 */
export async function readNeighbourhood(
  reader: GraphReader,
  centre: string,
  depth: number,
  types: readonly string[] | null,
  plan: SubgraphPlan,
): Promise<SubgraphRecord> {
  const [row] = await reader.read<{ nodes: unknown[]; rels: unknown[] }>(neighbourhoodStatement(depth, types, plan), { id: centre });
  if (!row) return { nodes: [], edges: [] };
  const graph = toSubgraph(row.get('nodes'), row.get('rels'), plan);
  graph.nodes.sort((a, b) => (a.id === centre ? -1 : b.id === centre ? 1 : a.id.localeCompare(b.id)));
  graph.edges.sort((a, b) => a.id.localeCompare(b.id));
  return graph;
}

export function wholeGraphStatement(plan: SubgraphPlan): string {
  return `CALL () { MATCH (x:Node) WITH x ORDER BY x.id RETURN collect(${projection(plan.node, 'x')}) AS nodes }
CALL () { MATCH (a:Node)-[r]->(b:Node) RETURN collect(${edgeMap(plan.edgeKeys)}) AS rels }
RETURN nodes, rels`;
}

/** Every node and relationship of the toolkit graph, by id. */
export async function readWholeGraph(reader: GraphReader, plan: SubgraphPlan): Promise<SubgraphRecord> {
  const [row] = await reader.read<{ nodes: unknown[]; rels: unknown[] }>(wholeGraphStatement(plan));
  if (!row) return { nodes: [], edges: [] };
  const graph = toSubgraph(row.get('nodes'), row.get('rels'), plan);
  graph.edges.sort((a, b) => a.id.localeCompare(b.id));
  return graph;
}

/** Everything stored: what the exports write. */
export const ALL_PROPERTIES: SubgraphPlan = { node: { keys: '*', links: [] }, edgeKeys: '*' };
