// GraphML writer (graphology-graphml only parses). Valid against the GraphML
// 1.0 schema (JGraphT validates with it): typed <key> declarations, and
// element ids that are NMTOKENs (graph ids such as `gp:17/action:2` or
// relationship ids with `->` and `#` are not), with the graph id kept in an
// `id` attribute. Gephi, Cytoscape, yEd, networkx, igraph and
// graphology-graphml read it. Network analytics are typed `analytics_*` node
// keys, and their provenance is graph data (`analytics`, JSON).
import { analyticsProvenance, analyticsValues, ANALYTICS_COLUMN_LIST } from './analytics.js';
import { inferColumns, toColumnValue, type Column } from './attribute-table.js';
import { DEFAULT_WRITE_OPTIONS, nodeColour, type ExportGraph, type WriteOptions } from './export-graph.js';
import { escapeXml } from './xml-text.js';

const NODE_RESERVED: Column[] = [
  { name: 'id', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'color', type: 'string' },
];
const EDGE_RESERVED: Column[] = [
  { name: 'id', type: 'string' },
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

/**
 * The graph id as an XML NMTOKEN: letters, digits, `.`, `:` and `-` stay;
 * every other character (and `_` itself, so the mapping is reversible)
 * becomes `_xHHHH_` with its code point, as in XmlConvert.EncodeName:
 * `gp:17/action:2` → `gp:17_x002F_action:2`.
 */
export function xmlIdFor(id: string): string {
  let out = '';
  for (const char of id) {
    out += /[A-Za-z0-9.:-]/.test(char) ? char : `_x${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`;
  }
  return out === '' ? '_' : out;
}

/** The inverse of xmlIdFor. */
export function graphIdFromXmlId(xmlId: string): string {
  return xmlId.replace(/_x([0-9A-F]{4,6})_/g, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** The graph-level key holding the analytics' provenance. */
export const GRAPHML_ANALYTICS_KEY = 'analytics';

export function toGraphML(graph: ExportGraph, options: WriteOptions = DEFAULT_WRITE_OPTIONS): string {
  const reserved = graph.analytics ? [...NODE_RESERVED, ...ANALYTICS_COLUMN_LIST] : NODE_RESERVED;
  const nodeColumns = inferColumns(graph.nodes.map((node) => node.properties), reserved);
  const edgeColumns = inferColumns(graph.edges.map((edge) => edge.properties), EDGE_RESERVED);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyDeclarations('node', 'n', nodeColumns),
    ...keyDeclarations('edge', 'e', edgeColumns),
    ...(graph.analytics ? [`  <key id="g0" for="graph" attr.name="${GRAPHML_ANALYTICS_KEY}" attr.type="string"/>`] : []),
    '  <graph id="nexus-policy-toolkit" edgedefault="directed">',
    ...(graph.analytics ? [`    <data key="g0">${escapeXml(JSON.stringify(analyticsProvenance(graph.analytics)))}</data>`] : []),
  ];
  for (const node of graph.nodes) {
    const values = {
      ...node.properties,
      id: node.id,
      label: node.label,
      type: node.type,
      color: nodeColour(graph, node, options.colour),
      ...analyticsValues(graph.analytics?.byNode.get(node.id)),
    };
    lines.push(`    <node id="${xmlIdFor(node.id)}">${dataElements('n', nodeColumns, values)}</node>`);
  }
  for (const edge of graph.edges) {
    const values = { ...edge.properties, id: edge.id, label: edge.type, type: edge.type };
    lines.push(
      `    <edge id="${xmlIdFor(edge.id)}" source="${xmlIdFor(edge.source)}" target="${xmlIdFor(edge.target)}">${dataElements('e', edgeColumns, values)}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
