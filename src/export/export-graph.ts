// The in-memory graph every export format is written from, made from a
// subgraph read by the one data layer (src/graph/subgraph.ts).
import { displayLabelOf, nodeLabelOf } from '../graph/model.js';
import type { SubgraphRecord } from '../graph/subgraph.js';
import type { PropertyValue } from '../graph/values.js';

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

export type ExportScope = { kind: 'whole' } | { kind: 'neighbourhood'; centre: string; depth: number };

export interface ExportGraph {
  /** What the graph covers: the whole dataset or a neighbourhood. */
  scope: ExportScope;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

const byId = <T extends { id: string }>(left: T, right: T): number => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);

export function toExportGraph(subgraph: SubgraphRecord, scope: ExportScope): ExportGraph {
  return {
    scope,
    nodes: subgraph.nodes
      .map((node) => {
        const type = nodeLabelOf(node.labels);
        return { id: node.id, type, labels: [...node.labels].sort(), label: displayLabelOf(type, node.id, node.properties), properties: node.properties };
      })
      .sort(byId),
    edges: subgraph.edges
      .map((edge) => ({ id: edge.id, type: edge.type, source: edge.startId, target: edge.endId, properties: edge.properties }))
      .sort(byId),
  };
}
