// Prometheus metrics for operators, served at /metrics in the text exposition
// format (prom-client). Names follow the Prometheus conventions: a `nexus_`
// prefix, base units (seconds, bytes) in the name, `_total` on counters. Label
// values that clients choose (operation names) are bounded, so a hostile client
// cannot grow the series without limit. Each metric is documented in the README.
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Driver } from 'neo4j-driver';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { readPoolUse } from './neo4j-pool.js';

/** Latency buckets (seconds): cached answers take a millisecond, deep uncached ones up to the 10 s query timeout. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Cypher statements per request: the round-trip bound keeps this small (16 for a full practice page). */
const STATEMENT_BUCKETS = [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64];

/** Keeps at most `limit` distinct label values; later new ones are reported as `other`. */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    private readonly limit: number,
    private readonly valid: RegExp,
  ) {}

  value(raw: string | null | undefined, fallback: string): string {
    if (!raw) return fallback;
    if (!this.valid.test(raw)) return 'invalid';
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(raw);
    return raw;
  }
}

/** The route label of an HTTP request: a fixed set, whatever the path. */
export function routeOf(path: string): string {
  for (const route of ['/graphql', '/graphiql', '/export', '/health', '/ready', '/metrics']) {
    if (path === route || path.startsWith(`${route}/`)) return route;
  }
  return '/';
}

export interface ServiceMetricsOptions {
  /** The driver whose connection pool is reported (nexus_neo4j_pool_*). */
  driver?: Driver | undefined;
  /** Node's process metrics (CPU, memory, event loop lag, GC, handles); default on. */
  processMetrics?: boolean | undefined;
  /** Distinct operation names kept as label values (default 200). */
  maxOperationNames?: number | undefined;
}

