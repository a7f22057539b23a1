// Full-text search across node types over the Neo4j full-text indexes of
// cypher/003 and 004, merged into one ranked list:
// - "GP 17", "gp17", "practice 17" put that practice first;
// - quoted phrases are required, other words rank (all words, close together, first);
// - a word the toolkit never uses is corrected to the nearest one it does
//   ("terorism" → "terrorism"), and the correction is reported;
// - British and American spellings find each other (searchVariants, see
//   src/search/spelling-variants.ts);
// - a practice also scores by the wording of its actor mentions and citations,
//   so "prison administration … Rome Memorandum" finds the practices that name
//   the one and cite the other.
import neo4j from 'neo4j-driver';
import { NODE_TYPES, type SearchIndexModel } from '../../graph/model.js';
import { mergePlans, planKey, projection, readNode, type NodePlan, type ReadSink } from '../../graph/plan.js';
import type { GraphReader } from '../../graph/reader.js';
import { cachedStatement } from '../../graph/statement-cache.js';
import { toNumber, type NodeRecord } from '../../graph/values.js';
import { SEARCH_FIELDS } from '../../search/fields.js';
import { spellingVariants } from '../../search/spelling-variants.js';
import { highlight, parsedTerms, parseSearch, practiceReference, toRankedLuceneQuery, type ParsedSearch } from '../lucene.js';
import type { SearchHitRecord } from '../model.js';
import { closestWord, Vocabulary } from './search-vocabulary.js';

export type SearchableType = string;

interface SearchTarget extends SearchIndexModel {
  label: string;
}

/** Every searchable label of the graph model, by its GraphQL SearchableType value. */
export const SEARCH_TARGETS: Readonly<Record<SearchableType, SearchTarget>> = Object.fromEntries(
  NODE_TYPES.flatMap((type) => (type.search ? [[type.search.searchableType, { ...type.search, label: type.label }]] : [])),
);

export const SEARCHABLE_TYPES = Object.keys(SEARCH_TARGETS);

/**
 * A practice also scores by the actors it names and the instruments it cites
 * when those match (by name, alias or title: "prison officials" is an alias
 * of prison administration), weighted below its own text; only the best few
 * actor and instrument hits count, so a common word does not lift every practice.
 */
const PRACTICE_CONTEXT: ReadonlyArray<{ index: string; pattern: string; weight: number }> = [
  { index: 'actor_names', pattern: '(node:GoodPractice)-[:MENTIONS_ACTOR]->(hit)', weight: 0.3 },
  { index: 'instrument_text', pattern: '(node:GoodPractice)-[:CITES]->(hit)', weight: 0.3 },
];
const CONTEXT_HITS = 3;

/**
 * The statement querying each index once; index names come from
 * SEARCH_TARGETS, never from clients. A node's score is the sum over indexes
 * of its best hit in each (its own text, its mentions, its citations).
 */
export function searchStatement(types: readonly SearchableType[], plan: NodePlan): string {
  const indexes = [...new Set(types.flatMap((type) => SEARCH_TARGETS[type]?.index ?? []))].sort();
  const calls = indexes.map(
    (index) =>
      `  CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $candidates}) YIELD node, score RETURN node, score, '${index}' AS source`,
  );
  if (types.includes('GOOD_PRACTICE')) {
    for (const { index, pattern, weight } of PRACTICE_CONTEXT) {
      calls.push(`  CALL db.index.fulltext.queryNodes('${index}', $query, {limit: ${CONTEXT_HITS}}) YIELD node AS hit, score
  MATCH ${pattern}
  RETURN node, score * ${weight} AS score, '${index}:practices' AS source`);
    }
  }
  return `CALL {
${calls.join('\n  UNION ALL\n')}
}
WITH node, source, max(score) AS best WHERE any(label IN labels(node) WHERE label IN $labels)
WITH node, sum(best) * count(source) AS score
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

/** Highlight terms: the words searched for and their other British/American spelling. */
function highlightTerms(parsed: ParsedSearch): string[] {
  const terms = parsedTerms(parsed);
  const variants = spellingVariants();
  return [...new Set(terms.flatMap((term) => [term, variants.alternative(term) ?? term]))];
}

export interface SearchCorrection {
  /** The search text with each unknown word replaced by the nearest word of the toolkit. */
  text: string;
  /** Pairs of [typed, used]. */
  corrections: Array<[string, string]>;
}

/**
 * "Did you mean": words of the search that occur nowhere in the toolkit (not
 * even as the start of a word, nor in their other spelling) replaced by the
 * closest word that does. Null when every word is known or none has a close neighbour.
 */
export function correctSearch(text: string, vocabulary: Vocabulary): SearchCorrection | null {
  const parsed = parseSearch(text);
  const variants = spellingVariants();
  const corrections: Array<[string, string]> = [];
  for (const word of parsedTerms(parsed)) {
    if (vocabulary.knows(word) || vocabulary.knows(variants.alternative(word) ?? word)) continue;
    const closest = closestWord(word, vocabulary);
    if (closest) corrections.push([word, closest]);
  }
  if (corrections.length === 0) return null;
  let corrected = text;
  for (const [typed, used] of corrections) {
    corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${typed}(?![\\p{L}\\p{N}])`, 'giu'), used);
  }
  return { text: corrected, corrections };
}

const VOCABULARY_VERSION_STATEMENT =
  "MATCH (d:Dataset) WHERE d.version IS NOT NULL RETURN d.version + '@' + toString(d.loadedAt) AS version ORDER BY d.loadedAt DESC LIMIT 1";

