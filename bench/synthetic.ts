// Synthetic graphs with the toolkit's shape for the scale runs
// (`npm run bench -- --scale 10`): the real graph replicated `factor` times by
// bench/synthetic/replicate.ts (renumbered ids, same labels and relationship
// types), plus renumbering of the properties the store keeps unique
// (GoodPractice.number, Footnote.number, Area.code) and the properties that
// refer to them, so every copy loads next to the others.
//
//   npx tsx bench/synthetic.ts 10 [out.json]   prints the size of the 10x graph, or writes it
import { writeFileSync } from 'node:fs';
import type { SerialisedGraph } from '../src/graph/serialised.js';
import { TOOLKIT_GRAPH_PATH, graphContentVersion, readGraphFile } from '../src/store/graph-file.js';
import { replicateGraph } from './synthetic/replicate.js';

/** Offsets far above the toolkit's own numbers (practices < 100, footnotes < 1000). */
export const PRACTICE_NUMBER_STRIDE = 1000;
export const FOOTNOTE_NUMBER_STRIDE = 10_000;

function copyOf(id: string): number {
  const match = /~r(\d+)$/.exec(id);
  return match?.[1] ? Number(match[1]) : 0;
}

const shift = (value: unknown, by: number): unknown => (typeof value === 'number' ? value + by : value);

export function syntheticGraph(graph: SerialisedGraph, factor: number): SerialisedGraph {
  const replicated = replicateGraph(graph, factor);
  for (const node of replicated.nodes) {
    const copy = copyOf(node.id);
    if (copy === 0) continue;
    const p = node.properties as Record<string, unknown>;
    if (node.labels.includes('GoodPractice')) {
      p.number = shift(p.number, copy * PRACTICE_NUMBER_STRIDE);
      if ('bodyOwner' in p) p.bodyOwner = shift(p.bodyOwner, copy * PRACTICE_NUMBER_STRIDE);
    }
    if (node.labels.includes('Footnote')) p.number = shift(p.number, copy * FOOTNOTE_NUMBER_STRIDE);
    if (node.labels.includes('Area') && typeof p.code === 'string') p.code = `${p.code}${copy}`;
  }
  for (const rel of replicated.relationships) {
    const copy = copyOf(rel.id);
    if (copy === 0) continue;
    const p = rel.properties as Record<string, unknown>;
    if ('viaFootnote' in p) p.viaFootnote = shift(p.viaFootnote, copy * FOOTNOTE_NUMBER_STRIDE);
  }
  return replicated;
}

const invokedDirectly = process.argv[1]?.endsWith('synthetic.ts') ?? false;
if (invokedDirectly) {
  const factor = Number(process.argv[2] ?? '10');
  const out = process.argv[3];
  const graph = syntheticGraph(readGraphFile(TOOLKIT_GRAPH_PATH), factor);
  const summary = `${factor}x: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`;
  if (out) {
    // A graph file's version is the hash of its content (files claiming another are refused on load).
    graph.dataset.version = graphContentVersion(graph);
    writeFileSync(out, JSON.stringify(graph) + '\n');
    console.log(`${summary} written to ${out}`);
  } else {
    console.log(summary);
  }
}
