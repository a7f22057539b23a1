// The graph file is refused when it was not built from the vendored source as it is now,
// or when its content does not match the version it claims.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SerialisedGraph } from '../../../src/graph/serialised.js';
import { readToolkitGraph, sha256OfFile, TOOLKIT_SOURCE_PATH } from '../../../src/store/dataset.js';
import { GraphFileError, graphContentVersion, readGraphFile } from '../../../src/store/graph-file.js';
import { MINI_GRAPH_PATH } from '../../support/paths.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-dataset-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function graphFileWithSource(sha: string): string {
  const graph = JSON.parse(fs.readFileSync(MINI_GRAPH_PATH, 'utf8')) as { dataset: { sourceSha256: string } };
  graph.dataset.sourceSha256 = sha;
  const file = path.join(dir, `graph-${sha.slice(0, 8)}.json`);
  fs.writeFileSync(file, JSON.stringify(graph));
  return file;
}

describe('readToolkitGraph', () => {
  it('the vendored source is the toolkit text the project was built for', () => {
    expect(sha256OfFile(TOOLKIT_SOURCE_PATH)).toBe('6ae8fe88847257bf9b1801260180377a270ec87eb6f4c355b3e58911d57a28fc');
  });

  it('accepts a graph built from the source as it is', () => {
    const file = graphFileWithSource(sha256OfFile(TOOLKIT_SOURCE_PATH));
    expect(readToolkitGraph(file).nodes.length).toBeGreaterThan(0);
  });

  it('refuses a graph built from a source whose hash does not match, naming both hashes and the fix', () => {
    const source = path.join(dir, 'edited-source.txt');
    fs.writeFileSync(source, fs.readFileSync(TOOLKIT_SOURCE_PATH, 'utf8').replace('Good Practice 1', 'Good Practise 1'));
    const file = graphFileWithSource(sha256OfFile(TOOLKIT_SOURCE_PATH));
    expect(() => readToolkitGraph(file, source)).toThrow(/SHA-256 6ae8fe.*but .* has SHA-256 .*npm run ingest:build/s);
  });

  it('names the command that builds a missing graph file', () => {
    expect(() => readToolkitGraph(path.join(dir, 'missing.json'))).toThrow(/does not exist: build it with `npm run ingest:build`/);
  });
});

describe('readGraphFile', () => {
  it('refuses a file whose nodes and relationships do not hash to the version it claims', () => {
    const graph = JSON.parse(fs.readFileSync(MINI_GRAPH_PATH, 'utf8')) as SerialisedGraph;
    expect(graphContentVersion(graph)).toBe(graph.dataset.version);
    // The real version string, but only 10 nodes (and the relationships between them).
    const kept = new Set(graph.nodes.slice(0, 10).map((node) => node.id));
    const tampered = {
      ...graph,
      nodes: graph.nodes.filter((node) => kept.has(node.id)),
      relationships: graph.relationships.filter((rel) => kept.has(rel.start) && kept.has(rel.end)),
    };
    const file = path.join(dir, 'tampered.json');
    fs.writeFileSync(file, JSON.stringify(tampered));
    expect(() => readGraphFile(file)).toThrow(/claims dataset version .* but its nodes and relationships hash to .*npm run ingest:build/);
    // One changed property is enough.
    const edited = JSON.parse(fs.readFileSync(MINI_GRAPH_PATH, 'utf8')) as SerialisedGraph;
    edited.nodes[0]!.properties['title'] = 'changed';
    fs.writeFileSync(file, JSON.stringify(edited));
    expect(() => readGraphFile(file)).toThrow(GraphFileError);
    expect(readGraphFile(MINI_GRAPH_PATH).nodes.length).toBe(graph.nodes.length);
  });
});
