// One page of a filtered, ordered list of nodes, with the total count, in a
// single statement. Conditions are Cypher fragments written in this code base
// whose values are always passed as parameters.
import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import type { CypherParameters, GraphReader } from '../graph-reader.js';
import type { ConnectionRecord } from '../model.js';
import { toNodeRecord, toNumber } from '../neo4j-values.js';
import type { PageRequest } from '../pagination.js';

export interface ConnectionQuery {
  /** Label of the listed nodes, bound as `n`. */
  label: 'GoodPractice' | 'Actor' | 'Instrument' | 'Example';
  /** Statements that run first, e.g. a full-text CALL producing a list the conditions use. */
  prelude?: string[];
  /** Conditions on `n`, combined with AND. */
  conditions: string[];
  parameters: CypherParameters;
  /** ORDER BY expression over `n`. */
  orderBy: string;
}

export function connectionStatement(query: ConnectionQuery): string {
  const where = query.conditions.length > 0 ? `WHERE ${query.conditions.map((condition) => `(${condition})`).join('\n  AND ')}` : '';
  return [
    ...(query.prelude ?? []),
    `MATCH (n:${query.label})`,
    where,
    `WITH n ORDER BY ${query.orderBy}`,
    'WITH collect(n) AS matching',
    'RETURN size(matching) AS total, matching[$offset..($offset + $limit)] AS page',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export async function readConnection(reader: GraphReader, query: ConnectionQuery, page: PageRequest): Promise<ConnectionRecord> {
  const records = await reader.read<{ total: unknown; page: Neo4jNode[] }>(connectionStatement(query), {
    ...query.parameters,
    offset: neo4j.int(page.offset),
    limit: neo4j.int(page.limit),
  });
  const record = records[0];
  if (!record) return { totalCount: 0, offset: page.offset, nodes: [] };
  return {
    totalCount: toNumber(record.get('total')) ?? 0,
    offset: page.offset,
    nodes: record.get('page').map(toNodeRecord),
  };
}
