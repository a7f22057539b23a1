// The Node interface, connections, and the plain-data shapes for graph tools.
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
import { displayLabel, NODE_TYPES, nodeType } from '../display.js';
import type { ConnectionRecord, NodeRecord } from '../model.js';
import { connectionEdges, pageInfo } from '../pagination.js';

export const Node: NodeResolvers = {
  __resolveType: (node) => {
    const type = nodeType(node);
    return (NODE_TYPES.has(type) ? type : null) as ReturnType<NonNullable<NodeResolvers['__resolveType']>> & string;
  },
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

export const SearchHit: SearchHitResolvers = {
  score: (hit) => hit.score,
  snippet: (hit) => hit.snippet,
  field: (hit) => hit.field,
  type: (hit) => nodeType(hit.node),
  node: (hit) => hit.node,
};

export const RelatedPractice: RelatedPracticeResolvers = {
  practice: (record, _args, { loaders }) => loaders.existingNode(record.practiceId),
  score: (record) => record.score,
  reasons: (record) => record.reasons,
  sharedActors: (record, _args, { loaders }) => Promise.all(record.sharedActorIds.map((id) => loaders.existingNode(id))),
  sharedInstruments: (record, _args, { loaders }) => Promise.all(record.sharedInstrumentIds.map((id) => loaders.existingNode(id))),
  referencesTo: (record) => record.referencesTo,
  referencedFrom: (record) => record.referencedFrom,
};

export const GraphNode: GraphNodeResolvers = {
  id: (node) => node.id,
  type: (node) => nodeType(node),
  labels: (node) => node.labels,
  label: (node) => displayLabel(node),
  properties: (node) => node.properties,
  node: (node: NodeRecord) => (NODE_TYPES.has(nodeType(node)) ? node : null),
};

export const GraphEdge: GraphEdgeResolvers = {
  id: (edge) => edge.id,
  source: (edge) => edge.startId,
  target: (edge) => edge.endId,
  type: (edge) => edge.type,
  properties: (edge) => edge.properties,
};

export const Subgraph: SubgraphResolvers = {
  nodes: (subgraph) => subgraph.nodes,
  edges: (subgraph) => subgraph.edges,
};

export const GraphPath: GraphPathResolvers = {
  length: (path) => path.relationships.length,
  nodes: (path) => path.nodes,
  relationships: (path) => path.relationships,
};

export const Dataset: DatasetResolvers = {
  version: (record) => record.version,
  sourceSha256: (record) => record.sourceSha256,
  loadedAt: (record) => record.loadedAt,
  nodeCount: (record) => record.nodeCount,
  relationshipCount: (record) => record.relationshipCount,
};
