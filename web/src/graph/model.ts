// The graph view's data: every node and relationship loaded so far
// (neighbourhoods, expansions, paths), merged into one graphology graph, and
// the filtered copy the renderer shows.
import { MultiDirectedGraph } from 'graphology';
import * as forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { colourOf as colourForType, shapeOf, type NodeShape } from '../../../src/graph/model.js';

// A CommonJS package: the bundler and Node's ESM loader put the layout on the
// default export, which TypeScript's NodeNext and bundler resolutions type differently.
interface ForceAtlas2 {
  assign(graph: DisplayGraph, parameters: { iterations: number; settings?: ForceAtlas2Settings }): void;
  inferSettings(graph: DisplayGraph): ForceAtlas2Settings;
}
const forceAtlas2Exports = forceAtlas2Module as unknown as ForceAtlas2 & { default?: ForceAtlas2 };
const forceAtlas2: ForceAtlas2 = forceAtlas2Exports.default?.assign ? forceAtlas2Exports.default : forceAtlas2Exports;

export interface PlainNode {
  id: string;
  type: string;
  label: string;
}

export interface PlainEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export interface PlainSubgraph {
  nodes: PlainNode[];
  edges: PlainEdge[];
}

export interface NodeAttributes {
  label: string;
  type: string;
  color: string;
  /** The node type's shape in the graph model (sigma draws it, the legend and the exports show it). */
  shape: NodeShape;
  size: number;
  x: number;
  y: number;
}

export interface EdgeAttributes {
  type: string;
  color: string;
  size: number;
}

export type DisplayGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

const EDGE_COLOUR = '#c3c8cf';
const PATH_COLOUR = '#e8590c';

/** Size of a node drawn by its type alone. */
export function baseSize(type: string): number {
  return type === 'GoodPractice' ? 6 : type === 'Step' || type === 'KeyAction' || type === 'Footnote' ? 3 : 4.5;
}

export class GraphModel {
  readonly all: DisplayGraph = new MultiDirectedGraph();
  private readonly pathEdges = new Set<string>();

  /** Adds what is new in `subgraph`, placing new nodes around `around`; returns the new node ids. */
  merge(subgraph: PlainSubgraph, around?: string): string[] {
    const added: string[] = [];
    const origin = around && this.all.hasNode(around) ? this.all.getNodeAttributes(around) : { x: 0, y: 0 };
    const fresh = subgraph.nodes.filter((node) => !this.all.hasNode(node.id));
    fresh.forEach((node) => {
      // Seeded from the id: the same link always starts from the same places,
      // and nodes never start stacked on one spot (which throws a force layout far off).
      const seed = hashOf(node.id);
      const angle = (seed % 3600) * (Math.PI / 1800);
      const radius = node.id === around ? 0 : 8 + ((seed >>> 12) % 100) / 10;
      this.all.addNode(node.id, {
        label: node.label,
        type: node.type,
        color: colourForType(node.type),
        shape: shapeOf(node.type),
        size: baseSize(node.type),
        x: origin.x + radius * Math.cos(angle),
        y: origin.y + radius * Math.sin(angle),
      });
      added.push(node.id);
    });
    for (const edge of subgraph.edges) {
      if (this.all.hasEdge(edge.id) || !this.all.hasNode(edge.source) || !this.all.hasNode(edge.target)) continue;
      this.all.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { type: edge.type, color: EDGE_COLOUR, size: 1 });
    }
    return added;
  }

  /** Marks the relationships of found paths so they stand out. */
  markPath(edgeIds: readonly string[]): void {
    for (const id of edgeIds) {
      this.pathEdges.add(id);
      if (this.all.hasEdge(id)) this.all.mergeEdgeAttributes(id, { color: PATH_COLOUR, size: 3 });
    }
  }

  isOnPath(edgeId: string): boolean {
    return this.pathEdges.has(edgeId);
  }

  /**
   * Force layout (ForceAtlas2 with strong gravity), then bounded: a position
   * that is not finite is re-seeded and the drawing is scaled into
   * [-LAYOUT_EXTENT, LAYOUT_EXTENT], with far outliers pulled in, so a view
   * never shows one dot in a corner and an empty canvas.
   */
  layout(iterations = 120, kind: LayoutKind = 'force'): void {
    if (this.all.order < 2) return;
    if (kind === 'circle') {
      circleLayout(this.all);
    } else {
      const settings = forceAtlas2.inferSettings(this.all);
      forceAtlas2.assign(this.all, {
        iterations,
        settings: { ...settings, gravity: Math.max(settings.gravity ?? 1, 1), strongGravityMode: true, barnesHutOptimize: this.all.order > 400 },
      });
    }
    boundLayout(this.all);
  }

  /** Relationship types with their counts, by name. */
  edgeTypes(): Array<[string, number]> {
    return countBy(this.all.mapEdges((_edge, attributes) => attributes.type));
  }

  nodeTypes(): Array<[string, number]> {
    return countBy(this.all.mapNodes((_node, attributes) => attributes.type));
  }

  /**
   * Writes into `target` the relationships whose type is not hidden and the
   * nodes they touch, plus the nodes in `keep` (the centre and expanded ones).
   */
  project(target: DisplayGraph, hidden: ReadonlySet<string>, keep: ReadonlySet<string>, hiddenTypes: ReadonlySet<string> = new Set()): void {
    target.clear();
    const typeShown = (node: string): boolean => keep.has(node) || !hiddenTypes.has(this.all.getNodeAttribute(node, 'type'));
    const shown = new Set<string>();
    this.all.forEachEdge((_edge, attributes, source, target_) => {
      if (hidden.has(attributes.type) || !typeShown(source) || !typeShown(target_)) return;
      shown.add(source);
      shown.add(target_);
    });
    for (const id of keep) if (this.all.hasNode(id)) shown.add(id);
    this.all.forEachNode((node, attributes) => {
      if (shown.has(node)) target.addNode(node, { ...attributes });
    });
    this.all.forEachEdge((edge, attributes, source, target_) => {
      if (!hidden.has(attributes.type) && shown.has(source) && shown.has(target_)) target.addDirectedEdgeWithKey(edge, source, target_, { ...attributes });
    });
  }
}

