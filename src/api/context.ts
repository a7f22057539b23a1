// The per-request context: one GraphReader (round-trip counter) and fresh
// DataLoaders, so batching and caching never leak between requests.
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { GraphReader } from './graph-reader.js';
import { Loaders } from './loaders.js';

export interface ApiContext {
  reader: GraphReader;
  loaders: Loaders;
  logger?: Logger | undefined;
}

export interface ContextOptions {
  driver: Driver;
  database?: string | undefined;
  queryTimeoutMs?: number | undefined;
  logger?: Logger | undefined;
}

export function createContext(options: ContextOptions): ApiContext {
  const reader = new GraphReader({ driver: options.driver, database: options.database, timeoutMs: options.queryTimeoutMs });
  return { reader, loaders: new Loaders(reader), logger: options.logger };
}
