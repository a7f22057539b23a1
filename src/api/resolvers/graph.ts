// The Node interface, connections, and the plain-data shapes for graph tools.
import { ANALYTICS_NODE_LABELS } from '../../analytics/definitions.js';
import { analyticsField, currentRuns } from './analytics.js';
import type {
  DatasetResolvers,
  GraphEdgeResolvers,
  GraphNodeResolvers,
  GraphPathResolvers,
  NodeResolvers,
  PageInfoResolvers,
  RelatedPracticeResolvers,
  Resolvers,
  SearchHitResolvers,
  SubgraphResolvers,
} from '../generated/resolvers-types.js';
import { displayLabelOf, FIELD_BINDINGS, nodeLabelOf, NODE_TYPE_BY_LABEL } from '../../graph/model.js';
import type { ConnectionRecord, NodeRecord } from '../model.js';
import { connectionEdges, pageInfo } from '../pagination.js';
import { planOf } from '../plans.js';

/** The GraphQL object type of a node: its own label, when the schema has a type for it. */
function typeOf(node: NodeRecord): string | null {
  const label = nodeLabelOf(node.labels);
  return NODE_TYPE_BY_LABEL.has(label) && FIELD_BINDINGS[label] ? label : null;
}

export const Node: NodeResolvers = {
  __resolveType: (node) => typeOf(node) as ReturnType<NonNullable<NodeResolvers['__resolveType']>> & string,
};

const connection = {
  totalCount: (record: ConnectionRecord) => record.totalCount,
  nodes: (record: ConnectionRecord) => record.nodes,
  edges: (record: ConnectionRecord) => connectionEdges(record),
  pageInfo: (record: ConnectionRecord) => record,
};

export const connections: Pick<Resolvers, 'GoodPracticeConnection' | 'ActorConnection' | 'InstrumentConnection' | 'ExampleConnection'> = {
  GoodPracticeConnection: connection,
  ActorConnection: connection,
  InstrumentConnection: connection,
  ExampleConnection: connection,
};

export const PageInfo: PageInfoResolvers = {
  hasNextPage: (record) => pageInfo(record).hasNextPage,
  hasPreviousPage: (record) => pageInfo(record).hasPreviousPage,
  startCursor: (record) => pageInfo(record).startCursor,
  endCursor: (record) => pageInfo(record).endCursor,
};

/**
 * Cache identities of the objects that are not nodes: the type name, then a
 * key. Node ids never start with a type name (their prefixes are lower-case,
 * src/graph/model.ts), so Relay, Apollo Client and urql never mix the two.
 */
export const identity = (typeName: string, key: string): string => `${typeName}:${key}`;

export const SearchHit: SearchHitResolvers = {
  id: (hit) => identity('SearchHit', `${hit.node.id}?${hit.search}`),
  score: (hit) => hit.score,
  snippet: (hit) => hit.snippet,
  field: (hit) => hit.field,
  type: (hit) => nodeLabelOf(hit.node.labels),
  node: (hit) => hit.node,
};

export const RelatedPractice: RelatedPracticeResolvers = {
  id: (record) => identity('RelatedPractice', `${record.fromId}>${record.practiceId}`),
  practice: (record, _args, { loaders }, info) => loaders.existingNode(record.practiceId, planOf(info)),
  score: (record) => record.score,
  reasons: (record) => record.reasons,
  sharedActors: (record, _args, { loaders }, info) => Promise.all(record.sharedActorIds.map((id) => loaders.existingNode(id, planOf(info)))),
  sharedInstruments: (record, _args, { loaders }, info) =>
    Promise.all(record.sharedInstrumentIds.map((id) => loaders.existingNode(id, planOf(info)))),
  referencesTo: (record) => record.referencesTo,
  referencedFrom: (record) => record.referencedFrom,
  similarity: async (record, _args, context) => {
    const [pair] = await Promise.all([context.loaders.analytics.similarity(record.fromId, record.practiceId), currentRuns(context)]);
    return pair;
  },
};

export const GraphNode: GraphNodeResolvers = {
  id: (node) => identity('GraphNode', node.id),
  nodeId: (node) => node.id,
  type: (node) => nodeLabelOf(node.labels),
  labels: (node) => node.labels,
  label: (node) => displayLabelOf(nodeLabelOf(node.labels), node.id, node.properties),
  properties: (node) => node.properties,
  node: (node: NodeRecord) => (typeOf(node) ? node : null),
  // Only practices, actors and instruments are in the analytics graph; other nodes have none (and no error).
  analytics: (node, args, context) =>
    (ANALYTICS_NODE_LABELS as readonly string[]).includes(nodeLabelOf(node.labels)) ? analyticsField.analytics(node, args, context) : null,
};

export const GraphEdge: GraphEdgeResolvers = {
  id: (edge) => identity('GraphEdge', edge.id),
  relationshipId: (edge) => edge.id,
  source: (edge) => edge.startId,
  target: (edge) => edge.endId,
  type: (edge) => edge.type,
  properties: (edge) => edge.properties,
};

export const Subgraph: SubgraphResolvers = {
  id: (subgraph) => identity('Subgraph', subgraph.key),
  nodes: (subgraph) => subgraph.nodes,
  edges: (subgraph) => subgraph.edges,
};

export const GraphPath: GraphPathResolvers = {
  id: (path) =>
    identity('GraphPath', path.relationships.length > 0 ? path.relationships.map((edge) => edge.id).join(',') : path.nodes.map((node) => node.id).join(',')),
  length: (path) => path.relationships.length,
  nodes: (path) => path.nodes,
  relationships: (path) => path.relationships,
};

export const Dataset: DatasetResolvers = {
  id: (record) => identity('Dataset', record.version),
  version: (record) => record.version,
  sourceSha256: (record) => record.sourceSha256,
  loadedAt: (record) => record.loadedAt,
  nodeCount: (record) => record.nodeCount,
  relationshipCount: (record) => record.relationshipCount,
};
