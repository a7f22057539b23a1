// `npm run db:start`: starts the local Neo4j in the background (pid in
// .data/neo4j/launcher.json, log in .data/neo4j/launcher.log) and returns.
import { resolveNeo4jTarget } from '../config.js';
import { connect } from '../driver.js';
import { startDetachedNeo4j } from '../launcher.js';
import { reportFatal } from './errors.js';

try {
  const target = resolveNeo4jTarget();
  if (target.kind === 'external') {
    console.log(`NEO4J_URI is set (${target.credentials.uri}): nothing to start.`);
  } else {
    const started = Date.now();
    const state = await startDetachedNeo4j({
      dataDir: target.dataDir,
      port: target.boltPort,
      username: target.username,
      password: target.password,
      log: (line) => console.log(line),
    });
    const driver = await connect({ uri: state.boltUrl, username: target.username, password: target.password, database: target.database }, 60_000);
    await driver.close();
    console.log(`Neo4j 5.26 Community is running at ${state.boltUrl} (pid ${state.pid}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s).`);
    console.log(`User "${target.username}", data in ${target.dataDir}. Stop it with \`npm run db:stop\`.`);
  }
} catch (error) {
  reportFatal(error, 'db:start');
}
