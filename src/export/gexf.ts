// GEXF 1.3 (gexf.net/1.3), written directly: typed attribute declarations,
// node colours as viz:color r/g/b (which networkx's read_gexf and Gephi read),
// and viz:position / viz:size from the layout, so Gephi opens a laid-out graph.
import { inferColumns, toColumnValue, type Column } from './attribute-table.js';
import type { ExportGraph } from './export-graph.js';
import type { Layout } from './layout.js';
import { colourOf as colourForType } from '../graph/model.js';
import type { PropertyValue } from '../graph/values.js';
import { escapeXml } from './xml-text.js';

/** Attribute names the GEXF model reserves for itself. */
const RESERVED = new Set(['label', 'type', 'weight', 'kind', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness']);

/** Attributes renamed because GEXF reserves their name: `kind` becomes `kind_`. */
export function gexfAttributeName(property: string): string {
  return RESERVED.has(property) ? `${property}_` : property;
}

const GEXF_TYPES: Record<Column['type'], string> = { boolean: 'boolean', long: 'long', double: 'double', string: 'string' };

function renamed(properties: Record<string, PropertyValue>, type: string): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = { type };
  for (const [name, value] of Object.entries(properties)) out[gexfAttributeName(name)] = value;
  return out;
}

function declarations(domain: 'node' | 'edge', columns: Column[]): string[] {
  return [
    `    <attributes class="${domain}" mode="static">`,
    ...columns.map((column, index) => `      <attribute id="${index}" title="${escapeXml(column.name)}" type="${GEXF_TYPES[column.type]}"/>`),
    '    </attributes>',
  ];
}

function attributeValues(columns: Column[], values: Record<string, PropertyValue>): string {
  const parts: string[] = [];
  columns.forEach((column, index) => {
    const value = values[column.name];
    if (value === undefined || value === null) return;
    parts.push(`<attvalue for="${index}" value="${escapeXml(String(toColumnValue(value, column.type)))}"/>`);
  });
  return parts.length === 0 ? '' : `<attvalues>${parts.join('')}</attvalues>`;
}

/** #rrggbb as r, g, b. */
export function rgb(hex: string): { r: number; g: number; b: number } {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return { r: parseInt(match[1]!, 16), g: parseInt(match[2]!, 16), b: parseInt(match[3]!, 16) };
}

export function toGexf(graph: ExportGraph, layout: Layout = new Map()): string {
  const nodeValues = graph.nodes.map((node) => renamed(node.properties, node.type));
  const edgeValues = graph.edges.map((edge) => renamed(edge.properties, edge.type));
  const nodeColumns = inferColumns(nodeValues, [{ name: 'type', type: 'string' }]);
  const edgeColumns = inferColumns(edgeValues, [{ name: 'type', type: 'string' }]);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta><creator>nexus-knowledge-graph</creator><description>Nexus Policy Toolkit</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declarations('node', nodeColumns),
    ...declarations('edge', edgeColumns),
    '    <nodes>',
  ];
  graph.nodes.forEach((node, index) => {
    const { r, g, b } = rgb(colourForType(node.type));
    const placement = layout.get(node.id);
    const viz = [
      `<viz:color r="${r}" g="${g}" b="${b}"/>`,
      ...(placement ? [`<viz:position x="${placement.x}" y="${placement.y}" z="0"/>`, `<viz:size value="${placement.size}"/>`] : []),
    ].join('');
    lines.push(
      `      <node id="${escapeXml(node.id)}" label="${escapeXml(node.label)}">${attributeValues(nodeColumns, nodeValues[index]!)}${viz}</node>`,
    );
  });
  lines.push('    </nodes>', '    <edges>');
  graph.edges.forEach((edge, index) => {
    lines.push(
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}" label="${escapeXml(edge.type)}">${attributeValues(edgeColumns, edgeValues[index]!)}</edge>`,
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
