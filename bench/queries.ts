// The fixed query mix of the benchmark: each entry has our query (schema.graphql),
// the peer's equivalent (bench/peer/type-defs.ts) when the peer can express it,
// and a normaliser per side so the two answers can be compared before timing.
// Normalised answers keep what both APIs return (ids, numbers, titles) in a
// canonical order; ranking details (scores, snippets) are not compared.

import { NODE_TYPES } from '../src/graph/model.js';

/** The node full-text indexes of the model: what the peer's search field queries. */
export function peerSearchIndexNames(): string[] {
  return [...new Set(NODE_TYPES.flatMap((type) => (type.search ? [type.search.index] : [])))];
}

export interface MixQuery {
  name: string;
  /** Lookup by key: must stay flat as the graph grows. */
  kind: 'lookup' | 'list' | 'search';
  ours: string;
  /** null when the peer cannot express the query (ours-only). */
  peer: string | null;
  normaliseOurs(data: unknown): unknown;
  normalisePeer(data: unknown): unknown;
  /** Why the answers may legitimately differ, if they can. */
  note?: string;
  /** The two APIs answer differently by design (ranking): reported, not required to match. */
  differsByDesign?: boolean;
  /** Timed in the open-loop latency run (the lookups of the latency target). */
  openLoop?: boolean;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const sortedUnique = <T>(values: T[]): T[] => [...new Set(values)].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
const byNumber = (a: unknown, b: unknown): number => Number(obj(a).number) - Number(obj(b).number);

const FILTER_ACTOR = 'actor:prison-administration';
const FILTER_INSTRUMENT = 'instrument:gctf-rome-memorandum';
const PAGE_PRACTICE = 3;
const SEARCH_TEXT = 'prison';

/** A practice page reduced to what both APIs return, in a canonical order. */
export function practicePage(p: unknown, side: 'ours' | 'peer'): unknown {
  const practice = obj(p);
  if (Object.keys(practice).length === 0) return null;
  return {
    number: practice.number,
    title: practice.title,
    lead: practice.lead ?? null,
    // Steps by number, then text: numbers restart under each key action (GP 22 has two step 1s).
    steps: arr(practice.steps)
      .map((s) => [obj(s).number ?? null, obj(s).text] as const)
      .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1])))
      .map(([, text]) => text),
    actors: sortedUnique(arr(practice.actors).map((m) => String(side === 'ours' ? obj(obj(m).actor).id : obj(m).id))),
    citations: sortedUnique(arr(practice.citations).map((c) => String(side === 'ours' ? obj(obj(c).instrument).id : obj(c).id))),
    examples: sortedUnique(arr(practice.examples).map((e) => String(obj(e).id))),
    references: sortedUnique(arr(practice.references).map((r) => Number(side === 'ours' ? obj(obj(r).to).number : obj(r).number))),
  };
}

