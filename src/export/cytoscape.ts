// Cytoscape JSON (the Cytoscape.js "elements" format, which Cytoscape desktop
// imports via File > Import > Network from File). Network analytics are
// `analytics_*` fields of node data, their provenance `data.analytics`.
import { analyticsProvenance, analyticsValues, type AnalyticsProvenance } from './analytics.js';
import { DEFAULT_WRITE_OPTIONS, nodeColour, type ExportGraph, type WriteOptions } from './export-graph.js';
import type { PropertyValue } from '../graph/values.js';

export interface CytoscapeElementData {
  id: string;
  [key: string]: PropertyValue;
}

export interface CytoscapeJson {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; scope: string; analytics?: AnalyticsProvenance };
  elements: {
    nodes: Array<{ data: CytoscapeElementData }>;
    edges: Array<{ data: CytoscapeElementData & { source: string; target: string } }>;
  };
}

export function toCytoscapeJson(graph: ExportGraph, options: WriteOptions = DEFAULT_WRITE_OPTIONS): CytoscapeJson {
  const scope = graph.scope.kind === 'whole' ? 'whole graph' : `neighbourhood of ${graph.scope.centre}, depth ${graph.scope.depth}`;
  return {
    format_version: '1.0',
    generated_by: 'nexus-knowledge-graph',
    target_cytoscapejs_version: '~3',
    data: { name: 'Nexus Policy Toolkit', scope, ...(graph.analytics ? { analytics: analyticsProvenance(graph.analytics) } : {}) },
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: {
          ...node.properties,
          id: node.id,
          label: node.label,
          type: node.type,
          labels: node.labels,
          color: nodeColour(graph, node, options.colour),
          name: typeof node.properties['name'] === 'string' ? node.properties['name'] : node.label,
          ...analyticsValues(graph.analytics?.byNode.get(node.id)),
        },
      })),
      edges: graph.edges.map((edge) => ({
        data: {
          ...edge.properties,
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type,
          interaction: edge.type,
        },
      })),
    },
  };
}
