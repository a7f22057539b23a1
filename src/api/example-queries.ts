// The README's example queries: `npm run api:examples` runs them against a
// service and prints each query with the answer it gave.

export interface ExampleQuery {
  title: string;
  query: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  { title: "The user's example: practices that name prison administration and cite the Rome Memorandum", query: `{
  goodPractices(filter: { actor: "prison administration", instrument: "Rome Memorandum" }) {
    nodes { number title citations { instrument { title } provisions } }
  }
}` },
  { title: 'Steps keep their printed numbers (GP 14 has steps 1, 3 and 4)', query: `{
  goodPractice(number: 14) { title area { code title } steps { number text } }
}` },
  { title: 'GP 9 is merged with GP 8 and shows the same body', query: `{
  goodPractice(number: 9) { title bodyOwner mergedWith { number } steps { id number } }
}` },
  { title: 'Filters combine with AND: area B practices citing S/2015/366', query: `{
  goodPractices(filter: { area: "B", instrument: "S/2015/366" }) { totalCount nodes { number title } }
}` },
  { title: 'Practices with examples in Kenya, and the organisations behind UNODC examples', query: `{
  kenya: goodPractices(filter: { country: "Kenya" }) { totalCount nodes { number } }
  unodc: goodPractices(filter: { organization: "UNODC" }) { totalCount nodes { number } }
}` },
  { title: 'Actors by alias or wording, with the practices that name them', query: `{
  actors(filter: { name: "prison" }) { totalCount nodes { id name category aliases practices { number } } }
}` },
  { title: 'An instrument by short name, with the provisions each practice cites', query: `{
  instruments(filter: { text: "Rome Memorandum" }) {
    nodes { id title shortName symbol issuer kind year citations { practice { number } provisions } }
  }
}` },
  { title: 'Cross-references out of a practice, with the cue and the target step', query: `{
  goodPractice(number: 11) { references { cue text fromStep { number } to { number } toStep { number } } }
}` },
  { title: 'Full-text search across types (Lucene syntax is taken literally)', query: `{
  search(query: "prison intelligence", first: 5) { score type field snippet node { id } }
}` },
  { title: 'Related practices with an explainable score', query: `{
  relatedPractices(number: 17, first: 3) { practice { number } score reasons }
}` },
  { title: 'Shortest paths between two nodes', query: `{
  paths(from: "gp:11", to: "gp:24", maxLength: 3, first: 2) {
    length nodes { nodeId type label } relationships { type source target }
  }
}` },
  { title: 'A neighbourhood for graph tools (only some relationship types)', query: `{
  neighborhood(id: "gp:14", depth: 1, types: ["HAS_STEP", "REFERENCES"]) {
    nodes { nodeId type label } edges { relationshipId source target type }
  }
}` },
  { title: 'Relay pagination', query: `{
  goodPractices(first: 2, after: "djF8dDdoaUZjS1ZNcXw0") {
    totalCount edges { cursor node { number } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}` },
  { title: 'The loaded dataset', query: `{ dataset { version sourceSha256 nodeCount relationshipCount loadedAt } }` },
  { title: 'Network analytics: the most central nodes, the bridging practices, co-cited instruments, and where the figures come from', query: `{
  analytics {
    datasetVersion
    central: centrality(measure: PAGE_RANK, first: 5) {
      rank score node { id ... on Actor { name } ... on Instrument { title } ... on GoodPractice { title } }
    }
    bridges: centrality(measure: BETWEENNESS, type: GOOD_PRACTICE, first: 3) { rank score node { ... on GoodPractice { number title } } }
    coCitation(first: 3) { weight instrument { shortName title } coCited { shortName title } practices { number } }
    runs { analysis algorithm parameters gdsVersion }
  }
}` },
  { title: 'Bad input is a clear BAD_USER_INPUT error', query: `{ goodPractices(first: 500) { totalCount } }` },
];
