// Cytoscape JSON (the Cytoscape.js "elements" format, which Cytoscape desktop
// imports via File > Import > Network from File). Each node carries its type's
// colour and Cytoscape.js shape from the graph model, and the file's `style`
// draws them when Cytoscape.js loads it (`cytoscape({ ...json })`).
import type { ExportGraph } from './export-graph.js';
import { colourOf as colourForType, cytoscapeShapeOf, shapeOf } from '../graph/model.js';
import type { PropertyValue } from '../graph/values.js';

export interface CytoscapeElementData {
  id: string;
  [key: string]: PropertyValue;
}

export interface CytoscapeJson {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; scope: string };
  style: Array<{ selector: string; style: Record<string, string> }>;
  elements: {
    nodes: Array<{ data: CytoscapeElementData }>;
    edges: Array<{ data: CytoscapeElementData & { source: string; target: string } }>;
  };
}

/** Cytoscape.js style: each node in the colour and shape its data names. */
export const CYTOSCAPE_STYLE: CytoscapeJson['style'] = [
  { selector: 'node', style: { 'background-color': 'data(color)', shape: 'data(shape)', label: 'data(label)' } },
  { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
];

export function toCytoscapeJson(graph: ExportGraph): CytoscapeJson {
  const scope = graph.scope.kind === 'whole' ? 'whole graph' : `neighbourhood of ${graph.scope.centre}, depth ${graph.scope.depth}`;
  return {
    format_version: '1.0',
    generated_by: 'nexus-knowledge-graph',
    target_cytoscapejs_version: '~3',
    data: { name: 'Nexus Policy Toolkit', scope },
    style: CYTOSCAPE_STYLE,
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: {
          ...node.properties,
          id: node.id,
          label: node.label,
          type: node.type,
          labels: node.labels,
          color: colourForType(node.type),
          shape: cytoscapeShapeOf(node.type),
          shapeName: shapeOf(node.type),
          name: typeof node.properties['name'] === 'string' ? node.properties['name'] : node.label,
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
