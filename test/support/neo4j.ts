// The integration tests' connection to the Neo4j that test/global-setup.ts
// started (one per run). One driver per test file: call closeTestDriver() in afterAll.
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { readGraphFile } from '../../src/store/graph-file.js';
import { loadGraph, type LoadReport } from '../../src/store/load.js';
import { ensureAnalytics } from '../../src/analytics/compute.js';
import type { SerialisedGraph } from '../../src/graph/serialised.js';
import './provided.js';

let driver: Driver | undefined;

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export function testNeo4j(): TestNeo4j {
  return { uri: inject('neo4jUri'), username: inject('neo4jUser'), password: inject('neo4jPassword'), database: inject('neo4jDatabase') };
}

/** The database name to pass as `{ database }` (Community: "neo4j"). */
export function testDatabase(): string {
  return inject('neo4jDatabase');
}

export function testDriver(): Driver {
  if (!driver) {
    const { uri, username, password } = testNeo4j();
    driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
  }
  return driver;
}

export async function closeTestDriver(): Promise<void> {
  const current = driver;
  driver = undefined;
  await current?.close();
}

/** Path of the graph file the setup loaded (toolkit graph, or the mini fixture). */
export function testGraphPath(): string {
  return inject('graphPath');
}

/** The graph the setup loaded, parsed. */
export function testGraph(): SerialisedGraph {
  return readGraphFile(testGraphPath());
}

/** Puts the dataset of the run back, with its analytics; tests that change data call this before they finish. */
export async function restoreTestDataset(): Promise<LoadReport> {
  const report = await loadGraph(testDriver(), testGraph(), { database: testDatabase() });
  await ensureAnalytics(testDriver(), { database: testDatabase() });
  return report;
}
