// The long-tail mix: requests that all differ, the way real clients use the
// service (a front end paging through every practice, a graph tool asking the
// neighbourhood of every node, a researcher's searches). Each request is a
// named operation with variables, the same document for every request of a
// kind, so the response cache can only hit when the same request comes back.
import { nodeLabelOf, nodeTypeModel } from '../src/graph/model.js';
import type { SerialisedGraph } from '../src/graph/serialised.js';
import { centreSubgraph, practicePage } from './queries.js';

export type LongTailKind = 'practice page' | 'neighbourhood' | 'search';

export interface LongTailRequest {
  kind: LongTailKind;
  /** What differs between requests of a kind: practice number, node id or search term. */
  key: string;
  /** Request bodies (JSON) for our service and for the peer. */
  ours: string;
  peer: string;
  normaliseOurs(data: unknown): unknown;
  normalisePeer(data: unknown): unknown;
  /** Why the two answers may legitimately differ, if they can. */
  note?: string;
}

export interface LongTailOptions {
  /** How many search terms to draw from the graph's vocabulary (default 50). */
  searchTerms?: number;
  /** Seed of the interleaving (default 1): the same graph and seed give the same sequence. */
  seed?: number;
}

const OURS_PRACTICE = `query PracticePage($number: Int!) { goodPractice(number: $number) { number title lead steps { number text } actors { text actor { id name } } citations { provisions instrument { id title } } examples { id name description } references { cue to { number title } } } }`;
const PEER_PRACTICE = `query PracticePage($number: Int!) { goodPractices(where: {number: {eq: $number}}) { number title lead steps { number text } actors { id name } citations { id title } examples { id name description } references { number title } } }`;
const OURS_NEIGHBOURHOOD = `query Neighbourhood($id: ID!) { neighborhood(id: $id) { nodes { id: nodeId type label } edges { source target type } } }`;
const PEER_NEIGHBOURHOOD = `query Neighbourhood($id: ID!) { neighborhood(id: $id) { nodes { id type label } edges { source target type } } }`;
const OURS_SEARCH = `query Search($text: String!) { search(query: $text, first: 20) { score type snippet node { id } } }`;
// The peer's search is a @cypher field over the same full-text indexes (db.index.fulltext.queryNodes).
const PEER_SEARCH = `query Search($text: String!) { search(query: $text, first: 20) { id type label score } }`;


/** Common English words that say nothing about the toolkit. */
const STOPWORDS = new Set(
  'about above after again against among another because before being below between both could during each either other their there these those through under until where which while whose within without would should shall based including related regarding further order particular various specific among across along also such than that this with from have will been into them they what when more most some only over very must made make upon well'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/**
 * Search terms from the graph's own vocabulary: words of five letters or more
 * (no stopwords) in the properties the full-text indexes cover (the model's
 * search fields of each label), found in at least two nodes, ranked by how
 * many nodes use them, then `count` of them taken evenly from the most common
 * to the rarest, so the searches range from broad to narrow.
 */
export function searchVocabulary(graph: SerialisedGraph, count: number): string[] {
  const documentFrequency = new Map<string, number>();
  for (const node of graph.nodes) {
    const seen = new Set<string>();
    for (const property of nodeTypeModel(nodeLabelOf(node.labels))?.search?.fields ?? []) {
      const value = node.properties[property];
      const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
      for (const word of texts.flatMap(words)) if (word.length >= 5 && !STOPWORDS.has(word)) seen.add(word);
    }
    for (const word of seen) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const ranked = [...documentFrequency.entries()]
    .filter(([, frequency]) => frequency >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word]) => word);
  if (ranked.length <= count) return ranked;
  const step = ranked.length / count;
  return Array.from({ length: count }, (_, i) => ranked[Math.floor(i * step)] ?? '').filter((word) => word !== '');
}

/** Small deterministic PRNG (mulberry32) for a reproducible interleaving. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], seed: number): T[] {
  const next = random(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

const body = (query: string, variables: Record<string, unknown>): string => JSON.stringify({ query, variables });
const obj = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const sortedIds = (values: unknown[]): string[] => [...new Set(values.map(String))].sort();

/**
 * Every practice page, the neighbourhood of every node and `searchTerms`
 * searches, each exactly once, interleaved in a fixed pseudo-random order.
 */
export function longTailRequests(graph: SerialisedGraph, options: LongTailOptions = {}): LongTailRequest[] {
  const requests: LongTailRequest[] = [];
  const practiceNumbers = graph.nodes
    .filter((node) => node.labels.includes('GoodPractice') && typeof node.properties.number === 'number')
    .map((node) => node.properties.number as number)
    .sort((a, b) => a - b);
  for (const number of practiceNumbers) {
    requests.push({
      kind: 'practice page',
      key: String(number),
      ours: body(OURS_PRACTICE, { number }),
      peer: body(PEER_PRACTICE, { number }),
      normaliseOurs: (data) => practicePage(obj(data).goodPractice, 'ours'),
      normalisePeer: (data) => practicePage(arr(obj(data).goodPractices)[0], 'peer'),
    });
  }
  for (const node of graph.nodes) {
    requests.push({
      kind: 'neighbourhood',
      key: node.id,
      ours: body(OURS_NEIGHBOURHOOD, { id: node.id }),
      peer: body(PEER_NEIGHBOURHOOD, { id: node.id }),
      normaliseOurs: (data) => centreSubgraph(obj(data).neighborhood, node.id),
      normalisePeer: (data) => centreSubgraph(obj(data).neighborhood, node.id),
      note: 'compared on the nodes and the edges at the centre (ours also returns the edges between neighbours)',
    });
  }
  for (const text of searchVocabulary(graph, options.searchTerms ?? 50)) {
    requests.push({
      kind: 'search',
      key: text,
      ours: body(OURS_SEARCH, { text }),
      peer: body(PEER_SEARCH, { text }),
      normaliseOurs: (data) => sortedIds(arr(obj(data).search).map((hit) => obj(obj(hit).node).id)),
      normalisePeer: (data) => sortedIds(arr(obj(data).search).map((hit) => obj(hit).id)),
      note: 'ours ranks across more fields and types: the top 20 may differ',
    });
  }
  return shuffle(requests, options.seed ?? 1);
}

/** Requests per kind, for the report. */
export function countByKind(requests: LongTailRequest[]): Record<LongTailKind, number> {
  const counts: Record<LongTailKind, number> = { 'practice page': 0, neighbourhood: 0, search: 0 };
  for (const request of requests) counts[request.kind] += 1;
  return counts;
}
