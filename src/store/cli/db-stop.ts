// `npm run db:stop`: stops the Neo4j started by `npm run db:start`.
import { resolveNeo4jTarget } from '../config.js';
import { stopDetachedNeo4j } from '../launcher.js';
import { reportFatal } from './errors.js';

try {
  const target = resolveNeo4jTarget({ ...process.env, NEO4J_URI: undefined });
  if (target.kind !== 'launch') throw new Error('unreachable: NEO4J_URI was cleared');
  const stopped = await stopDetachedNeo4j(target.dataDir);
  console.log(stopped ? `Neo4j stopped (data kept in ${target.dataDir}).` : `No local Neo4j is running on ${target.dataDir}.`);
} catch (error) {
  reportFatal(error, 'db:stop');
}
