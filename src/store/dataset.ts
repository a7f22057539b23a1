// Keeps Neo4j holding the toolkit graph that matches the vendored source:
// applies the migrations, then loads the graph file when the database is empty
// or holds another dataset version. A graph built from another source is
// refused, so a changed source is noticed instead of being served stale.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { SerialisedGraph } from '../graph/serialised.js';
import { DEFAULT_DATABASE, REPO_ROOT } from './config.js';
import { GraphFileError, readGraphFile, TOOLKIT_GRAPH_PATH } from './graph-file.js';
import { ensureAnalytics, type AnalyticsReport } from '../analytics/compute.js';
import { loadGraph, readDataset, type LoadReport } from './load.js';
import { migrate } from './migrations.js';

export const TOOLKIT_SOURCE_PATH = path.join(REPO_ROOT, 'data', 'source', 'nexus-policy-toolkit.txt');

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Reads the graph file and checks it was built from `sourcePath` as it is now. */
export function readToolkitGraph(graphPath = TOOLKIT_GRAPH_PATH, sourcePath = TOOLKIT_SOURCE_PATH): SerialisedGraph {
  if (!fs.existsSync(graphPath)) {
    throw new GraphFileError(`${path.relative(REPO_ROOT, graphPath)} does not exist: build it with \`npm run ingest:build\``);
  }
  const graph = readGraphFile(graphPath);
  const sourceSha256 = sha256OfFile(sourcePath);
  if (graph.dataset.sourceSha256 !== sourceSha256) {
    throw new GraphFileError(
      `${path.relative(REPO_ROOT, graphPath)} was built from a source with SHA-256 ${graph.dataset.sourceSha256}, ` +
        `but ${path.relative(REPO_ROOT, sourcePath)} has SHA-256 ${sourceSha256}: rebuild it with \`npm run ingest:build\``,
    );
  }
  return graph;
}

/** Another dataset is live in a Neo4j this service does not own. */
export class DatasetInUseError extends Error {
  override name = 'DatasetInUseError';
}

export interface EnsureOptions {
  database?: string;
  /** Load even when the same version is already there. */
  force?: boolean;
  /**
   * Replace a different dataset that is already loaded (default true). False
   * for a Neo4j someone else runs: its live dataset is never replaced unless
   * `force` is set.
   */
  replaceOtherDataset?: boolean;
  graph?: SerialisedGraph;
  log?: (line: string) => void;
  /**
   * Compute the network analytics of the loaded dataset when they are missing (default true).
   * A failure is logged, never fatal: the rest of the service works without them.
   */
  analytics?: boolean;
}

/** Migrates and loads when needed; returns the load report, or undefined when the loaded dataset was current. */
export async function ensureToolkitLoaded(driver: Driver, options: EnsureOptions = {}): Promise<LoadReport | undefined> {
  const database = options.database ?? DEFAULT_DATABASE;
  const log = options.log ?? (() => {});
  const graph = options.graph ?? readToolkitGraph();
  const migrations = await migrate(driver, { database });
  if (migrations.applied.length > 0) log(`Applied schema migrations: ${migrations.applied.join(', ')}`);
  const current = await readDataset(driver, database);
  if (!options.force && current?.version === graph.dataset.version) {
    log(`Dataset ${graph.dataset.version.slice(0, 12)} is already loaded`);
    await analyticsAfterLoad(driver, database, options);
    return undefined;
  }
  if (current && current.version !== graph.dataset.version && options.replaceOtherDataset === false && !options.force) {
    throw new DatasetInUseError(
      `the Neo4j at NEO4J_URI already serves dataset ${current.version.slice(0, 12)} (loaded ${current.loadedAt}, ${current.nodeCount} nodes); ` +
        `this service's graph is ${graph.dataset.version.slice(0, 12)}. Not replacing a live dataset in a Neo4j this service does not own: ` +
        'start with `npm start -- --force` to replace it',
    );
  }
  const report = await loadGraph(driver, graph, { database });
  log(
    `Loaded dataset ${report.version.slice(0, 12)}: ${report.nodeCount} nodes, ${report.relationshipCount} relationships in ${report.durationMs} ms`,
  );
  await analyticsAfterLoad(driver, database, options);
  return report;
}

async function analyticsAfterLoad(driver: Driver, database: string, options: EnsureOptions): Promise<AnalyticsReport | undefined> {
  if (options.analytics === false) return undefined;
  const log = options.log ?? (() => {});
  try {
    return await ensureAnalytics(driver, { database, log });
  } catch (error) {
    log(`Graph analytics not computed: ${(error as Error).message}`);
    return undefined;
  }
}
