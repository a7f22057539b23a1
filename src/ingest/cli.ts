// npm run ingest:build  -> writes data/graph/toolkit.graph.json
// npm run ingest:check  -> fails when the committed graph is stale or invalid
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SerialisedGraph } from '../graph/serialised.js';
import type { IngestNote } from './model.js';
import { buildToolkitGraph, serialiseGraph } from './index.js';
import { REPO_ROOT } from './source.js';

export const GRAPH_PATH = resolve(REPO_ROOT, 'data/graph/toolkit.graph.json');

function report(graph: SerialisedGraph, notes: IngestNote[]): void {
  const count = (keys: string[]): string =>
    [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `  ${k.padEnd(16)} ${n}`)
      .join('\n');
  console.log(`dataset ${graph.dataset.version} (source ${graph.dataset.sourceSha256})`);
  console.log(`nodes ${graph.nodes.length}\n${count(graph.nodes.map((n) => n.labels[0] ?? '?'))}`);
  console.log(`relationships ${graph.relationships.length}\n${count(graph.relationships.map((r) => r.type))}`);
  for (const n of notes) console.log(`${n.level.toUpperCase()} ${n.code}${n.line ? ` (line ${n.line})` : ''}: ${n.message}`);
}

function main(argv: string[]): number {
  const command = argv[0];
  if (command !== 'build' && command !== 'check') {
    console.error('usage: tsx src/ingest/cli.ts build|check');
    return 2;
  }
  const { graph, notes } = buildToolkitGraph();
  report(graph, notes);
  const errors = notes.filter((n) => n.level === 'error');
  if (errors.length > 0) {
    console.error(`ingest: ${errors.length} validation error(s), see above`);
    return 1;
  }
  const text = serialiseGraph(graph);
  if (command === 'build') {
    mkdirSync(dirname(GRAPH_PATH), { recursive: true });
    writeFileSync(GRAPH_PATH, text);
    console.log(`wrote ${GRAPH_PATH}`);
    return 0;
  }
  if (!existsSync(GRAPH_PATH)) {
    console.error(`ingest check: ${GRAPH_PATH} does not exist; run npm run ingest:build`);
    return 1;
  }
  const committed = readFileSync(GRAPH_PATH, 'utf8');
  if (committed !== text) {
    let detail = '';
    try {
      const old = JSON.parse(committed) as SerialisedGraph;
      detail = old.dataset.sourceSha256 !== graph.dataset.sourceSha256 ? ' (built from another source)' : ` (committed version ${old.dataset.version}, fresh ${graph.dataset.version})`;
    } catch {
      detail = ' (not valid JSON)';
    }
    console.error(`ingest check: ${GRAPH_PATH} is stale${detail}; run npm run ingest:build and commit it`);
    return 1;
  }
  console.log('ingest check: committed graph is up to date');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
