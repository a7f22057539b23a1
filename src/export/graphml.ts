// GraphML writer (graphology-graphml only parses). Follows the GraphML 1.0
// schema with typed <key> declarations, which Gephi, Cytoscape, yEd and
// graphology-graphml read.
import { inferColumns, toColumnValue, type Column } from './attribute-table.js';
import type { ExportGraph } from './export-graph.js';
import { colourOf as colourForType } from '../graph/model.js';
import { escapeXml } from './xml-text.js';

const NODE_RESERVED: Column[] = [
  { name: 'label', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'color', type: 'string' },
];
const EDGE_RESERVED: Column[] = [
  { name: 'label', type: 'string' },
  { name: 'type', type: 'string' },
];

const GRAPHML_TYPES: Record<Column['type'], string> = {
  boolean: 'boolean',
  long: 'long',
  double: 'double',
  string: 'string',
};

function keyDeclarations(domain: 'node' | 'edge', prefix: string, columns: Column[]): string[] {
  return columns.map(
    (column, index) =>
      `  <key id="${prefix}${index}" for="${domain}" attr.name="${escapeXml(column.name)}" attr.type="${GRAPHML_TYPES[column.type]}"/>`,
  );
}

function dataElements(prefix: string, columns: Column[], values: Record<string, unknown>): string {
  const parts: string[] = [];
  columns.forEach((column, index) => {
    const value = values[column.name];
    if (value === undefined || value === null) return;
    const scalar = toColumnValue(value as Parameters<typeof toColumnValue>[0], column.type);
    parts.push(`<data key="${prefix}${index}">${escapeXml(String(scalar))}</data>`);
  });
  return parts.join('');
}

export function toGraphML(graph: ExportGraph): string {
  const nodeColumns = inferColumns(graph.nodes.map((node) => node.properties), NODE_RESERVED);
  const edgeColumns = inferColumns(graph.edges.map((edge) => edge.properties), EDGE_RESERVED);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyDeclarations('node', 'n', nodeColumns),
    ...keyDeclarations('edge', 'e', edgeColumns),
    '  <graph id="nexus-policy-toolkit" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    const values = { ...node.properties, label: node.label, type: node.type, color: colourForType(node.type) };
    lines.push(`    <node id="${escapeXml(node.id)}">${dataElements('n', nodeColumns, values)}</node>`);
  }
  for (const edge of graph.edges) {
    const values = { ...edge.properties, label: edge.type, type: edge.type };
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${dataElements('e', edgeColumns, values)}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
