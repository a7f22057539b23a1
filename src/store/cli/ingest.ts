// `npm run ingest`: loads data/graph/toolkit.graph.json into Neo4j (the one
// named by NEO4J_URI, the one `npm run db:start` runs, or a local one started
// for the duration of the load). Refuses a graph built from another source.
// `--force` reloads even when the same dataset version is already loaded;
// `--graph <file>` loads another graph file built from the same source.
import path from 'node:path';
import { ConfigError } from '../config.js';
import { ensureToolkitLoaded, readToolkitGraph } from '../dataset.js';
import { openNeo4j } from '../neo4j.js';
import { reportFatal } from './errors.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const graphIndex = args.indexOf('--graph');
const graphFile = graphIndex >= 0 ? args[graphIndex + 1] : undefined;
try {
  if (graphIndex >= 0 && !graphFile) throw new ConfigError('--graph needs a file');
  const graph = readToolkitGraph(graphFile ? path.resolve(graphFile) : undefined);
  const connection = await openNeo4j(undefined, { log: (line) => console.log(line) });
  try {
    const report = await ensureToolkitLoaded(connection.driver, {
      database: connection.credentials.database,
      graph,
      force,
      log: (line) => console.log(line),
    });
    if (!report) console.log('Nothing to do (use --force to reload).');
  } finally {
    await connection.close();
  }
} catch (error) {
  reportFatal(error, 'ingest');
}
