// The graph view's data: every node and relationship loaded so far
// (neighbourhoods, expansions, paths), merged into one graphology graph, and
// the filtered copy the renderer shows.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { colourOf as colourForType } from '../../../src/graph/model.js';

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

function baseSize(type: string): number {
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
    fresh.forEach((node, index) => {
      // A ring around the origin; the force layout then untangles it.
      const angle = (2 * Math.PI * index) / Math.max(fresh.length, 1);
      const radius = node.id === around ? 0 : 10 + (index % 3) * 3;
      this.all.addNode(node.id, {
        label: node.label,
        type: node.type,
        color: colourForType(node.type),
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

  layout(iterations = 120): void {
    if (this.all.order < 2) return;
    const settings = forceAtlas2.inferSettings(this.all);
    forceAtlas2.assign(this.all, { iterations, settings: { ...settings, barnesHutOptimize: this.all.order > 400 } });
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
  project(target: DisplayGraph, hidden: ReadonlySet<string>, keep: ReadonlySet<string>): void {
    target.clear();
    const shown = new Set<string>();
    this.all.forEachEdge((_edge, attributes, source, target_) => {
      if (hidden.has(attributes.type)) return;
      shown.add(source);
      shown.add(target_);
    });
    for (const id of keep) if (this.all.hasNode(id)) shown.add(id);
    this.all.forEachNode((node, attributes) => {
      if (shown.has(node)) target.addNode(node, { ...attributes });
    });
    this.all.forEachEdge((edge, attributes, source, target_) => {
      if (!hidden.has(attributes.type)) target.addDirectedEdgeWithKey(edge, source, target_, { ...attributes });
    });
  }
}

function countBy(values: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort(([left], [right]) => left.localeCompare(right));
}