export const QUERY_MIX: MixQuery[] = [
  {
    name: 'filter (actor + instrument)',
    kind: 'list',
    ours: `{ goodPractices(filter: {actor: "prison administration", instrument: "Rome Memorandum"}, first: 100) { totalCount nodes { number title } } }`,
    // The library filters by exact property values: the ids our filter resolves the words to.
    peer: `{ goodPractices(where: {actors: {some: {id: {eq: "${FILTER_ACTOR}"}}}, citations: {some: {id: {eq: "${FILTER_INSTRUMENT}"}}}}, sort: [{number: ASC}]) { number title } }`,
    normaliseOurs: (data) => arr(obj(obj(data).goodPractices).nodes).sort(byNumber),
    normalisePeer: (data) => arr(obj(data).goodPractices).sort(byNumber),
    note: 'peer filters by the resolved ids; ours resolves the words (names, aliases, mention wording)',
    openLoop: true,
  },
  {
    name: 'practice page',
    kind: 'lookup',
    ours: `{ goodPractice(number: ${PAGE_PRACTICE}) { number title lead steps { number text } actors { text actor { id name } } citations { provisions instrument { id title } } examples { id name description } references { cue to { number title } } } }`,
    peer: `{ goodPractices(where: {number: {eq: ${PAGE_PRACTICE}}}) { number title lead steps { number text } actors { id name } citations { id title } examples { id name description } references { number title } } }`,
    normaliseOurs: (data) => practicePage(obj(data).goodPractice, 'ours'),
    normalisePeer: (data) => practicePage(arr(obj(data).goodPractices)[0], 'peer'),
    openLoop: true,
  },
  {
    name: 'all practices + actors + instruments',
    kind: 'list',
    ours: `{ goodPractices(first: 100) { nodes { number title actors { actor { id name } } citations { instrument { id title } } } } }`,
    peer: `{ goodPractices(sort: [{number: ASC}]) { number title actors { id name } citations { id title } } }`,
    normaliseOurs: (data) =>
      arr(obj(obj(data).goodPractices).nodes)
        .sort(byNumber)
        .map((p) => ({
          number: obj(p).number,
          actors: sortedUnique(arr(obj(p).actors).map((m) => String(obj(obj(m).actor).id))),
          instruments: sortedUnique(arr(obj(p).citations).map((c) => String(obj(obj(c).instrument).id))),
        })),
    normalisePeer: (data) =>
      arr(obj(data).goodPractices)
        .sort(byNumber)
        .map((p) => ({
          number: obj(p).number,
          actors: sortedUnique(arr(obj(p).actors).map((a) => String(obj(a).id))),
          instruments: sortedUnique(arr(obj(p).citations).map((i) => String(obj(i).id))),
        })),
  },
  {
    name: 'search',
    kind: 'search',
    ours: `{ search(query: "${SEARCH_TEXT}", first: 20) { score type snippet node { id } } }`,
    peer: `{ search(query: "${SEARCH_TEXT}", first: 20) { id type label score } }`,
    normaliseOurs: (data) => sortedUnique(arr(obj(data).search).map((h) => String(obj(obj(h).node).id))),
    normalisePeer: (data) => sortedUnique(arr(obj(data).search).map((h) => String(obj(h).id))),
    note: 'ours ranks across more fields and types (and gives snippets): the top 20 may differ',
    differsByDesign: true,
  },
  {
    name: 'related practices',
    kind: 'lookup',
    ours: `{ relatedPractices(number: ${PAGE_PRACTICE}, first: 5) { score reasons practice { number title } } }`,
    peer: `{ relatedPractices(number: ${PAGE_PRACTICE}, first: 5) { score reasons practice { number title } } }`,
    normaliseOurs: (data) => arr(obj(data).relatedPractices).map((r) => obj(obj(r).practice).number),
    normalisePeer: (data) => arr(obj(data).relatedPractices).map((r) => obj(obj(r).practice).number),
    note: 'ours weights shared actors, instruments and cross-references; the peer counts reasons',
    differsByDesign: true,
    openLoop: true,
  },
  {
    name: 'neighbourhood',
    kind: 'lookup',
    ours: `{ neighborhood(id: "gp:${PAGE_PRACTICE}") { nodes { id: nodeId type label } edges { source target type } } }`,
    peer: `{ neighborhood(id: "gp:${PAGE_PRACTICE}") { nodes { id type label } edges { source target type } } }`,
    normaliseOurs: (data) => centreSubgraph(obj(data).neighborhood, `gp:${PAGE_PRACTICE}`),
    normalisePeer: (data) => centreSubgraph(obj(data).neighborhood, `gp:${PAGE_PRACTICE}`),
    note: 'compared on the nodes and the edges at the centre (ours also returns the edges between neighbours)',
    openLoop: true,
  },
  {
    name: 'practice page + related (ours-only)',
    kind: 'lookup',
    ours: `{ goodPractice(number: ${PAGE_PRACTICE}) { number title related(first: 5) { score sharedActors { id } sharedInstruments { id } practice { number } } source { page startLine } } }`,
    peer: null,
    normaliseOurs: (data) => data,
    normalisePeer: (data) => data,
    note: 'the peer has no field resolver on a node type for ranked related practices with shared actors/instruments',
  },
];

/**
 * A neighbourhood reduced to its nodes and the edges at the centre: ours also
 * returns the edges between neighbours (the induced subgraph), the peer's
 * @cypher field only the centre's.
 */
export function centreSubgraph(value: unknown, centre: string): unknown {
  const graph = obj(value);
  return {
    nodes: sortedUnique(arr(graph.nodes).map((n) => String(obj(n).id))),
    edges: sortedUnique(
      arr(graph.edges)
        .filter((e) => obj(e).source === centre || obj(e).target === centre)
        .map((e) => `${String(obj(e).source)}-${String(obj(e).type)}->${String(obj(e).target)}`),
    ),
  };
}

/** Request body of a query. */
export function requestBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}
