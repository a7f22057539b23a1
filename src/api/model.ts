// What the resolvers are given, as plain values. Every GraphQL type is
// resolved from one of these records (see the mappers in codegen.ts); nodes
// and relationships are read by the one data layer (src/graph/).
import { numberProperty, stringProperty, type EdgeRecord, type NodeRecord, type Properties } from '../graph/values.js';

export type { EdgeRecord, NodeRecord, Properties };
export type { DatasetRecord } from '../graph/dataset.js';
import type { SubgraphRecord } from '../graph/subgraph.js';
export type { SubgraphRecord };

/** Provenance of a node or relationship in the vendored source. */
export interface SourceRecord {
  /** Id of the node or relationship it belongs to (its cache identity). */
  ownerId: string;
  startLine: number;
  endLine: number;
  page: number | null;
  text: string;
}

/** One page of a Relay connection. */
export interface ConnectionRecord {
  /** Key of the connection and filter, carried by its cursors. */
  cursorKey: string;
  totalCount: number;
  /** Offset of the first node of the page in the whole ordered list. */
  offset: number;
  nodes: NodeRecord[];
}

export interface ConnectionEdgeRecord {
  cursor: string;
  node: NodeRecord;
}

export interface SearchHitRecord {
  score: number;
  snippet: string;
  field: string;
  node: NodeRecord;
}

/** A search hit with the search it answers (query and types), part of its cache identity. */
export interface SearchHitResult extends SearchHitRecord {
  search: string;
}

export interface RelatedPracticeRecord {
  practiceId: string;
  score: number;
  reasons: string[];
  sharedActorIds: string[];
  sharedInstrumentIds: string[];
  referencesTo: boolean;
  referencedFrom: boolean;
}

/** A related practice with the practice it is related to, part of its cache identity. */
export interface RelatedPracticeResult extends RelatedPracticeRecord {
  fromId: string;
}

/** A neighbourhood with the arguments that made it (its cache identity). */
export interface SubgraphResult extends SubgraphRecord {
  key: string;
}

export interface PathRecord {
  nodes: NodeRecord[];
  relationships: EdgeRecord[];
}

/** The provenance stored on a node or relationship, or null when it has none. */
export function sourceOf(record: { id: string; properties: Properties }): SourceRecord | null {
  const startLine = numberProperty(record, 'sourceStartLine');
  const endLine = numberProperty(record, 'sourceEndLine');
  if (startLine === null || endLine === null) return null;
  return {
    ownerId: record.id,
    startLine,
    endLine,
    page: numberProperty(record, 'sourcePage'),
    text: stringProperty(record, 'sourceText') ?? stringProperty(record, 'text') ?? '',
  };
}

export type {
  AnalyticsRecord,
  AnalyticsRunRecord,
  AreaActorCategoryRecord,
  CentralityScoreRecord,
  CommunityRecord,
  NodeAnalyticsRecord,
  PairRecord,
} from './repositories/analytics.js';