/** What the GraphQL plugin reads from a request's context: the Cypher statements it sent. */
export interface CountsStatements {
  reader: { roundTrips: number };
  /** Bytes of the JSON the response cache answered with, when it did. */
  responseCacheHitBytes?: number | undefined;
}

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations: BoundedLabel;
  private readonly errorCodes = new BoundedLabel(50, /^[A-Z][A-Z0-9_]{0,63}$/);

  readonly graphqlRequests: Counter<'operation'>;
  readonly graphqlDuration: Histogram<'operation'>;
  readonly graphqlErrors: Counter<'code'>;
  readonly cypherStatementsPerRequest: Histogram<'operation'>;
  readonly cypherStatementDuration: Histogram<'outcome'>;
  readonly cacheHits: Counter;
  readonly cacheMisses: Counter;
  readonly cacheHitBytes: Counter;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly ready: Gauge;
  readonly readyChecked: Gauge;

  constructor(options: ServiceMetricsOptions = {}) {
    const registers = [this.registry];
    this.operations = new BoundedLabel(options.maxOperationNames ?? 200, /^[_A-Za-z][_0-9A-Za-z]{0,99}$/);

    this.graphqlRequests = new Counter({
      name: 'nexus_graphql_requests_total',
      help: 'GraphQL requests answered, by operation name ("anonymous" without one).',
      labelNames: ['operation'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'nexus_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation name.',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'nexus_graphql_errors_total',
      help: 'GraphQL errors sent to clients, by extensions.code (BAD_USER_INPUT, SERVICE_UNAVAILABLE, ...).',
      labelNames: ['code'],
      registers,
    });
    this.cypherStatementsPerRequest = new Histogram({
      name: 'nexus_cypher_statements_per_request',
      help: 'Cypher statements (round trips to Neo4j) one GraphQL request sent, by operation name.',
      labelNames: ['operation'],
      buckets: STATEMENT_BUCKETS,
      registers,
    });
    this.cypherStatementDuration = new Histogram({
      name: 'nexus_cypher_statement_duration_seconds',
      help: 'Time of one Cypher read transaction against Neo4j, by outcome (ok, error).',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.cacheHits = new Counter({
      name: 'nexus_response_cache_hits_total',
      help: 'GraphQL queries answered from the response cache.',
      registers,
    });
    this.cacheMisses = new Counter({
      name: 'nexus_response_cache_misses_total',
      help: 'GraphQL queries executed against Neo4j (not in the response cache, or the cache is off).',
      registers,
    });
    this.cacheHitBytes = new Counter({
      name: 'nexus_response_cache_hit_bytes_total',
      help: 'Bytes of the JSON answers served from the response cache (before any compression).',
      registers,
    });
    this.httpRequests = new Counter({
      name: 'nexus_http_requests_total',
      help: 'HTTP requests answered, by method, route (/graphql, /graphiql, /export, /health, /ready, /metrics, / for the explorer and the rest) and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'nexus_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to finishing its response, by method and route.',
      labelNames: ['method', 'route'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.ready = new Gauge({
      name: 'nexus_ready',
      help: 'Result of the last /ready check: 1 when Neo4j answered and a dataset is loaded, 0 otherwise.',
      registers,
    });
    this.readyChecked = new Gauge({
      name: 'nexus_ready_last_check_timestamp_seconds',
      help: 'Unix time of the last /ready check (0 before the first one).',
      registers,
    });

    const driver = options.driver;
    if (driver) {
      const pool = () => readPoolUse(driver);
      new Gauge({
        name: 'nexus_neo4j_pool_connections',
        help: 'Bolt connections in the driver pool, by server address and state (in_use, idle).',
        labelNames: ['address', 'state'],
        registers,
        collect() {
          this.reset();
          for (const server of pool()?.servers ?? []) {
            this.set({ address: server.address, state: 'in_use' }, server.inUse);
            this.set({ address: server.address, state: 'idle' }, server.idle);
          }
        },
      });
      new Gauge({
        name: 'nexus_neo4j_pool_pending_acquisitions',
        help: 'Sessions waiting for a connection because the pool is at its maximum size.',
        registers,
        collect() {
          this.set((pool()?.servers ?? []).reduce((sum, server) => sum + server.waiting, 0));
        },
      });
      new Gauge({
        name: 'nexus_neo4j_pool_max_connections',
        help: 'Maximum size of the driver pool, per server address (maxConnectionPoolSize).',
        registers,
        collect() {
          const use = pool();
          if (use) this.set(use.maxSize);
        },
      });
    }

    if (options.processMetrics !== false) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named like counters (promtool rejects them); nodejs_active_handles,
      // nodejs_active_requests and nodejs_active_resources give the same by type.
      for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) {
        this.registry.removeSingleMetric(name);
      }
    }
  }

  operationLabel(name: string | null | undefined): string {
    return this.operations.value(name, 'anonymous');
  }

  /** Records one Cypher read transaction (called by the GraphReader). */
  observeStatement(seconds: number, ok: boolean): void {
    this.cypherStatementDuration.observe({ outcome: ok ? 'ok' : 'error' }, seconds);
  }

  /** Request count and latency by operation, errors by code, statements per request, cache hits and misses. */
  apolloPlugin<Context extends CountsStatements>(): ApolloServerPlugin<Context> {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ contextValue, operationName, operation, request, response }) {
            const operationLabel = metrics.operationLabel(operationName ?? request.operationName);
            metrics.graphqlRequests.inc({ operation: operationLabel });
            metrics.graphqlDuration.observe({ operation: operationLabel }, Number(process.hrtime.bigint() - started) / 1e9);
            metrics.cypherStatementsPerRequest.observe({ operation: operationLabel }, contextValue.reader?.roundTrips ?? 0);
            const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            for (const error of errors) {
              const code = typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : 'INTERNAL_SERVER_ERROR';
              metrics.graphqlErrors.inc({ code: metrics.errorCodes.value(code, 'INTERNAL_SERVER_ERROR') });
            }
            if (operation?.operation === 'query') {
              if (response.http.headers.get('x-response-cache') === 'hit') {
                metrics.cacheHits.inc();
                // From the cache itself: the HTTP body may be compressed and sent without a content-length.
                metrics.cacheHitBytes.inc(contextValue.responseCacheHitBytes ?? 0);
              } else metrics.cacheMisses.inc();
            }
          },
        };
      },
    };
  }

  /** Counts and times every HTTP request; records /ready results. */
  httpMiddleware(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      const started = process.hrtime.bigint();
      // Read before routing: routers mounted on a path strip it from the request.
      const route = routeOf(request.path);
      response.once('finish', () => {
        const method = ['GET', 'POST', 'HEAD', 'OPTIONS'].includes(request.method) ? request.method : 'other';
        this.httpRequests.inc({ method, route, status: String(response.statusCode) });
        this.httpDuration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
        if (route === '/ready') {
          this.ready.set(response.statusCode === 200 ? 1 : 0);
          this.readyChecked.set(Date.now() / 1000);
        }
      });
      next();
    };
  }

  /** GET /metrics: the Prometheus text exposition format. */
  handler(): RequestHandler {
    return async (_request: Request, response: Response, next: NextFunction) => {
      try {
        const body = await this.registry.metrics();
        response.set('content-type', this.registry.contentType).set('cache-control', 'no-store').send(body);
      } catch (error) {
        next(error);
      }
    };
  }
}
