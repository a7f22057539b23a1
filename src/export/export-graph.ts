// The in-memory graph every export format is written from, made from a
// subgraph read by the one data layer (src/graph/subgraph.ts), with the
// network analytics of its nodes when the database holds them.
import { readAnalyticsRuns, readNodeAnalytics } from '../analytics/read.js';
import { colourOf as colourForType, displayLabelOf, nodeLabelOf } from '../graph/model.js';
import type { GraphReader } from '../graph/reader.js';
import type { SubgraphRecord } from '../graph/subgraph.js';
import type { PropertyValue } from '../graph/values.js';
import { communityColour, type ColourMode, type ExportAnalytics } from './analytics.js';

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
  /** Scores and communities of the nodes, with their runs; null when the database has none (no GDS plugin). */
  analytics: ExportAnalytics | null;
}

/** How a writer colours nodes: by type (the model's colours) or by community. */
export interface WriteOptions {
  colour: ColourMode;
}

export const DEFAULT_WRITE_OPTIONS: WriteOptions = { colour: 'type' };

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
    analytics: null,
  };
}

/**
 * The figures of the graph's nodes and the runs that made them: two statements
 * through the same reader, run together. Null when no runs are stored for the
 * current dataset (no GDS plugin, or not computed yet): the export is then as
 * it was before analytics existed.
 */
export async function readExportAnalytics(reader: GraphReader, graph: ExportGraph): Promise<ExportAnalytics | null> {
  const [byNode, { datasetVersion, runs }] = await Promise.all([
    readNodeAnalytics(reader, graph.nodes.map((node) => node.id)),
    readAnalyticsRuns(reader),
  ]);
  if (datasetVersion === null || runs.length === 0) return null;
  return { datasetVersion, runs, byNode };
}

/** The colour of a node under the requested mode (#rrggbb). */
export function nodeColour(graph: ExportGraph, node: ExportNode, mode: ColourMode): string {
  if (mode === 'community') return communityColour(graph.analytics?.byNode.get(node.id)?.community);
  return colourForType(node.type);
}
