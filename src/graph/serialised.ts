// The serialised toolkit graph: the contract between ingestion, store and API.
// Documented in docs/graph-format.md.

export const GRAPH_FORMAT = 'nexus-graph/1' as const;

/** Values Neo4j can store as a property. */
export type PropertyValue = string | number | boolean | string[] | number[];
export type Properties = Record<string, PropertyValue>;

export interface SerialisedNode {
  id: string;
  labels: string[];
  properties: Properties;
}

export interface SerialisedRelationship {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Properties;
}

export interface DatasetInfo {
  /** SHA-256 of the canonical JSON of nodes and relationships. */
  version: string;
  sourceSha256: string;
  sourcePath: string;
}

export interface SerialisedGraph {
  format: typeof GRAPH_FORMAT;
  dataset: DatasetInfo;
  nodes: SerialisedNode[];
  relationships: SerialisedRelationship[];
}
