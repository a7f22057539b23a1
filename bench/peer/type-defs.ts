// Type definitions for the peer server built with @neo4j/graphql 7, mirroring
// schema.graphql as closely as the library allows over the same Neo4j graph
// (labels, properties and relationship types of docs/graph-format.md).
//
// Where the library has no equivalent of one of our resolvers (full-text search
// across types, related-practice ranking, a generic neighbourhood subgraph) the
// field is a @cypher field: that is how a user of the library would write it.
// The library compiles each request into one Cypher statement; @cypher fields
// are inlined as subqueries of that statement.

import { FIELD_BINDINGS, NODE_SOURCE_KEYS, NODE_TYPES, PROPERTY_TYPES, relationshipModel, RELATIONSHIPS, type RelationshipModel } from '../../src/graph/model.js';

/** Name of the full-text indexes the store creates (cypher/ migrations). */
export interface PeerSearchIndexes {
  /** Full-text index names queried by the peer's search field, in any order. */
  names: string[];
}

const readOnly = '@mutation(operations: [])';

const pascal = (type: string): string => type.toLowerCase().replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());
const propertiesTypeName = (relationship: RelationshipModel): string => `${pascal(relationship.type)}Properties`;

function propertyLines(keys: readonly string[]): string[] {
  return keys.map((key) => `  ${key}: ${PROPERTY_TYPES[key] ?? 'String'}`);
}

/**
 * Node types and relationship property types, generated from the graph model
 * (src/graph/model.ts): the same labels, properties and relationships as ours.
 * Relationship-backed fields are lists of the node at the other end, carrying
 * the relationship's properties, as the library models them.
 */
function nodeTypes(): string {
  const relationshipTypes = RELATIONSHIPS.filter((relationship) => relationship.properties.length > 0).map(
    (relationship) => `type ${propertiesTypeName(relationship)} @relationshipProperties {\n${propertyLines(relationship.properties).join('\n')}\n}`,
  );
  const nodeTypes = NODE_TYPES.map((type) => {
    const fields = [`  id: ID!`, ...propertyLines([...type.properties, ...NODE_SOURCE_KEYS])];
    // The library allows one field per relationship type and direction: a node list wins over a relationship list.
    const links = Object.entries(FIELD_BINDINGS[type.label] ?? {})
      .flatMap(([field, binding]) => (binding.kind === 'link' ? [{ field, binding }] : []))
      .sort((a, b) => (a.binding.returns === b.binding.returns ? 0 : a.binding.returns === 'node' ? -1 : 1));
    const seen = new Set<string>();
    for (const { field, binding } of links) {
      const key = `${binding.relationship}:${binding.direction}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const relationship = relationshipModel(binding.relationship);
      const ends = binding.direction === 'out' ? relationship?.to : relationship?.from;
      // A field whose far end has several labels (Footnote.attachedTo) has no single node type in the library.
      if (!relationship || !ends || ends.length !== 1) continue;
      const properties = relationship.properties.length > 0 ? `, properties: "${propertiesTypeName(relationship)}"` : '';
      fields.push(`  ${field}: [${ends[0]}!]! @relationship(type: "${relationship.type}", direction: ${binding.direction.toUpperCase()}${properties})`);
    }
    return `type ${type.label} @node ${readOnly} {\n${fields.join('\n')}\n}`;
  });
  return [...relationshipTypes, ...nodeTypes].join('\n\n');
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
