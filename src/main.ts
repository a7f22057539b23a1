// `npm start`: the service. Connects to NEO4J_URI, or launches the local Neo4j
// 5.26 (data in .data/neo4j) when it is not set; applies the schema; loads the
// toolkit graph when the database is empty or holds another version; serves
// GraphQL, the explorer and the exports on PORT (default 4000).
import pino from 'pino';
import { startServer } from './api/server.js';
import { ensureWebBuild } from './api/web-build.js';
import { parsePort } from './store/config.js';
import { reportFatal } from './store/cli/errors.js';
import { ensureToolkitLoaded, readToolkitGraph } from './store/dataset.js';
import { openNeo4j, type Neo4jConnection } from './store/neo4j.js';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const port = process.env.PORT ? parsePortOrExit(process.env.PORT) : 4000;
const host = process.env.HOST ?? '0.0.0.0';

function parsePortOrExit(text: string): number {
  try {
    return parsePort(text, 'PORT');
  } catch (error) {
    return reportFatal(error, 'start');
  }
}

let connection: Neo4jConnection | undefined;
let shuttingDown = false;

async function shutdown(close: () => Promise<void>, signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'shutting down');
  await close();
  process.exit(0);
}

try {
  const graph = readToolkitGraph();
  await ensureWebBuild({ log: (line) => logger.info(line) });
  connection = await openNeo4j(undefined, { log: (line) => logger.info(line) });
  const opened = connection;
  // Until the server is up, a signal only has Neo4j to stop.
  const stopNeo4j = () => void shutdown(() => opened.close(), 'signal');
  process.once('SIGINT', stopNeo4j);
  process.once('SIGTERM', stopNeo4j);
  await ensureToolkitLoaded(opened.driver, { database: opened.credentials.database, graph, log: (line) => logger.info(line) });
  const server = await startServer({ driver: opened.driver, database: opened.credentials.database, logger, port, host });
  process.off('SIGINT', stopNeo4j);
  process.off('SIGTERM', stopNeo4j);
  const closeAll = async () => {
    await server.close();
    await opened.close();
  };
  process.once('SIGINT', () => void shutdown(closeAll, 'SIGINT'));
  process.once('SIGTERM', () => void shutdown(closeAll, 'SIGTERM'));
  logger.info(`GraphQL at http://localhost:${server.port}/graphql, explorer at http://localhost:${server.port}/`);
} catch (error) {
  await connection?.close().catch(() => {});
  reportFatal(error, 'start');
}
