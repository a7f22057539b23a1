// Starts ONE real Neo4j 5.26 for the integration test run (throw-away data
// directory, free port, random password), applies the migrations, loads the
// toolkit graph (or the mini fixture until the toolkit graph exists) and
// provides the connection to the tests. With NEO4J_TEST_URI (and
// NEO4J_TEST_USERNAME / NEO4J_TEST_PASSWORD / NEO4J_TEST_DATABASE) an existing
// Neo4j is used instead; its database is overwritten.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_DATABASE, DEFAULT_USERNAME } from '../src/store/config.js';
import { connect } from '../src/store/driver.js';
import { readGraphFile, TOOLKIT_GRAPH_PATH } from '../src/store/graph-file.js';
import { launchNeo4j, type LaunchedNeo4j } from '../src/store/launcher.js';
import { loadGraph } from '../src/store/load.js';
import { migrate } from '../src/store/migrations.js';
import { ensureAnalytics } from '../src/analytics/compute.js';
import { MINI_GRAPH_PATH } from './support/paths.js';
import './support/provided.js';

function log(line: string): void {
  process.stderr.write(`[neo4j test setup] ${line}\n`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let launched: LaunchedNeo4j | undefined;
  let dataDir: string | undefined;
  let credentials: { uri: string; username: string; password: string; database: string };

  const externalUri = process.env.NEO4J_TEST_URI;
  if (externalUri) {
    credentials = {
      uri: externalUri,
      username: process.env.NEO4J_TEST_USERNAME ?? DEFAULT_USERNAME,
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE ?? DEFAULT_DATABASE,
    };
    log(`using the existing Neo4j at ${externalUri} (NEO4J_TEST_URI)`);
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-neo4j-test-'));
    const password = randomBytes(12).toString('hex');
    const started = Date.now();
    launched = await launchNeo4j({ dataDir, port: 0, username: DEFAULT_USERNAME, password, heapMb: 768, pageCacheMb: 128, log });
    credentials = { uri: launched.uri, username: DEFAULT_USERNAME, password, database: DEFAULT_DATABASE };
    log(`Neo4j 5.26 started at ${launched.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const stop = async () => {
    await launched?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const driver = await connect(credentials, 60_000);
    try {
      await migrate(driver, { database: credentials.database });
      const graphPath = fs.existsSync(TOOLKIT_GRAPH_PATH) ? TOOLKIT_GRAPH_PATH : MINI_GRAPH_PATH;
      const report = await loadGraph(driver, readGraphFile(graphPath), { database: credentials.database });
      log(`loaded ${path.basename(graphPath)}: ${report.nodeCount} nodes, ${report.relationshipCount} relationships in ${report.durationMs} ms`);
      // Network analytics, computed by Graph Data Science as `npm start` does after a load.
      await ensureAnalytics(driver, { database: credentials.database, log });
      project.provide('graphPath', graphPath);
    } finally {
      await driver.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  project.provide('neo4jUri', credentials.uri);
  project.provide('neo4jUser', credentials.username);
  project.provide('neo4jPassword', credentials.password);
  project.provide('neo4jDatabase', credentials.database);
  return stop;
}
