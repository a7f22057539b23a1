// Loads a serialised graph into Neo4j in ONE write transaction: a failure at
// any point (error, killed process, lost connection) rolls everything back and
// the previously loaded dataset stays as it was. Loading the same graph twice
// leaves the same nodes, relationships and properties: nodes and relationships
// are MERGEd by id, their properties replaced, and whatever the new graph no
// longer holds is removed.
import { DATASET_KEY, readCurrentDataset, type DatasetRecord } from '../graph/dataset.js';
import { Neo4jGraphReader } from '../graph/reader.js';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Properties, PropertyValue, SerialisedGraph, SerialisedNode, SerialisedRelationship } from '../graph/serialised.js';
import { DEFAULT_DATABASE } from './config.js';
import { DERIVED_LABEL_LIST } from '../analytics/definitions.js';
import { assertLoadableGraph } from './graph-file.js';
import { SEARCH_VARIANTS_PROPERTY, searchVariantsOf } from '../search/spelling-variants.js';

const DEFAULT_BATCH_SIZE = 500;
/** Server-side timeout of the load transaction. */
export const LOAD_TIMEOUT_MS = 30 * 60_000;

export interface LoadProgress {
  phase: 'cleanup' | 'nodes' | 'relationships' | 'dataset';
  done: number;
  total: number;
}

export interface LoadOptions {
  database?: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
  /** Called after each batch, inside the transaction; a throw aborts (and rolls back) the load. */
  onProgress?: (progress: LoadProgress) => void | Promise<void>;
}

export interface LoadReport {
  version: string;
  sourceSha256: string;
  loadedAt: string;
  nodeCount: number;
  relationshipCount: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
  durationMs: number;
}

export class LoadError extends Error {
  override name = 'LoadError';
}

type Neo4jValue = string | boolean | number | ReturnType<typeof neo4j.int> | string[] | number[] | ReturnType<typeof neo4j.int>[];

/** Whole numbers become Neo4j INTEGER (a plain JS number would be stored as FLOAT). */
function toNeo4jValue(value: PropertyValue): Neo4jValue {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'number') {
    const numbers = value as number[];
    return numbers.every(Number.isInteger) ? numbers.map((n) => neo4j.int(n)) : numbers;
  }
  return value;
}

function toNeo4jProperties(id: string, properties: Properties): Record<string, Neo4jValue> {
  const converted: Record<string, Neo4jValue> = {};
  for (const [key, value] of Object.entries(properties)) converted[key] = toNeo4jValue(value);
  converted.id = id;
  return converted;
}

/** Derived for the full-text indexes only: the node's text in its other British/American spelling. */
function searchProperties(node: SerialisedNode): Record<string, string[]> {
  const variants = searchVariantsOf(node.labels, node.properties);
  return variants.length > 0 ? { [SEARCH_VARIANTS_PROPERTY]: variants } : {};
}

function quote(identifier: string): string {
  // Identifiers were checked by assertLoadableGraph; quoting keeps the statement well-formed regardless.
  return `\`${identifier.replace(/`/g, '``')}\``;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function relationshipKey(type: string, start: string, end: string, id: string): string {
  return `${type}|${start}|${end}|${id}`;
}

function count(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}

async function removeStale(tx: ManagedTransaction, graph: SerialisedGraph): Promise<{ nodes: number; relationships: number }> {
  const keys = graph.relationships.map((r) => relationshipKey(r.type, r.start, r.end, r.id));
  const relationships = await tx.run(
    `MATCH (a:Node)-[r]->(b:Node)
     WHERE NOT (type(r) + '|' + a.id + '|' + b.id + '|' + coalesce(r.id, '')) IN $keys
     DELETE r
     RETURN count(*) AS deleted`,
    { keys },
  );
  const nodes = await tx.run(
    `MATCH (n:Node) WHERE NOT n.id IN $ids
     DETACH DELETE n
     RETURN count(*) AS deleted`,
    { ids: graph.nodes.map((n) => n.id) },
  );
  return { relationships: count(relationships.records[0]?.get('deleted')), nodes: count(nodes.records[0]?.get('deleted')) };
}

async function writeNodes(
  tx: ManagedTransaction,
  nodes: SerialisedNode[],
  batchSize: number,
  progress: (done: number) => Promise<void>,
): Promise<void> {
  const existing = await tx.run('CALL db.labels() YIELD label RETURN collect(label) AS labels');
  const allLabels = new Set<string>(existing.records[0]?.get('labels') as string[]);
  for (const node of nodes) for (const label of node.labels) allLabels.add(label);
  for (const bookkeeping of ['Node', 'Dataset', 'Migration', ...DERIVED_LABEL_LIST]) allLabels.delete(bookkeeping);

  let done = 0;
  const groups = groupBy(nodes, (node) => [...node.labels].sort().join(':'));
  for (const group of groups.values()) {
    const labels = [...new Set(group[0]!.labels)].sort();
    // A node whose labels changed since the previous load loses the ones it no longer has.
    const stale = [...allLabels].filter((label) => !labels.includes(label)).sort();
    const statement = [
      'UNWIND $rows AS row',
      'MERGE (n:Node {id: row.id})',
      `SET n = row.properties, n${labels.map(quote).map((l) => `:${l}`).join('')}`,
      stale.length > 0 ? `REMOVE n${stale.map((l) => `:${quote(l)}`).join('')}` : '',
      'RETURN count(n) AS written',
    ].join('\n');
    for (const batch of chunks(group, batchSize)) {
      const rows = batch.map((node) => ({ id: node.id, properties: { ...toNeo4jProperties(node.id, node.properties), ...searchProperties(node) } }));
      await tx.run(statement, { rows });
      done += batch.length;
      await progress(done);
    }
  }
}

