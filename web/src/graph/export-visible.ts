// Exactly what the graph view shows (the filtered display graph with its
// positions, colours and shapes), as files for other tools: GraphML, GEXF 1.3
// with viz positions and colours, Cytoscape.js JSON with a style drawing each
// type's shape, and an SVG drawing with a legend (PNG is drawn from the SVG in the page).
import { CYTOSCAPE_STYLE, NODE_SHAPES, type NodeShape } from '../../../src/graph/model.js';
import type { DisplayGraph } from './model.js';
import { svgShape } from './shapes.js';

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function rgb(colour: string): { r: number; g: number; b: number } {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour)?.[1] ?? '7f7f7f';
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

export function toGraphML(graph: DisplayGraph): string {
  const nodes = graph.mapNodes(
    (id, a) =>
      `    <node id="${xml(id)}"><data key="label">${xml(a.label)}</data><data key="type">${xml(a.type)}</data><data key="color">${xml(a.color)}</data><data key="shape">${a.shape}</data><data key="x">${a.x}</data><data key="y">${a.y}</data></node>`,
  );
  const edges = graph.mapEdges(
    (id, a, source, target) => `    <edge id="${xml(id)}" source="${xml(source)}" target="${xml(target)}"><data key="relationship">${xml(a.type)}</data></edge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="color" for="node" attr.name="color" attr.type="string"/>
  <key id="shape" for="node" attr.name="shape" attr.type="string"/>
  <key id="x" for="node" attr.name="x" attr.type="double"/>
  <key id="y" for="node" attr.name="y" attr.type="double"/>
  <key id="relationship" for="edge" attr.name="type" attr.type="string"/>
  <graph id="G" edgedefault="directed">
${[...nodes, ...edges].join('\n')}
  </graph>
</graphml>
`;
}

export function toGexf(graph: DisplayGraph): string {
  const nodes = graph.mapNodes((id, a) => {
    const { r, g, b } = rgb(a.color);
    return `      <node id="${xml(id)}" label="${xml(a.label)}"><attvalues><attvalue for="type" value="${xml(a.type)}"/><attvalue for="shape" value="${a.shape}"/></attvalues><viz:color r="${r}" g="${g}" b="${b}"/><viz:position x="${a.x}" y="${a.y}" z="0"/><viz:size value="${a.size}"/></node>`;
  });
  const edges = graph.mapEdges(
    (id, a, source, target) => `      <edge id="${xml(id)}" source="${xml(source)}" target="${xml(target)}" label="${xml(a.type)}"><attvalues><attvalue for="relationship" value="${xml(a.type)}"/></attvalues></edge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="shape" title="shape" type="string"/></attributes>
    <attributes class="edge"><attribute id="relationship" title="relationship" type="string"/></attributes>
    <nodes>
${nodes.join('\n')}
    </nodes>
    <edges>
${edges.join('\n')}
    </edges>
  </graph>
</gexf>
`;
}

export function toCytoscape(graph: DisplayGraph): string {
  return `${JSON.stringify(
    {
      style: CYTOSCAPE_STYLE,
      // The positions are the view's: Cytoscape.js keeps them with the preset layout.
      layout: { name: 'preset' },
      elements: {
        nodes: graph.mapNodes((id, a) => ({
          data: { id, label: a.label, type: a.type, color: a.color, shape: NODE_SHAPES[a.shape].cytoscape, shapeName: a.shape },
          // Cytoscape's y grows downwards, sigma's upwards.
          position: { x: a.x, y: -a.y },
        })),
        edges: graph.mapEdges((id, a, source, target) => ({ data: { id, source, target, type: a.type } })),
      },
    },
    null,
    2,
  )}\n`;
}

/** An SVG of the drawing: y grows downwards in SVG, upwards in sigma. */
export function toSvg(graph: DisplayGraph, width = 1200, height = 900): string {
  const xs = graph.mapNodes((_id, a) => a.x);
  const ys = graph.mapNodes((_id, a) => a.y);
  const minX = Math.min(...xs, 0);
  const maxX = Math.max(...xs, 1);
  const minY = Math.min(...ys, 0);
  const maxY = Math.max(...ys, 1);
  const margin = 60;
  const scale = Math.min((width - 2 * margin) / (maxX - minX || 1), (height - 2 * margin) / (maxY - minY || 1));
  const px = (x: number): number => Number((margin + (x - minX) * scale).toFixed(2));
  const py = (y: number): number => Number((height - margin - (y - minY) * scale).toFixed(2));
  const edges = graph.mapEdges((_id, a, source, target) => {
    const s = graph.getNodeAttributes(source);
    const t = graph.getNodeAttributes(target);
    return `<line x1="${px(s.x)}" y1="${py(s.y)}" x2="${px(t.x)}" y2="${py(t.y)}" stroke="${xml(a.color)}" stroke-width="${a.size}"/>`;
  });
  const nodes = graph.mapNodes(
    (id, a) =>
      `<g data-id="${xml(id)}" data-type="${xml(a.type)}" data-shape="${a.shape}">${svgShape(a.shape, px(a.x), py(a.y), a.size * 1.5, `fill="${xml(a.color)}" stroke="#ffffff" stroke-width="1"`)}<text x="${px(a.x) + a.size * 1.5 + 3}" y="${py(a.y) + 4}">${xml(a.label)}</text></g>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" fill="#1f2328">
<rect width="100%" height="100%" fill="#ffffff"/>
${edges.join('\n')}
${nodes.join('\n')}
${svgLegend(graph)}
</svg>
`;
}

/** The node types drawn, each with its shape and colour, in the top left corner. */
function svgLegend(graph: DisplayGraph): string {
  const types = new Map<string, { shape: NodeShape; color: string }>();
  graph.forEachNode((_id, a) => {
    if (!types.has(a.type)) types.set(a.type, { shape: a.shape, color: a.color });
  });
  const rows = [...types.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([type, look], index) => {
      const y = 16 + index * 16;
      return `<g data-legend="${xml(type)}" data-shape="${look.shape}">${svgShape(look.shape, 14, y, 5, `fill="${xml(look.color)}" stroke="#1f2328" stroke-width="0.6"`)}<text x="26" y="${y + 4}">${xml(type)}</text></g>`;
    });
  const width = 34 + Math.max(0, ...[...types.keys()].map((type) => type.length)) * 6.5;
  return `<g class="legend"><rect x="4" y="4" width="${width}" height="${types.size * 16 + 8}" fill="#ffffff" fill-opacity="0.85" stroke="#d0d7de"/>${rows.join('')}</g>`;
}
