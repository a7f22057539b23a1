// GEXF 1.3 through graphology-gexf's writer, with node colours in viz:color
// so Gephi opens the graph coloured by type.
import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import type { ExportGraph } from './export-graph.js';
import { colourOf as colourForType } from '../graph/model.js';
import type { PropertyValue } from '../graph/values.js';
import { stripInvalidXmlCharacters } from './xml-text.js';

/** Attribute names the GEXF model reserves for itself. */
const RESERVED = new Set(['label', 'type', 'weight', 'kind', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness']);

function gexfAttributes(properties: Record<string, PropertyValue>, type: string): Attributes {
  const out: Attributes = { type };
  for (const [name, value] of Object.entries(properties)) {
    const key = RESERVED.has(name) ? `${name}_` : name;
    out[key] = Array.isArray(value)
      ? stripInvalidXmlCharacters(JSON.stringify(value))
      : typeof value === 'string'
        ? stripInvalidXmlCharacters(value)
        : value;
  }
  return out;
}

/** Attributes renamed because GEXF reserves their name: `kind` becomes `kind_`. */
export function gexfAttributeName(property: string): string {
  return RESERVED.has(property) ? `${property}_` : property;
}

export function toGexf(graph: ExportGraph): string {
  const model = new MultiDirectedGraph();
  for (const node of graph.nodes) {
    model.addNode(node.id, { label: node.label, type: node.type, properties: node.properties });
  }
  for (const edge of graph.edges) {
    model.addEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, properties: edge.properties });
  }
  return gexf.write(model, {
    version: '1.3',
    formatNode: (_key, attributes) => ({
      label: stripInvalidXmlCharacters(String(attributes['label'])),
      viz: { color: colourForType(String(attributes['type'])) },
      attributes: gexfAttributes(attributes['properties'] as Record<string, PropertyValue>, String(attributes['type'])),
    }),
    formatEdge: (_key, attributes) => ({
      label: String(attributes['type']),
      attributes: gexfAttributes(attributes['properties'] as Record<string, PropertyValue>, String(attributes['type'])),
    }),
  });
}
