// Node positions and sizes for the GEXF export, so Gephi opens a laid-out,
// sized graph. ForceAtlas2 runs over the whole graph once per dataset version
// (the graph only changes on ingest); neighbourhood exports reuse the
// positions of the whole layout, so a node sits at the same place in every file.
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ExportGraph } from './export-graph.js';

export interface NodePlacement {
  x: number;
  y: number;
  /** Grows with the node's degree in the whole graph. */
  size: number;
}

export type Layout = ReadonlyMap<string, NodePlacement>;

const ITERATIONS = 300;

// The package is CommonJS (module.exports is the layout function); its types describe an ES default export.
const forceAtlas2Layout = forceAtlas2 as unknown as typeof forceAtlas2.default;

/** Size of a node of the given degree: 4 for an isolated node, about 24 for the most linked practice. */
export function sizeForDegree(degree: number): number {
  return Math.round((4 + 2 * Math.sqrt(degree)) * 100) / 100;
}

/**
 * A deterministic ForceAtlas2 layout of the graph: nodes start on a circle in
 * id order (no randomness, so the same dataset gives the same file).
 */
export function computeLayout(graph: ExportGraph): Layout {
  const model = new MultiDirectedGraph();
  const ids = [...graph.nodes.map((node) => node.id)].sort();
  ids.forEach((id, index) => {
    const angle = (2 * Math.PI * index) / Math.max(ids.length, 1);
    model.addNode(id, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  for (const edge of graph.edges) {
    if (model.hasNode(edge.source) && model.hasNode(edge.target)) model.addEdge(edge.source, edge.target);
  }
  const positions = forceAtlas2Layout(model, { iterations: ITERATIONS, settings: { ...forceAtlas2Layout.inferSettings(model), barnesHutOptimize: false } });
  const layout = new Map<string, NodePlacement>();
  for (const id of ids) {
    const position = positions[id] ?? { x: 0, y: 0 };
    layout.set(id, { x: round(position.x), y: round(position.y), size: sizeForDegree(model.degree(id)) });
  }
  return layout;
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/** One layout per dataset version, computed on first use; concurrent callers share the computation. */
export class LayoutCache {
  private current: { version: string; layout: Promise<Layout> } | null = null;

  constructor(
    private readonly readVersion: () => Promise<string | null>,
    private readonly readWholeGraph: () => Promise<ExportGraph>,
  ) {}

  async get(): Promise<Layout> {
    const version = (await this.readVersion()) ?? '';
    if (this.current?.version !== version) {
      const layout = this.readWholeGraph().then(computeLayout);
      this.current = { version, layout };
      // A failed read is not kept: the next request tries again.
      layout.catch(() => {
        if (this.current?.layout === layout) this.current = null;
      });
    }
    return this.current.layout;
  }
}
