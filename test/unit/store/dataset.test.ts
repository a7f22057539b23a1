// The graph file is refused when it was not built from the vendored source as it is now.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readToolkitGraph, sha256OfFile, TOOLKIT_SOURCE_PATH } from '../../../src/store/dataset.js';
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
