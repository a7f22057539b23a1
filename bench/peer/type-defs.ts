// Type definitions for the peer server built with @neo4j/graphql 7, mirroring
// schema.graphql as closely as the library allows over the same Neo4j graph
// (labels, properties and relationship types of docs/graph-format.md).
//
// Where the library has no equivalent of one of our resolvers (full-text search
// across types, related-practice ranking, a generic neighbourhood subgraph) the
// field is a @cypher field: that is how a user of the library would write it.
// The library compiles each request into one Cypher statement; @cypher fields
// are inlined as subqueries of that statement.

/** Name of the full-text indexes the store creates (cypher/ migrations). */
export interface PeerSearchIndexes {
  /** Full-text index names queried by the peer's search field, in any order. */
  names: string[];
}

const readOnly = '@mutation(operations: [])';

function nodeTypes(): string {
  return `
type Ordered @relationshipProperties { order: Int }

type ActorMentionProperties @relationshipProperties {
  order: Int
  text: String!
  entry: String
  broader: String
}

type CitationProperties @relationshipProperties {
  order: Int
  provisions: [String!]!
  text: String!
  viaFootnote: Int
}

type CrossReferenceProperties @relationshipProperties {
  order: Int
  cue: String!
  text: String!
  fromStep: String
  toStep: String
}

type Area @node ${readOnly} {
  id: ID!
  code: String!
  title: String!
  order: Int
  practices: [GoodPractice!]! @relationship(type: "HAS_PRACTICE", direction: OUT, properties: "Ordered")
}

type GoodPractice @node ${readOnly} {
  id: ID!
  number: Int!
  title: String!
  areaCode: String
  lead: String
  bodyOwner: Int
  sourceStartLine: Int
  sourceEndLine: Int
  sourcePage: Int
  sourceText: String
  area: [Area!]! @relationship(type: "HAS_PRACTICE", direction: IN, properties: "Ordered")
  keyActions: [KeyAction!]! @relationship(type: "HAS_KEY_ACTION", direction: OUT, properties: "Ordered")
  steps: [Step!]! @relationship(type: "HAS_STEP", direction: OUT, properties: "Ordered")
  actors: [Actor!]! @relationship(type: "MENTIONS_ACTOR", direction: OUT, properties: "ActorMentionProperties")
  citations: [Instrument!]! @relationship(type: "CITES", direction: OUT, properties: "CitationProperties")
  examples: [Example!]! @relationship(type: "HAS_EXAMPLE", direction: OUT, properties: "Ordered")
  references: [GoodPractice!]! @relationship(type: "REFERENCES", direction: OUT, properties: "CrossReferenceProperties")
  referencedBy: [GoodPractice!]! @relationship(type: "REFERENCES", direction: IN, properties: "CrossReferenceProperties")
  footnotes: [Footnote!]! @relationship(type: "HAS_FOOTNOTE", direction: OUT)
  mergedWith: [GoodPractice!]! @relationship(type: "MERGED_WITH", direction: OUT)
}

type KeyAction @node ${readOnly} {
  id: ID!
  number: Int!
  text: String!
  order: Int
  lead: String
  steps: [Step!]! @relationship(type: "IN_ACTION", direction: IN)
  practice: [GoodPractice!]! @relationship(type: "HAS_KEY_ACTION", direction: IN, properties: "Ordered")
}

type Step @node ${readOnly} {
  id: ID!
  number: Int!
  text: String!
  items: [String!]
  order: Int
  practice: [GoodPractice!]! @relationship(type: "HAS_STEP", direction: IN, properties: "Ordered")
  keyAction: [KeyAction!]! @relationship(type: "IN_ACTION", direction: OUT)
}

type Actor @node ${readOnly} {
  id: ID!
  name: String!
  category: String!
  aliases: [String!]
  broader: [Actor!]! @relationship(type: "BROADER", direction: OUT)
  narrower: [Actor!]! @relationship(type: "BROADER", direction: IN)
  practices: [GoodPractice!]! @relationship(type: "MENTIONS_ACTOR", direction: IN, properties: "ActorMentionProperties")
}

type Instrument @node ${readOnly} {
  id: ID!
  title: String!
  shortName: String
  symbol: String
  issuer: String
  kind: String
  year: Int
  aliases: [String!]
  practices: [GoodPractice!]! @relationship(type: "CITES", direction: IN, properties: "CitationProperties")
}

type Example @node ${readOnly} {
  id: ID!
  name: String!
  description: String!
  urls: [String!]
  text: String
  countries: [Country!]! @relationship(type: "LOCATED_IN", direction: OUT)
  organizations: [Organization!]! @relationship(type: "RUN_BY", direction: OUT)
  practices: [GoodPractice!]! @relationship(type: "HAS_EXAMPLE", direction: IN, properties: "Ordered")
}

type Organization @node ${readOnly} {
  id: ID!
  name: String!
  aliases: [String!]
  examples: [Example!]! @relationship(type: "RUN_BY", direction: IN)
}

type Country @node ${readOnly} {
  id: ID!
  name: String!
  kind: String
  examples: [Example!]! @relationship(type: "LOCATED_IN", direction: IN)
}

type Footnote @node ${readOnly} {
  id: ID!
  number: Int!
  text: String!
  urls: [String!]
}

type Manifestation @node ${readOnly} {
  id: ID!
  letter: String
  name: String!
  family: String!
  definition: String!
}

type WatchPoint @node ${readOnly} {
  id: ID!
  factor: String!
  category: String!
  indicators: [String!]
}

type RegionalContext @node ${readOnly} {
  id: ID!
  name: String!
  description: String!
  manifestations: [Manifestation!]! @relationship(type: "ASSOCIATED_WITH", direction: OUT)
}
`;
}