function countBy(values: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort(([left], [right]) => left.localeCompare(right));
}

export type LayoutKind = 'force' | 'circle';

/** Half the width of the drawing after `boundLayout` (sigma rescales it to the canvas). */
export const LAYOUT_EXTENT = 100;

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** Nodes on a circle by type then label: a stable layout that never overlaps types. */
export function circleLayout(graph: DisplayGraph): void {
  const nodes = graph.mapNodes((id, attributes) => ({ id, key: `${attributes.type}\u0000${attributes.label}` })).sort((left, right) => left.key.localeCompare(right.key));
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / nodes.length;
    graph.mergeNodeAttributes(node.id, { x: LAYOUT_EXTENT * Math.cos(angle), y: LAYOUT_EXTENT * Math.sin(angle) });
  });
}

/**
 * Re-seeds non-finite positions, pulls outliers to within four times the
 * median distance from the centre, and scales everything into the extent.
 */
export function boundLayout(graph: DisplayGraph): void {
  graph.forEachNode((id, attributes) => {
    if (!Number.isFinite(attributes.x) || !Number.isFinite(attributes.y)) {
      const seed = hashOf(id);
      graph.mergeNodeAttributes(id, { x: Math.cos(seed) * 10, y: Math.sin(seed) * 10 });
    }
  });
  const xs = graph.mapNodes((_id, attributes) => attributes.x);
  const ys = graph.mapNodes((_id, attributes) => attributes.y);
  const median = (values: number[]): number => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)] ?? 0;
  const cx = median(xs);
  const cy = median(ys);
  const distances = graph.mapNodes((_id, attributes) => Math.hypot(attributes.x - cx, attributes.y - cy));
  const limit = Math.max(median(distances) * 4, 1e-9);
  let extent = 0;
  graph.forEachNode((id, attributes) => {
    let dx = attributes.x - cx;
    let dy = attributes.y - cy;
    const distance = Math.hypot(dx, dy);
    if (distance > limit) {
      dx = (dx / distance) * limit;
      dy = (dy / distance) * limit;
    }
    graph.mergeNodeAttributes(id, { x: dx, y: dy });
    extent = Math.max(extent, Math.abs(dx), Math.abs(dy));
  });
  const scale = extent > 0 ? LAYOUT_EXTENT / extent : 1;
  graph.updateEachNodeAttributes((_id, attributes) => ({ ...attributes, x: attributes.x * scale, y: attributes.y * scale }));
}
