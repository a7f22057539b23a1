// `npm start`: the service. Connects to NEO4J_URI, or launches the local Neo4j
// 5.26 (data in .data/neo4j) when it is not set; applies the schema; loads the
// toolkit graph when the database is empty or holds another version; serves
// GraphQL, the explorer and the exports on PORT (default 4000).
//
// Faults and ownership:
// - The local data directory is claimed first (src/store/ownership.ts): a
//   second `npm start` on it stops before touching Neo4j.
// - With NEO4J_URI, a different dataset already loaded there is never
//   replaced unless `npm start -- --force`.
// - A Neo4j this process launched is watched: when it dies it is restarted
//   with backoff (NEO4J_RESTARTS times per 10 minutes, default 3; 0 turns
//   restarts off) and /health answers 503 meanwhile; when it will not be
//   restarted the process exits 1 with one line saying why.
// - SIGTERM/SIGINT: stop accepting connections, let requests in flight finish
//   (at most DRAIN_TIMEOUT_MS), close the driver and Neo4j, exit 0.
import pino from 'pino';
import { startServer, type StartedServer } from './api/server.js';
import { CircuitBreaker } from './graph/circuit-breaker.js';
import { parsePort, resolveNeo4jTarget } from './store/config.js';
import { reportFatal } from './store/cli/errors.js';
import { ensureToolkitLoaded, readToolkitGraph } from './store/dataset.js';
import { openNeo4j, type Neo4jConnection } from './store/neo4j.js';
import { claimDataDirectory, type Claim } from './store/ownership.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const force = process.argv.slice(2).includes('--force');
const port = process.env.PORT ? parseIntegerOrExit(process.env.PORT, 'PORT', true) : 4000;
const host = process.env.HOST ?? '0.0.0.0';
const maxRestarts = process.env.NEO4J_RESTARTS ? parseIntegerOrExit(process.env.NEO4J_RESTARTS, 'NEO4J_RESTARTS', false) : 3;
const drainTimeoutMs = process.env.DRAIN_TIMEOUT_MS ? parseIntegerOrExit(process.env.DRAIN_TIMEOUT_MS, 'DRAIN_TIMEOUT_MS', false) : 10_000;

function parseIntegerOrExit(text: string, variable: string, isPort: boolean): number {
  try {
    if (isPort) return parsePort(text, variable);
    if (!/^\d+$/.test(text)) throw new Error(`${variable} must be a whole number, got "${text}"`);
    return Number(text);
  } catch (error) {
    console.error(`start: ${(error as Error).message}`);
    process.exit(1);
  }
}

let claim: Claim | undefined;
let connection: Neo4jConnection | undefined;
let server: StartedServer | undefined;
let stopping: Promise<void> | undefined;
/** Held open while the Neo4j this process launched is down: reads fail at once and /health answers 503. */
const breaker = new CircuitBreaker();

/** Stops in order: HTTP (draining), driver and Neo4j, the claim; then exits with `code`. */
function stop(code: number, why: string): Promise<void> {
  stopping ??= (async () => {
    logger.info({ reason: why }, 'shutting down');
    try {
      await server?.close();
      await connection?.close();
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
    }
    claim?.release();
    process.exit(code);
  })();
  return stopping;
}

// One handler for the whole life of the process (Apollo's own is off): whatever has started is stopped.
process.on('SIGTERM', () => void stop(0, 'SIGTERM'));
process.on('SIGINT', () => void stop(0, 'SIGINT'));

try {
  const target = resolveNeo4jTarget();
  if (target.kind === 'launch') claim = claimDataDirectory(target.dataDir, port);
  const graph = readToolkitGraph();
  connection = await openNeo4j(target, { log: (line) => logger.info(line) });
  const opened = connection;
  if (stopping) await stopping;
  await ensureToolkitLoaded(opened.driver, {
    database: opened.credentials.database,
    graph,
    log: (line) => logger.info(line),
    // A Neo4j this checkout launched (or `npm run db:start` runs) is ours; one at NEO4J_URI only with --force.
    replaceOtherDataset: opened.origin !== 'external' || force,
  });
  server = await startServer({
    driver: opened.driver,
    database: opened.credentials.database,
    logger,
    port,
    host,
    drainTimeoutMs,
    breaker,
  });
  opened.supervise?.(
    {
      log: (line) => logger.warn(line),
      onDown: (reason) => breaker.hold(reason),
      onUp: () => breaker.release(),
      onGiveUp: (reason) => {
        breaker.hold(reason);
        // The one line a supervisor (systemd, Kubernetes, a shell) needs; the exit code says the rest.
        console.error(`start: ${reason}`);
        void stop(1, 'Neo4j is gone');
      },
    },
    { maxRestarts },
  );
  logger.info(`GraphQL at http://localhost:${server.port}/graphql, explorer at http://localhost:${server.port}/`);
} catch (error) {
  if (!stopping) {
    await connection?.close().catch(() => {});
    claim?.release();
    reportFatal(error, 'start');
  }
}