const VOCABULARY_STATEMENT = `MATCH (n:Node) WHERE any(label IN labels(n) WHERE label IN $labels)
UNWIND $fields AS field
WITH n[field] AS value WHERE value IS NOT NULL
RETURN collect(value) AS texts`;

let cachedVocabulary: { version: string; vocabulary: Promise<Vocabulary> } | null = null;

/** The words of every searchable text, read once per loaded dataset. */
export async function readVocabulary(reader: GraphReader): Promise<Vocabulary> {
  const version = (await reader.read<{ version: string }>(VOCABULARY_VERSION_STATEMENT))[0]?.get('version') ?? '';
  if (cachedVocabulary?.version !== version) {
    const labels = Object.keys(SEARCH_FIELDS);
    const fields = [...new Set(Object.values(SEARCH_FIELDS).flat())];
    const vocabulary = reader
      .read<{ texts: unknown[] }>(VOCABULARY_STATEMENT, { labels, fields })
      .then((records) => Vocabulary.fromTexts((records[0]?.get('texts') ?? []).flat().map(String)));
    cachedVocabulary = { version, vocabulary };
    vocabulary.catch(() => {
      if (cachedVocabulary?.vocabulary === vocabulary) cachedVocabulary = null;
    });
  }
  return cachedVocabulary.vocabulary;
}

const NAME_FIELDS = ['name', 'shortName', 'symbol', 'aliases', 'title'];
const normalised = (text: string): string => text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';

/** A node whose name (or short name, symbol, alias) is exactly the search text goes first. */
function exactNamesFirst(hits: SearchHitRecord[], text: string): SearchHitRecord[] {
  const wanted = normalised(text);
  if (wanted === '') return hits;
  const top = hits[0]?.score ?? 0;
  const named = (hit: SearchHitRecord): boolean =>
    NAME_FIELDS.some((field) => {
      const value = hit.node.properties[field];
      return (Array.isArray(value) ? value : [value]).some((name) => typeof name === 'string' && normalised(name) === wanted);
    });
  return hits
    .map((hit) => (named(hit) ? { ...hit, score: hit.score + top } : hit))
    .sort((left, right) => right.score - left.score || left.node.id.localeCompare(right.node.id));
}

const practiceStatement = (plan: NodePlan): string => `MATCH (node:GoodPractice {number: $number}) RETURN ${projection(plan, 'node')} AS node`;


export interface SearchResult {
  hits: SearchHitRecord[];
  /** Set when unknown words were replaced before searching. */
  correction: SearchCorrection | null;
}

export async function search(
  reader: GraphReader,
  text: string,
  types: readonly SearchableType[] | null | undefined,
  limit: number,
  requested: NodePlan,
  sink: ReadSink,
): Promise<SearchResult> {
  const wanted = types && types.length > 0 ? [...new Set(types)].sort() : SEARCHABLE_TYPES;
  // A snippet and the exact-name check read the hit's own search fields, chosen by its label in the statement.
  const plan = mergePlans(requested, { keys: [], links: [], perLabel: ['search'] });
  const hits: SearchHitRecord[] = [];

  const number = practiceReference(text);
  if (number !== null && wanted.includes('GOOD_PRACTICE')) {
    const statement = cachedStatement(`search-practice:${planKey(plan)}`, () => practiceStatement(plan));
    const record = (await reader.read<{ node: unknown }>(statement, { number: neo4j.int(number) }))[0];
    if (record) {
      const node: NodeRecord = readNode(record.get('node'), plan, sink);
      hits.push({ score: Number.MAX_SAFE_INTEGER, snippet: String(node.properties['title'] ?? node.id), field: 'title', node });
      return { hits, correction: null };
    }
  }

  const correction = correctSearch(text, await readVocabulary(reader));
  const parsed = parseSearch(correction?.text ?? text);
  const query = toRankedLuceneQuery(parsed);
  if (query === null) return { hits, correction: null };
  const statement = cachedStatement(`search:${wanted.join(',')}:${planKey(plan)}`, () => searchStatement(wanted, plan));
  const records = await reader.read<{ node: unknown; score: unknown }>(statement, {
    query,
    labels: wanted.flatMap((type) => SEARCH_TARGETS[type]?.label ?? []),
    // LIMIT and the index `limit` option take integers, not JavaScript's floats.
    limit: neo4j.int(limit),
    candidates: neo4j.int(Math.max(limit * 2, 50)),
  });
  const terms = highlightTerms(parsed);
  const fieldsByLabel = new Map(Object.values(SEARCH_TARGETS).map((target) => [target.label, target.fields]));
  for (const record of records) {
    const node: NodeRecord = readNode(record.get('node'), plan, sink);
    const label = node.labels.find((candidate) => fieldsByLabel.has(candidate)) ?? node.labels[0] ?? 'Node';
    const { field, snippet } = snippetOf(node, fieldsByLabel.get(label) ?? [], terms);
    hits.push({ score: toNumber(record.get('score')) ?? 0, snippet, field, node });
  }
  return { hits: exactNamesFirst(hits, correction?.text ?? text), correction };
}

/** The hits alone (the `search` field). */
export async function searchNodes(
  reader: GraphReader,
  text: string,
  types: readonly SearchableType[] | null | undefined,
  limit: number,
  requested: NodePlan,
  sink: ReadSink,
): Promise<SearchHitRecord[]> {
  return (await search(reader, text, types, limit, requested, sink)).hits;
}
