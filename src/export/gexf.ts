// GEXF 1.3 (gexf.net/1.3), written directly: typed attribute declarations,
// node colours as viz:color r/g/b (which networkx's read_gexf and Gephi read),
// and viz:position / viz:size from the layout, so Gephi opens a laid-out graph.
// With network analytics: `analytics_*` node attributes, viz:size from
// PageRank, and the provenance in <meta><description> (GEXF 1.3 has no
// graph-level attributes).
import { analyticsProvenance, analyticsValues, ANALYTICS_COLUMN_LIST, sizeForPageRank, type ExportAnalytics } from './analytics.js';
import { inferColumns, toColumnValue, type Column } from './attribute-table.js';
import { DEFAULT_WRITE_OPTIONS, nodeColour, type ExportGraph, type WriteOptions } from './export-graph.js';
import type { Layout } from './layout.js';
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

const TITLE = 'Nexus Policy Toolkit';

/** The description of <meta>: the title, and with analytics where they come from (`analytics: ` + JSON). */
export function gexfDescription(analytics: ExportAnalytics | null): string {
  if (!analytics) return TITLE;
  return `${TITLE}. analytics: ${JSON.stringify(analyticsProvenance(analytics))}`;
}

/** The size of a node: from its PageRank when it has one, else the layout's degree size. */
export function gexfNodeSize(graph: ExportGraph, nodeId: string, layout: Layout): number | undefined {
  const score = graph.analytics?.byNode.get(nodeId)?.pageRank.score;
  if (score !== undefined && Number.isFinite(score)) return sizeForPageRank(score);
  return layout.get(nodeId)?.size;
}

export function toGexf(graph: ExportGraph, layout: Layout = new Map(), options: WriteOptions = DEFAULT_WRITE_OPTIONS): string {
  const nodeValues = graph.nodes.map((node) => ({ ...renamed(node.properties, node.type), ...analyticsValues(graph.analytics?.byNode.get(node.id)) }));
  const edgeValues = graph.edges.map((edge) => renamed(edge.properties, edge.type));
  const reserved: Column[] = [{ name: 'type', type: 'string' }, ...(graph.analytics ? ANALYTICS_COLUMN_LIST : [])];
  const nodeColumns = inferColumns(nodeValues, reserved);
  const edgeColumns = inferColumns(edgeValues, [{ name: 'type', type: 'string' }]);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>nexus-knowledge-graph</creator><description>${escapeXml(gexfDescription(graph.analytics))}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    ...declarations('node', nodeColumns),
    ...declarations('edge', edgeColumns),
    '    <nodes>',
  ];
  graph.nodes.forEach((node, index) => {
    const { r, g, b } = rgb(nodeColour(graph, node, options.colour));
    const placement = layout.get(node.id);
    const size = gexfNodeSize(graph, node.id, layout);
    const viz = [
      `<viz:color r="${r}" g="${g}" b="${b}"/>`,
      ...(placement ? [`<viz:position x="${placement.x}" y="${placement.y}" z="0"/>`] : []),
      ...(size !== undefined ? [`<viz:size value="${size}"/>`] : []),
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
