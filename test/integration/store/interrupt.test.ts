// Ctrl-C during `npm run ingest`: the load runs in one transaction, so an
// interrupted process leaves the previously loaded dataset readable and unchanged.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SerialisedGraph } from '../../../src/graph/serialised.js';
import { REPO_ROOT } from '../../../src/store/config.js';
import { graphContentVersion } from '../../../src/store/graph-file.js';
import { readDataset } from '../../../src/store/load.js';
import { closeTestDriver, restoreTestDataset, testDatabase, testDriver, testGraph, testNeo4j } from '../../support/neo4j.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-interrupt-test-'));

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await restoreTestDataset();
  await closeTestDriver();
});

async function counts(): Promise<{ nodes: number; relationships: number }> {
  const session = testDriver().session({ database: testDatabase() });
  try {
    return await session.executeRead(async (tx) => {
      const nodes = await tx.run('MATCH (n:Node) RETURN count(n) AS count');
      const relationships = await tx.run('MATCH (:Node)-[r]->(:Node) RETURN count(r) AS count');
      return { nodes: Number(nodes.records[0]!.get('count')), relationships: Number(relationships.records[0]!.get('count')) };
    });
  } finally {
    await session.close();
  }
}

/** True while a load statement of the ingest command is running in Neo4j. */
async function loadIsRunning(): Promise<boolean> {
  const session = testDriver().session({ database: testDatabase() });
  try {
    // The text is a parameter, or this query would find itself.
    const result = await session.run('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $statement RETURN count(*) AS running', {
      statement: 'UNWIND $rows',
    });
    return Number(result.records[0]!.get('running')) > 0;
  } finally {
    await session.close();
  }
}

/** The toolkit graph plus `extra` initiatives, under another version: large enough to take a while to load. */
function enlarged(graph: SerialisedGraph, extra: number): SerialisedGraph {
  const nodes = [...graph.nodes];
  for (let i = 0; i < extra; i += 1) {
    nodes.push({ id: `example:load-test-${i}`, labels: ['Example'], properties: { name: `Load test ${i}`, description: 'x'.repeat(200) } });
  }
  // The version is the content's hash, as ingest:build writes it (a file claiming another is refused).
  return { ...graph, dataset: { ...graph.dataset, version: graphContentVersion({ nodes, relationships: graph.relationships }) }, nodes };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm run ingest interrupted with Ctrl-C', () => {
  it('leaves the previous dataset in place', async () => {
    const before = await counts();
    const datasetBefore = await readDataset(testDriver(), testDatabase());
    const big = enlarged(testGraph(), 40_000);
    const file = path.join(dir, 'big.graph.json');
    fs.writeFileSync(file, JSON.stringify(big));

    const { uri, username, password, database } = testNeo4j();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/store/cli/ingest.ts', '--graph', file, '--force'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? -1 : code)));

    const deadline = Date.now() + 60_000;
    let sawLoad = false;
    while (Date.now() < deadline && child.exitCode === null) {
      if (await loadIsRunning()) {
        sawLoad = true;
        break;
      }
      await sleep(25);
    }
    expect(sawLoad).toBe(true);
    child.kill('SIGINT');
    expect(await exited).not.toBe(0);

    // The server rolls the transaction back once the connection is gone.
    while (Date.now() < deadline && (await loadIsRunning())) await sleep(50);
    expect(await counts()).toEqual(before);
    expect(await readDataset(testDriver(), testDatabase())).toEqual(datasetBefore);
  });
});
