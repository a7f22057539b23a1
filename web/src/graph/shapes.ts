// The geometry of the node shapes the graph model names (src/graph/model.ts
// NODE_SHAPES): one outline per shape, read by the WebGL renderer (as a signed
// distance function), the legend and node list (as SVG icons) and the SVG/PNG
// export, so the three always draw the same thing.
import { NODE_SHAPES, type NodeShape } from '../../../src/graph/model.js';

type Point = readonly [number, number];

/** Regular polygon of `count` corners on the unit circle, the first at `start` degrees (0 = right, 90 = up). */
function regular(count: number, start: number, radius = 1): Point[] {
  return Array.from({ length: count }, (_, index) => {
    const angle = ((start + (360 * index) / count) * Math.PI) / 180;
    return [radius * Math.cos(angle), radius * Math.sin(angle)] as const;
  });
}

function star(points: number, outer: number, inner: number): Point[] {
  return Array.from({ length: points * 2 }, (_, index) => {
    const angle = ((90 + (180 * index) / points) * Math.PI) / 180;
    const radius = index % 2 === 0 ? outer : inner;
    return [radius * Math.cos(angle), radius * Math.sin(angle)] as const;
  });
}

/**
 * Outlines in node units: the node's size is 1, y points up (as in sigma's
 * graph space), and every corner stays inside the unit square the renderer
 * draws a node in. Circles are circles; every other shape is a polygon.
 */
export const SHAPE_OUTLINES: Readonly<Record<Exclude<NodeShape, 'circle'>, readonly Point[]>> = {
  square: [[-0.86, -0.86], [0.86, -0.86], [0.86, 0.86], [-0.86, 0.86]],
  diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
  triangle: [[-1, -0.78], [1, -0.78], [0, 1]],
  star: star(5, 1, 0.45),
  hexagon: regular(6, 0),
  pentagon: regular(5, 90),
  chevron: [[0, -1], [1, 0.9], [0, 0.25], [-1, 0.9]],
  parallelogram: [[-1, -0.72], [0.5, -0.72], [1, 0.72], [-0.5, 0.72]],
  tag: [[-0.95, -0.75], [0.35, -0.75], [1, 0], [0.35, 0.75], [-0.95, 0.75]],
  notched: [[-1, -0.8], [1, -0.8], [0.6, 0], [1, 0.8], [-1, 0.8], [-0.6, 0]],
};

export const SHAPE_NAMES = Object.keys(NODE_SHAPES) as NodeShape[];

const float = (value: number): string => (Number.isInteger(value) ? value.toFixed(1) : String(Number(value.toFixed(4))));

/** Smallest distance from the centre to an edge: the radius of the largest circle inside the outline. */
export function inradiusOf(points: readonly Point[]): number {
  let smallest = Infinity;
  points.forEach(([ax, ay], index) => {
    const [bx, by] = points[(index + 1) % points.length]!;
    const ex = bx - ax;
    const ey = by - ay;
    const t = Math.max(0, Math.min(1, -(ax * ex + ay * ey) / (ex * ex + ey * ey)));
    smallest = Math.min(smallest, Math.hypot(ax + t * ex, ay + t * ey));
  });
  return smallest;
}

/**
 * A sigma.js v4 custom node shape: the signed distance to the polygon
 * (negative inside), after Inigo Quilez's sdPolygon, with the corners as constants.
 */
export function polygonShapeGlsl(name: string, points: readonly Point[]): string {
  const count = points.length;
  const corners = points.map(([x, y]) => `vec2(${float(x)}, ${float(y)})`).join(', ');
  return `
float sdf_${name}(vec2 uv, float size) {
  const vec2 v[${count}] = vec2[${count}](${corners});
  vec2 p = uv / size;
  float d = dot(p - v[0], p - v[0]);
  float s = 1.0;
  for (int i = 0; i < ${count}; i++) {
    int j = i == 0 ? ${count - 1} : i - 1;
    vec2 e = v[j] - v[i];
    vec2 w = p - v[i];
    vec2 b = w - e * clamp(dot(w, e) / dot(e, e), 0.0, 1.0);
    d = min(d, dot(b, b));
    bvec3 c = bvec3(p.y >= v[i].y, p.y < v[j].y, e.x * w.y > e.y * w.x);
    if (all(c) || all(not(c))) s = -s;
  }
  return s * sqrt(d) * size;
}
`;
}

/** The SVG element drawing a shape centred on (cx, cy) with radius r (y grows downwards in SVG). */
export function svgGeometry(shape: NodeShape, cx: number, cy: number, r: number): { tag: 'circle' | 'polygon'; attributes: Record<string, string> } {
  const round = (value: number): string => String(Number(value.toFixed(2)));
  if (shape === 'circle') return { tag: 'circle', attributes: { cx: round(cx), cy: round(cy), r: round(r) } };
  const points = SHAPE_OUTLINES[shape].map(([x, y]) => `${round(cx + x * r)},${round(cy - y * r)}`).join(' ');
  return { tag: 'polygon', attributes: { points } };
}

/** SVG markup of a shape; `attributes` is markup the caller has escaped. */
export function svgShape(shape: NodeShape, cx: number, cy: number, r: number, attributes: string): string {
  const { tag, attributes: geometry } = svgGeometry(shape, cx, cy, r);
  return `<${tag} ${Object.entries(geometry).map(([name, value]) => `${name}="${value}"`).join(' ')} ${attributes}/>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small inline SVG icon of a shape in a colour, for the legend, the selection and the node list. */
export function shapeIcon(shape: NodeShape, colour: string, options: { label?: boolean } = {}): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'shape-icon');
  svg.setAttribute('viewBox', '-1.15 -1.15 2.3 2.3');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('data-shape', shape);
  if (options.label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', NODE_SHAPES[shape].description);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const { tag, attributes } = svgGeometry(shape, 0, 0, 1);
  const outline = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries({ ...attributes, fill: colour, stroke: '#1f2328', 'stroke-width': '0.12' })) outline.setAttribute(name, value);
  svg.append(outline);
  return svg;
}
