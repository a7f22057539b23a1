// What the repositories read from Neo4j, as plain values. Every GraphQL type
// is resolved from one of these records (see the mappers in codegen.ts).

export type Scalar = string | number | boolean;
export type PropertyValue = Scalar | Scalar[];
export type Properties = Record<string, PropertyValue>;

/** A node as stored: its id, labels (without the technical `Node` label) and properties. */
export interface NodeRecord {
  id: string;
  labels: string[];
  properties: Properties;
}

/** A relationship as stored, oriented as stored (start → end). */
export interface EdgeRecord {
  id: string;
  type: string;
  startId: string;
  endId: string;
  properties: Properties;
}

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

export interface SubgraphRecord {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export interface PathRecord {
  nodes: NodeRecord[];
  relationships: EdgeRecord[];
}

export interface DatasetRecord {
  version: string;
  sourceSha256: string;
  loadedAt: string | null;
  nodeCount: number;
  relationshipCount: number;
}

/** The primary label: the first label that is not the technical `Node` label. */
export function primaryLabel(node: NodeRecord): string {
  return node.labels[0] ?? 'Node';
}

export function stringProperty(record: { properties: Properties }, key: string): string | null {
  const value = record.properties[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

export function numberProperty(record: { properties: Properties }, key: string): number | null {
  const value = record.properties[key];
  return typeof value === 'number' ? value : null;
}

export function stringListProperty(record: { properties: Properties }, key: string): string[] {
  const value = record.properties[key];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
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
