// Reads the whole graph, or the neighbourhood of one node, from Neo4j in read
// transactions with parameterised Cypher.
import { SEARCH_VARIANTS_PROPERTY } from '../search/spelling-variants.js';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { ExportEdge, ExportGraph, ExportNode } from './export-graph.js';
import { labelForNode } from './node-style.js';
import { toPlainValue, toProperties } from './neo4j-values.js';

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 3;

/** The requested centre node does not exist. */
export class UnknownNodeError extends Error {
  constructor(readonly nodeId: string) {
    super(`No node with id "${nodeId}" in the graph`);
    this.name = 'UnknownNodeError';
  }
}

export interface GraphSource {
  driver: Driver;
  database?: string;
}

const NODE_FIELDS = 'n.id AS id, labels(n) AS labels, properties(n) AS properties';
const EDGE_FIELDS =
  'coalesce(r.id, elementId(r)) AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties';

function toNode(record: { get(key: string): unknown }): ExportNode {
  const id = String(toPlainValue(record.get('id')));
  const labels = (toPlainValue(record.get('labels')) as string[]).filter((label) => label !== 'Node').sort();
  const properties = toProperties(record.get('properties'));
  delete properties['id'];
  // Derived at load time for the full-text indexes; not part of the toolkit's data.
  delete properties[SEARCH_VARIANTS_PROPERTY];
  const type = labels[0] ?? 'Node';
  return { id, type, labels, label: labelForNode(type, id, properties), properties };
}

function toEdge(record: { get(key: string): unknown }): ExportEdge {
  const properties = toProperties(record.get('properties'));
  delete properties['id'];
  return {
    id: String(toPlainValue(record.get('id'))),
    type: String(toPlainValue(record.get('type'))),
    source: String(toPlainValue(record.get('source'))),
    target: String(toPlainValue(record.get('target'))),
    properties,
  };
}

const byId = <T extends { id: string }>(left: T, right: T): number =>
  left.id < right.id ? -1 : left.id > right.id ? 1 : 0;

async function inReadSession<T>(source: GraphSource, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = source.driver.session({
    defaultAccessMode: neo4j.session.READ,
    ...(source.database ? { database: source.database } : {}),
  });
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

export async function readWholeGraph(source: GraphSource): Promise<ExportGraph> {
  return inReadSession(source, async (tx) => {
    const nodes = await tx.run(`MATCH (n:Node) RETURN ${NODE_FIELDS}`);
    const edges = await tx.run(`MATCH (a:Node)-[r]->(b:Node) RETURN ${EDGE_FIELDS}`);
    return {
      scope: { kind: 'whole' },
      nodes: nodes.records.map(toNode).sort(byId),
      edges: edges.records.map(toEdge).sort(byId),
    };
  });
}

/** Validates a depth given as a query-string value; returns an error message or the depth. */
export function parseDepth(raw: unknown): number | string {
  if (raw === undefined || raw === '') return MIN_DEPTH;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return `depth must be an integer from ${MIN_DEPTH} to ${MAX_DEPTH}`;
  const depth = Number(raw);
  if (depth < MIN_DEPTH || depth > MAX_DEPTH) return `depth must be an integer from ${MIN_DEPTH} to ${MAX_DEPTH}`;
  return depth;
}

/**
 * Nodes within `depth` hops of `centre` (relationships followed in either
 * direction) and every relationship between two of those nodes.
 */
export async function readNeighbourhood(source: GraphSource, centre: string, depth: number): Promise<ExportGraph> {
  if (!Number.isInteger(depth) || depth < MIN_DEPTH || depth > MAX_DEPTH) {
    throw new RangeError(`depth must be an integer from ${MIN_DEPTH} to ${MAX_DEPTH}`);
  }
  return inReadSession(source, async (tx) => {
    const found = await tx.run('MATCH (n:Node {id: $id}) RETURN n.id AS id', { id: centre });
    if (found.records.length === 0) throw new UnknownNodeError(centre);
    const reached = new Set<string>([centre]);
    let frontier = [centre];
    for (let hop = 0; hop < depth && frontier.length > 0; hop += 1) {
      const next = await tx.run(
        'UNWIND $ids AS id MATCH (:Node {id: id})--(m:Node) RETURN DISTINCT m.id AS id',
        { ids: frontier },
      );
      frontier = [];
      for (const record of next.records) {
        const id = String(toPlainValue(record.get('id')));
        if (!reached.has(id)) {
          reached.add(id);
          frontier.push(id);
        }
      }
    }
    const ids = [...reached];
    const nodes = await tx.run(`MATCH (n:Node) WHERE n.id IN $ids RETURN ${NODE_FIELDS}`, { ids });
    const edges = await tx.run(
      `MATCH (a:Node)-[r]->(b:Node) WHERE a.id IN $ids AND b.id IN $ids RETURN ${EDGE_FIELDS}`,
      { ids },
    );
    return {
      scope: { kind: 'neighbourhood', centre, depth },
      nodes: nodes.records.map(toNode).sort(byId),
      edges: edges.records.map(toEdge).sort(byId),
    };
  });
}
