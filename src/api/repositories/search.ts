// Full-text search across node types over the Neo4j full-text indexes of
// cypher/003-fulltext-indexes.cypher, merged into one ranked list.
import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import type { GraphReader } from '../graph-reader.js';
import { highlight, searchTerms, toLuceneQuery } from '../lucene.js';
import type { NodeRecord, SearchHitRecord } from '../model.js';
import { toNodeRecord, toNumber } from '../neo4j-values.js';

export type SearchableType =
  | 'GOOD_PRACTICE'
  | 'KEY_ACTION'
  | 'STEP'
  | 'ACTOR'
  | 'INSTRUMENT'
  | 'EXAMPLE'
  | 'ORGANIZATION'
  | 'COUNTRY'
  | 'FOOTNOTE'
  | 'MANIFESTATION'
  | 'NOTION'
  | 'REGIONAL_CONTEXT'
  | 'WATCH_POINT';

interface SearchTarget {
  index: string;
  label: string;
  /** Properties the index covers, in the order a snippet is preferred from. */
  fields: string[];
}

const CONCEPT_FIELDS = ['name', 'definition', 'description', 'factor', 'indicators'];

export const SEARCH_TARGETS: Readonly<Record<SearchableType, SearchTarget>> = {
  GOOD_PRACTICE: { index: 'practice_text', label: 'GoodPractice', fields: ['title', 'lead'] },
  KEY_ACTION: { index: 'key_action_text', label: 'KeyAction', fields: ['text', 'lead'] },
  STEP: { index: 'step_text', label: 'Step', fields: ['text', 'items'] },
  ACTOR: { index: 'actor_names', label: 'Actor', fields: ['name', 'aliases'] },
  INSTRUMENT: { index: 'instrument_text', label: 'Instrument', fields: ['title', 'shortName', 'symbol', 'aliases'] },
  EXAMPLE: { index: 'example_text', label: 'Example', fields: ['name', 'description'] },
  ORGANIZATION: { index: 'organization_names', label: 'Organization', fields: ['name', 'aliases'] },
  COUNTRY: { index: 'country_names', label: 'Country', fields: ['name'] },
  FOOTNOTE: { index: 'footnote_text', label: 'Footnote', fields: ['text'] },
  MANIFESTATION: { index: 'concept_text', label: 'Manifestation', fields: CONCEPT_FIELDS },
  NOTION: { index: 'concept_text', label: 'Notion', fields: CONCEPT_FIELDS },
  REGIONAL_CONTEXT: { index: 'concept_text', label: 'RegionalContext', fields: CONCEPT_FIELDS },
  WATCH_POINT: { index: 'concept_text', label: 'WatchPoint', fields: CONCEPT_FIELDS },
};

export const SEARCHABLE_TYPES = Object.keys(SEARCH_TARGETS) as SearchableType[];

/** The statement querying each index once; index names come from SEARCH_TARGETS, never from clients. */
export function searchStatement(types: readonly SearchableType[]): string {
  const indexes = [...new Set(types.map((type) => SEARCH_TARGETS[type].index))].sort();
  const calls = indexes.map(
    (index) => `  CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $candidates}) YIELD node, score RETURN node, score`,
  );
  return `CALL {
${calls.join('\n  UNION ALL\n')}
}
WITH node, score WHERE any(label IN labels(node) WHERE label IN $labels)
RETURN node, score ORDER BY score DESC, node.id LIMIT $limit`;
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
): Promise<SearchHitRecord[]> {
  const query = toLuceneQuery(text, 'any');
  if (query === null) return [];
  const wanted = types && types.length > 0 ? [...new Set(types)] : SEARCHABLE_TYPES;
  const records = await reader.read<{ node: Neo4jNode; score: number }>(searchStatement(wanted), {
    query,
    labels: wanted.map((type) => SEARCH_TARGETS[type].label),
    // LIMIT and the index `limit` option take integers, not JavaScript's floats.
    limit: neo4j.int(limit),
    candidates: neo4j.int(limit * 2),
  });
  const terms = searchTerms(text);
  const fieldsByLabel = new Map(SEARCHABLE_TYPES.map((type) => [SEARCH_TARGETS[type].label, SEARCH_TARGETS[type].fields]));
  return records.map((record) => {
    const node = toNodeRecord(record.get('node'));
    const label = node.labels.find((candidate) => fieldsByLabel.has(candidate)) ?? node.labels[0] ?? 'Node';
    const { field, snippet } = snippetOf(node, fieldsByLabel.get(label) ?? [], terms);
    return { score: toNumber(record.get('score')) ?? 0, snippet, field, node };
  });
}
