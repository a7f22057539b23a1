// Full-text search across node types over the Neo4j full-text indexes of
// cypher/003-fulltext-indexes.cypher, merged into one ranked list.
import neo4j from 'neo4j-driver';
import { NODE_TYPES, type SearchIndexModel } from '../../graph/model.js';
import { mergePlans, planKey, projection, readNode, type NodePlan, type ReadSink } from '../../graph/plan.js';
import type { GraphReader } from '../../graph/reader.js';
import { cachedStatement } from '../../graph/statement-cache.js';
import { toNumber, type NodeRecord } from '../../graph/values.js';
import { highlight, searchTerms, toLuceneQuery } from '../lucene.js';
import type { SearchHitRecord } from '../model.js';

export type SearchableType = string;

interface SearchTarget extends SearchIndexModel {
  label: string;
}

/** Every searchable label of the graph model, by its GraphQL SearchableType value. */
export const SEARCH_TARGETS: Readonly<Record<SearchableType, SearchTarget>> = Object.fromEntries(
  NODE_TYPES.flatMap((type) => (type.search ? [[type.search.searchableType, { ...type.search, label: type.label }]] : [])),
);

export const SEARCHABLE_TYPES = Object.keys(SEARCH_TARGETS);

/** The statement querying each index once; index names come from SEARCH_TARGETS, never from clients. */
export function searchStatement(types: readonly SearchableType[], plan: NodePlan): string {
  const indexes = [...new Set(types.flatMap((type) => SEARCH_TARGETS[type]?.index ?? []))].sort();
  const calls = indexes.map(
    (index) => `  CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $candidates}) YIELD node, score RETURN node, score`,
  );
  return `CALL {
${calls.join('\n  UNION ALL\n')}
}
WITH node, score WHERE any(label IN labels(node) WHERE label IN $labels)
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
RETURN ${projection(plan, 'node')} AS node, score`;
}

/** The best snippet of a hit: the field holding most of the query's words. */
export function snippetOf(node: NodeRecord, fields: readonly string[], terms: readonly string[]): { field: string; snippet: string } {
  let best: { field: string; snippet: string; matched: number } | null = null;
  for (const field of fields) {
    const value = node.properties[field];
    const texts = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
    for (const text of texts) {
      const { snippet, matchedTerms } = highlight(text, terms);
      if (best === null || matchedTerms > best.matched) best = { field, snippet, matched: matchedTerms };
    }
  }
  return best ? { field: best.field, snippet: best.snippet } : { field: fields[0] ?? 'id', snippet: node.id };
}


export async function searchNodes(
  reader: GraphReader,
  text: string,
  types: readonly SearchableType[] | null | undefined,
  limit: number,
  requested: NodePlan,
  sink: ReadSink,
): Promise<SearchHitRecord[]> {
  const query = toLuceneQuery(text, 'any');
  if (query === null) return [];
  const wanted = types && types.length > 0 ? [...new Set(types)].sort() : SEARCHABLE_TYPES;
  // A snippet reads the hit's own search fields, chosen by its label in the statement.
  const plan = mergePlans(requested, { keys: [], links: [], perLabel: ['search'] });
  const statement = cachedStatement(`search:${wanted.join(',')}:${planKey(plan)}`, () => searchStatement(wanted, plan));
  const records = await reader.read<{ node: unknown; score: unknown }>(statement, {
    query,
    labels: wanted.flatMap((type) => SEARCH_TARGETS[type]?.label ?? []),
    // LIMIT and the index `limit` option take integers, not JavaScript's floats.
    limit: neo4j.int(limit),
    candidates: neo4j.int(limit * 2),
  });
  const terms = searchTerms(text);
  const fieldsByLabel = new Map(Object.values(SEARCH_TARGETS).map((target) => [target.label, target.fields]));
  return records.map((record) => {
    const node: NodeRecord = readNode(record.get('node'), plan, sink);
    const label = node.labels.find((candidate) => fieldsByLabel.has(candidate)) ?? node.labels[0] ?? 'Node';
    const { field, snippet } = snippetOf(node, fieldsByLabel.get(label) ?? [], terms);
    return { score: toNumber(record.get('score')) ?? 0, snippet, field, node };
  });
}
