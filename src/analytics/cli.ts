// `npm run analytics`: computes the network analytics of the dataset loaded in
// Neo4j (the one NEO4J_URI names, the one `npm run db:start` runs, or a local
// one started for the duration) with Graph Data Science, when they are missing;
// `--force` recomputes them. `npm start` and `npm run ingest` do this by themselves.
import { openNeo4j } from '../store/neo4j.js';
import { reportFatal } from '../store/cli/errors.js';
import { ensureAnalytics } from './compute.js';

const force = process.argv.slice(2).includes('--force');
try {
  const connection = await openNeo4j(undefined, { log: (line) => console.log(line) });
  try {
    const report = await ensureAnalytics(connection.driver, { database: connection.credentials.database, force, log: (line) => console.log(line) });
    if (report.status === 'no-dataset') console.log('No dataset is loaded: run `npm run ingest` first.');
    if (report.status === 'unavailable' || report.status === 'no-dataset') process.exitCode = 1;
  } finally {
    await connection.close();
  }
} catch (error) {
  reportFatal(error, 'analytics');
}
