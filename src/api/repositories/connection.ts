// One page of a filtered, ordered list of nodes, with the total count, in a
// single statement that also reads what the page shows (the plan's look-ahead).
// Conditions are Cypher fragments written in this code base whose values are
// always passed as parameters.
import neo4j from 'neo4j-driver';
import { projection, readNode, type NodePlan, type ReadSink } from '../../graph/plan.js';
import type { CypherParameters, GraphReader } from '../../graph/reader.js';
import { toNumber } from '../../graph/values.js';
import type { ConnectionRecord } from '../model.js';
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

export function connectionStatement(query: ConnectionQuery, plan: NodePlan): string {
  const where = query.conditions.length > 0 ? `WHERE ${query.conditions.map((condition) => `(${condition})`).join('\n  AND ')}` : '';
  return [
    ...(query.prelude ?? []),
    `MATCH (n:${query.label})`,
    where,
    `WITH n ORDER BY ${query.orderBy}`,
    'WITH collect(n) AS matching',
    // Relay's window: [after + 1, before) within the list, then `first` from its start, then `last` from its end.
    'WITH size(matching) AS total, matching, $start AS start, CASE WHEN $end IS NULL OR $end > size(matching) THEN size(matching) ELSE $end END AS end',
    'WITH total, matching, start, CASE WHEN $first IS NOT NULL AND start + $first < end THEN start + $first ELSE end END AS end',
    'WITH total, matching, CASE WHEN $last IS NOT NULL AND end - $last > start THEN end - $last ELSE start END AS start, end',
    `RETURN total, start, [x IN matching[start..end] | ${projection(plan, 'x')}] AS page`,
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export async function readConnection(
  reader: GraphReader,
  query: ConnectionQuery,
  page: PageRequest,
  plan: NodePlan,
  sink: ReadSink,
): Promise<ConnectionRecord> {
  const optionalInt = (value: number | null) => (value === null ? null : neo4j.int(value));
  const records = await reader.read<{ total: unknown; start: unknown; page: unknown[] }>(connectionStatement(query, plan), {
    ...query.parameters,
    start: neo4j.int(page.start),
    end: optionalInt(page.end),
    first: optionalInt(page.first),
    last: optionalInt(page.last),
  });
  const record = records[0];
  if (!record) return { cursorKey: page.key, totalCount: 0, offset: page.start, nodes: [] };
  return {
    cursorKey: page.key,
    totalCount: toNumber(record.get('total')) ?? 0,
    offset: toNumber(record.get('start')) ?? page.start,
    nodes: record.get('page').map((raw) => readNode(raw, plan, sink)),
  };
}