/**
 * Plain (non-node) result types of the @cypher fields. The library projects
 * the maps the statements return onto them.
 */
function cypherResultTypes(): string {
  return `
type PeerPracticeRef { id: ID! number: Int! title: String! }

type PeerRelatedPractice { practice: PeerPracticeRef! score: Float! reasons: [String!]! }

type PeerSearchHit { id: ID! type: String! label: String! score: Float! }

type PeerSubgraphNode { id: ID! type: String! label: String! }
type PeerSubgraphEdge { id: ID! source: ID! target: ID! type: String! }
type PeerSubgraph { nodes: [PeerSubgraphNode!]! edges: [PeerSubgraphEdge!]! }
`;
}

/** Label shown for a node: the first of its naming properties that is set. */
const nodeLabelExpression = (variable: string) =>
  `coalesce(${variable}.title, ${variable}.name, ${variable}.text, ${variable}.factor, ${variable}.id)`;

/** Primary label of a node: the first label that is not the shared `Node` label. */
const nodeTypeExpression = (variable: string) => `head([l IN labels(${variable}) WHERE l <> 'Node'])`;

function cypherQueryFields(indexes: PeerSearchIndexes): string {
  const indexList = JSON.stringify(indexes.names).replace(/"/g, "'");
  // Related practices: shared actors, shared instruments and cross-references in either direction.
  const related = `
MATCH (p:GoodPractice {number: $number})
CALL (p) {
  MATCH (p)-[:MENTIONS_ACTOR]->(a:Actor)<-[:MENTIONS_ACTOR]-(o:GoodPractice) WHERE o <> p
  RETURN o, 'actor: ' + a.name AS reason
  UNION
  MATCH (p)-[:CITES]->(i:Instrument)<-[:CITES]-(o:GoodPractice) WHERE o <> p
  RETURN o, 'instrument: ' + i.title AS reason
  UNION
  MATCH (p)-[:REFERENCES]->(o:GoodPractice) WHERE o <> p
  RETURN o, 'references GP ' + toString(o.number) AS reason
  UNION
  MATCH (p)<-[:REFERENCES]-(o:GoodPractice) WHERE o <> p
  RETURN o, 'referenced by GP ' + toString(o.number) AS reason
}
WITH o, collect(DISTINCT reason) AS reasons
WITH o, reasons, toFloat(size(reasons)) AS score
ORDER BY score DESC, o.number ASC
LIMIT $first
RETURN { practice: { id: o.id, number: o.number, title: o.title }, score: score, reasons: reasons } AS related`;
  const search = `
UNWIND ${indexList} AS indexName
CALL db.index.fulltext.queryNodes(indexName, $query) YIELD node, score
WITH node, max(score) AS score
ORDER BY score DESC, node.id ASC
LIMIT $first
RETURN { id: node.id, type: ${nodeTypeExpression('node')}, label: ${nodeLabelExpression('node')}, score: score } AS hit`;
  const neighbourhood = `
MATCH (centre:Node {id: $id})
OPTIONAL MATCH (centre)-[r]-(n:Node)
WITH centre, collect(DISTINCT n) AS neighbours, collect(DISTINCT r) AS rels
WITH [centre] + neighbours AS nodes, rels
RETURN {
  nodes: [n IN nodes | { id: n.id, type: ${nodeTypeExpression('n')}, label: ${nodeLabelExpression('n')} }],
  edges: [r IN rels | { id: coalesce(r.id, type(r) + ':' + startNode(r).id + '->' + endNode(r).id), source: startNode(r).id, target: endNode(r).id, type: type(r) }]
} AS subgraph`;
  return `
type Query {
  relatedPractices(number: Int!, first: Int = 5): [PeerRelatedPractice!]!
    @cypher(statement: """${related}""", columnName: "related")
  search(query: String!, first: Int = 20): [PeerSearchHit!]!
    @cypher(statement: """${search}""", columnName: "hit")
  neighborhood(id: ID!): PeerSubgraph
    @cypher(statement: """${neighbourhood}""", columnName: "subgraph")
}
`;
}

export function peerTypeDefs(indexes: PeerSearchIndexes): string {
  return [nodeTypes(), cypherResultTypes(), cypherQueryFields(indexes)].join('\n');
}
