// One place that turns configuration into a connected driver: an existing
// Neo4j (NEO4J_URI), a Neo4j already started with `npm run db:start`, or a
// Neo4j launched now for the lifetime of this process.
import type { Driver } from 'neo4j-driver';
import { resolveNeo4jTarget, type Neo4jCredentials, type Neo4jTarget } from './config.js';
import { connect } from './driver.js';
import { launchNeo4j, readRunningLauncher, type LaunchedNeo4j } from './launcher.js';

export interface Neo4jConnection {
  driver: Driver;
  credentials: Neo4jCredentials;
  /** How Neo4j was found, for log messages. */
  origin: 'external' | 'running-launcher' | 'launched';
  /** Closes the driver and stops Neo4j if this connection launched it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  log?: (line: string) => void;
  /** How long to wait for an external Neo4j to answer. */
  connectDeadlineMs?: number;
}

export async function openNeo4j(target: Neo4jTarget = resolveNeo4jTarget(), options: OpenOptions = {}): Promise<Neo4jConnection> {
  const log = options.log ?? (() => {});
  if (target.kind === 'external') {
    const driver = await connect(target.credentials, options.connectDeadlineMs ?? 15_000);
    return { driver, credentials: target.credentials, origin: 'external', close: () => driver.close() };
  }

  const running = readRunningLauncher(target.dataDir);
  if (running) {
    const credentials = { uri: running.boltUrl, username: target.username, password: target.password, database: target.database };
    log(`Using the Neo4j started by \`npm run db:start\` (pid ${running.pid}) at ${running.boltUrl}`);
    const driver = await connect(credentials, options.connectDeadlineMs ?? 15_000);
    return { driver, credentials, origin: 'running-launcher', close: () => driver.close() };
  }

  const started = Date.now();
  const launched: LaunchedNeo4j = await launchNeo4j({
    dataDir: target.dataDir,
    port: target.boltPort,
    username: target.username,
    password: target.password,
    log,
  });
  const credentials = { uri: launched.uri, username: target.username, password: target.password, database: target.database };
  let driver: Driver;
  try {
    driver = await connect(credentials, 60_000);
  } catch (error) {
    await launched.stop();
    throw error;
  }
  log(`Neo4j 5.26 Community started at ${launched.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s (data in ${target.dataDir})`);
  return {
    driver,
    credentials,
    origin: 'launched',
    async close() {
      await driver.close();
      await launched.stop();
    },
  };
}
