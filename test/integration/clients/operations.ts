// The operations a client app over this API runs: a practice page, node(id:),
// search, a neighbourhood, paths and the dataset, written as Apollo Client and
// urql users write them (ids selected, fragments on the Node interface).
// test/integration/clients/relay/relayOperations.ts holds the same for Relay.

export const PRACTICE_PAGE = `
query PracticePage($number: Int!) {
  goodPractice(number: $number) {
    id number title lead bodyOwner
    area { id code title }
    keyActions { id number text items steps { id number text } source { id startLine endLine } }
    steps { id number order text items itemTree keyAction { id number } footnotes { id number } source { id startLine endLine page text } }
    actors { id text entry actor { id name category broader { id name } } broader { id name } source { id startLine endLine } }
    citations { id provisions text viaFootnote instrument { id title shortName } source { id startLine endLine } }
    examples { id name urls countries { id name } organizations { id name } }
    references { id cue text to { id number title } toStep { id number } source { id startLine } }
    referencedBy { id cue from { id number title } fromStep { id number } }
    footnotes { id number text urls attachedTo { id ... on Step { number } ... on GoodPractice { number } } }
    mergedWith { id number }
    related { id score reasons practice { id number title } sharedActors { id name } sharedInstruments { id title } }
    source { id startLine endLine page text }
  }
}`;

/** The same practice again with other fields of the same objects: a cache must merge, not replace. */
export const PRACTICE_SUMMARY = `
query PracticeSummary($number: Int!) {
  goodPractice(number: $number) {
    id title
    actors { id text practice { id number } }
    citations { id provisions practice { id number } }
    references { id cue from { id number } }
    related(first: 3) { id score referencesTo referencedFrom }
    source { id startLine }
  }
}`;

export const NODE_BY_ID = `
query NodeById($id: ID!) {
  node(id: $id) {
    ...NodeIdentity
    ... on GoodPractice { number title }
    ... on Actor { name }
  }
}
fragment NodeIdentity on Node { id }`;

export const SEARCH = `
query Search($query: String!) {
  search(query: $query, first: 15) {
    id score snippet field type
    node {
      id
      ... on GoodPractice { number title }
      ... on Step { number text }
      ... on KeyAction { number text }
      ... on Actor { name }
      ... on Instrument { title }
      ... on Example { name }
    }
  }
}`;

export const NEIGHBOURHOOD = `
query Neighbourhood($id: ID!) {
  neighborhood(id: $id, depth: 1) {
    id
    nodes { id nodeId type label node { id } }
    edges { id relationshipId source target type }
  }
}`;

export const PATHS = `
query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: 3, first: 3) {
    id length
    nodes { id nodeId type label }
    relationships { id relationshipId type source target }
  }
}`;

export const DATASET = `
query DatasetInfo { dataset { id version nodeCount relationshipCount } }`;

export const OPERATIONS: ReadonlyArray<{ name: string; query: string; variables: Record<string, unknown> }> = [
  { name: 'practice page', query: PRACTICE_PAGE, variables: { number: 17 } },
  { name: 'practice summary', query: PRACTICE_SUMMARY, variables: { number: 17 } },
  { name: 'node(id:)', query: NODE_BY_ID, variables: { id: 'gp:17' } },
  { name: 'node(id:) actor', query: NODE_BY_ID, variables: { id: 'actor:prison-administration' } },
  { name: 'search', query: SEARCH, variables: { query: 'prison' } },
  { name: 'neighbourhood', query: NEIGHBOURHOOD, variables: { id: 'gp:17' } },
  { name: 'paths', query: PATHS, variables: { from: 'gp:11', to: 'gp:24' } },
  { name: 'dataset', query: DATASET, variables: {} },
  // The page once more after the others: nothing the others wrote may break it.
  { name: 'practice page again', query: PRACTICE_PAGE, variables: { number: 17 } },
];

/** Every object with an id in a response, as [id, __typename]. */
export function identifiedObjects(value: unknown, out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) {
    for (const item of value) identifiedObjects(item, out);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['id'] === 'string' && typeof record['__typename'] === 'string') out.push([record['id'], record['__typename']]);
    for (const child of Object.values(record)) identifiedObjects(child, out);
  }
  return out;
}
