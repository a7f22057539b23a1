// What the resolvers are given, as plain values. Every GraphQL type is
// resolved from one of these records (see the mappers in codegen.ts); nodes
// and relationships are read by the one data layer (src/graph/).
import { numberProperty, stringProperty, type EdgeRecord, type NodeRecord, type Properties } from '../graph/values.js';

export type { EdgeRecord, NodeRecord, Properties };
export type { DatasetRecord } from '../graph/dataset.js';
export type { SubgraphRecord } from '../graph/subgraph.js';

/** Provenance of a node or relationship in the vendored source. */
export interface SourceRecord {
  startLine: number;
  endLine: number;
  page: number | null;
  text: string;
}

/** One page of a Relay connection. */
export interface ConnectionRecord {
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

export interface RelatedPracticeRecord {
  practiceId: string;
  score: number;
  reasons: string[];
  sharedActorIds: string[];
  sharedInstrumentIds: string[];
  referencesTo: boolean;
  referencedFrom: boolean;
}

export interface PathRecord {
  nodes: NodeRecord[];
  relationships: EdgeRecord[];
}

/** The provenance stored on a node or relationship, or null when it has none. */
export function sourceOf(record: { properties: Properties }): SourceRecord | null {
  const startLine = numberProperty(record, 'sourceStartLine');
  const endLine = numberProperty(record, 'sourceEndLine');
  if (startLine === null || endLine === null) return null;
  return {
    startLine,
    endLine,
    page: numberProperty(record, 'sourcePage'),
    text: stringProperty(record, 'sourceText') ?? stringProperty(record, 'text') ?? '',
  };
}
