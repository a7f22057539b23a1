// The in-memory graph every export format is written from.
import type { PropertyValue } from './neo4j-values.js';

export interface ExportNode {
  id: string;
  /** Primary label (every label but the technical `Node`). */
  type: string;
  labels: string[];
  label: string;
  properties: Record<string, PropertyValue>;
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, PropertyValue>;
}

export interface ExportGraph {
  /** What the graph covers: the whole dataset or a neighbourhood. */
  scope: { kind: 'whole' } | { kind: 'neighbourhood'; centre: string; depth: number };
  nodes: ExportNode[];
  edges: ExportEdge[];
}