async function writeRelationships(
  tx: ManagedTransaction,
  relationships: SerialisedRelationship[],
  batchSize: number,
  progress: (done: number) => Promise<void>,
): Promise<void> {
  let done = 0;
  for (const [type, group] of groupBy(relationships, (r) => r.type)) {
    const statement = `UNWIND $rows AS row
MATCH (a:Node {id: row.start})
MATCH (b:Node {id: row.end})
MERGE (a)-[r:${quote(type)} {id: row.id}]->(b)
SET r = row.properties
RETURN count(r) AS written`;
    for (const batch of chunks(group, batchSize)) {
      const rows = batch.map((r) => ({ id: r.id, start: r.start, end: r.end, properties: toNeo4jProperties(r.id, r.properties) }));
      const result = await tx.run(statement, { rows });
      const written = count(result.records[0]?.get('written'));
      if (written !== batch.length) {
        throw new LoadError(`wrote ${written} of ${batch.length} ${type} relationships: an endpoint node is missing`);
      }
      done += batch.length;
      await progress(done);
    }
  }
}

/** Loads `graph` atomically and idempotently, and records it in the Dataset node. */
export async function loadGraph(driver: Driver, graph: SerialisedGraph, options: LoadOptions = {}): Promise<LoadReport> {
  assertLoadableGraph(graph);
  const database = options.database ?? DEFAULT_DATABASE;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = Date.now();
  const notify = async (phase: LoadProgress['phase'], done: number, total: number) => {
    await options.onProgress?.({ phase, done, total });
  };

  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    // Longer than the DBMS's default transaction timeout (the launcher sets 60 s): a 100x graph loads in one transaction.
    return await session.executeWrite(async (tx) => {
      const loadedAt = new Date().toISOString();
      const deleted = await removeStale(tx, graph);
      await notify('cleanup', 1, 1);
      await writeNodes(tx, graph.nodes, batchSize, (done) => notify('nodes', done, graph.nodes.length));
      await writeRelationships(tx, graph.relationships, batchSize, (done) => notify('relationships', done, graph.relationships.length));

      const counts = await tx.run(
        `CALL () { MATCH (n:Node) RETURN count(n) AS nodes }
         CALL () { MATCH (:Node)-[r]->(:Node) RETURN count(r) AS relationships }
         RETURN nodes, relationships`,
      );
      const nodeCount = count(counts.records[0]?.get('nodes'));
      const relationshipCount = count(counts.records[0]?.get('relationships'));
      if (nodeCount !== graph.nodes.length || relationshipCount !== graph.relationships.length) {
        throw new LoadError(
          `after loading, the database holds ${nodeCount} nodes and ${relationshipCount} relationships; the graph has ${graph.nodes.length} and ${graph.relationships.length}`,
        );
      }
      await tx.run(
        `MERGE (d:Dataset {key: $key})
         SET d.version = $version, d.sourceSha256 = $sourceSha256, d.sourcePath = $sourcePath, d.format = $format,
             d.loadedAt = $loadedAt, d.nodeCount = $nodeCount, d.relationshipCount = $relationshipCount`,
        {
          key: DATASET_KEY,
          version: graph.dataset.version,
          sourceSha256: graph.dataset.sourceSha256,
          sourcePath: graph.dataset.sourcePath,
          format: graph.format,
          loadedAt,
          nodeCount: neo4j.int(nodeCount),
          relationshipCount: neo4j.int(relationshipCount),
        },
      );
      await notify('dataset', 1, 1);
      return {
        version: graph.dataset.version,
        sourceSha256: graph.dataset.sourceSha256,
        loadedAt,
        nodeCount,
        relationshipCount,
        nodesDeleted: deleted.nodes,
        relationshipsDeleted: deleted.relationships,
        durationMs: Date.now() - started,
      };
    }, { timeout: LOAD_TIMEOUT_MS });
  } finally {
    await session.close();
  }
}

export type LoadedDataset = DatasetRecord;

/** The dataset Neo4j holds now (the one notion of the current dataset, src/graph/dataset.ts), or null. */
export async function readDataset(driver: Driver, database = DEFAULT_DATABASE): Promise<LoadedDataset | null> {
  return readCurrentDataset(new Neo4jGraphReader({ driver, database, timeoutMs: 60_000 }));
}
