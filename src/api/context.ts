// The per-request context: one GraphReader (round-trip counter) and fresh
// loaders, so batching and what was read never leak between requests.
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { CircuitBreaker } from '../graph/circuit-breaker.js';
import { Neo4jGraphReader, type GraphReader } from '../graph/reader.js';
import { Loaders } from './loaders.js';

export interface ApiContext {
  reader: GraphReader;
  loaders: Loaders;
  logger?: Logger | undefined;
  /** Set by the response cache when it answers: bytes of the cached JSON (for the metrics). */
  responseCacheHitBytes?: number | undefined;
}

export interface ContextOptions {
  driver: Driver;
  database?: string | undefined;
  queryTimeoutMs?: number | undefined;
  breaker?: CircuitBreaker | undefined;
  logger?: Logger | undefined;
}

export function createContext(options: ContextOptions): ApiContext {
  const reader = new Neo4jGraphReader({ driver: options.driver, database: options.database, timeoutMs: options.queryTimeoutMs, breaker: options.breaker });
  return contextFor(reader, options.logger);
}

/** A context over any reader (the statement tests use a recording one). */
export function contextFor(reader: GraphReader, logger?: Logger): ApiContext {
  return { reader, loaders: new Loaders(reader), logger };
}
