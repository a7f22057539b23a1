// The HTTP service: GraphQL at /graphql, GraphiQL at /graphiql, /health,
// /ready, the exports under /export and the explorer's build at /.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import type { GraphQLFormattedError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { pino, type Logger } from 'pino';
import { createExportRouter } from '../export/router.js';
import { createObservability } from '../observability/index.js';
import { createContext, type ApiContext } from './context.js';
import { isServiceUnavailableGraphQLError, serviceUnavailableStatusPlugin } from './errors.js';
import { graphqlOverHttpPlugin } from './graphql-http.js';
import { INTROSPECTION_PATH, POSSIBLE_TYPES_PATH, readIntrospection, readPossibleTypes } from './possible-types.js';
import { createGraphiqlRouter } from './graphiql.js';
import { limitsPlugin, MAX_TOKENS, requestShapeGuard } from './limits.js';
import { readCurrentDataset } from '../graph/dataset.js';
import { CircuitBreaker } from '../graph/circuit-breaker.js';
import { Neo4jGraphReader } from '../graph/reader.js';
import { ResponseCache, responseCachePlugin, VersionProbe, type ResponseCacheOptions } from './response-cache.js';
import { resolvers } from './resolvers/index.js';
import { readTypeDefs } from './schema.js';

/** Any origin may read the API (no credentials), including the headers it reports about each request. */
export const CORS_OPTIONS: cors.CorsOptions = { exposedHeaders: ['x-cypher-round-trips', 'x-response-cache', 'etag'], maxAge: 600 };

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export interface AppOptions {
  driver: Driver;
  database?: string | undefined;
  logger?: Logger | undefined;
  /** Give up on one Cypher read after this long and answer SERVICE_UNAVAILABLE (default 10 s). */
  queryTimeoutMs?: number | undefined;
  /** Cache whole responses per dataset version (default on); false to run every request against Neo4j. */
  responseCache?: false | ResponseCacheOptions | undefined;
  /** Directory of the explorer's static build (default web/dist, served only when it exists). */
  webRoot?: string | undefined;
  /**
   * The process's circuit breaker in front of Neo4j (default: one per app). While it is open reads
   * fail at once with 503 and /health answers 503 with its reason; the supervisor of a launched
   * Neo4j holds it open while Neo4j restarts.
   */
  breaker?: CircuitBreaker | undefined;
}

export interface App {
  app: express.Express;
  close(): Promise<void>;
}

/** Clients see the message and code of errors meant for them, never internals or stack traces. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'GraphQL resolver failed');
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
  }
  const { http: _http, stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

/** One structured log line per operation: name, duration, Cypher round trips, error codes. */
function requestLogPlugin(logger: Logger): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, errors, response }) {
          // Lets clients and the benchmark see how many Cypher statements a request cost.
          response.http.headers.set('x-cypher-round-trips', String(contextValue.reader.roundTrips));
          logger.info(
            {
              operationName: request.operationName ?? null,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              roundTrips: contextValue.reader.roundTrips,
              errors: errors?.map((error) => error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

function versionProbe(options: AppOptions, breaker: CircuitBreaker): VersionProbe {
  return new VersionProbe(async () => {
    const reader = new Neo4jGraphReader({ driver: options.driver, database: options.database, timeoutMs: options.queryTimeoutMs, breaker });
    const dataset = await readCurrentDataset(reader);
    // Recomputed analytics change answers without a new dataset version.
    return dataset ? `${dataset.version}|${dataset.analyticsComputedAt ?? ''}` : null;
  });
}

function httpStatusOf(error: unknown): number {
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/**
 * Security headers. The CSP allows only this origin's scripts, styles, fonts
 * and images (GraphiQL and the explorer are served from here; sigma draws on
 * canvas/WebGL, which CSP does not restrict), no framing, no plugins.
 */
export function securityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // style="…" attributes (the explorer's views, GraphiQL's editor) cannot run code; <style> and stylesheets stay same-origin.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

export async function createApp(options: AppOptions): Promise<App> {
  const logger = options.logger ?? pino({ level: process.env['LOG_LEVEL'] ?? 'info' });
  const observability = createObservability({ driver: options.driver });
  const responseCache = options.responseCache === false ? null : new ResponseCache(options.responseCache);
  const breaker = options.breaker ?? new CircuitBreaker();
  const apollo = new ApolloServer<ApiContext>({
    typeDefs: readTypeDefs(),
    resolvers,
    includeStacktraceInErrorResponses: false,
    // The process handles SIGTERM itself (drain, then close Neo4j): Apollo must not re-raise it.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    // No CSRF preflight requirement: the API is read-only (no mutations; Apollo refuses any operation
    // but a query over GET) and uses no cookies or other ambient credentials, so a cross-site
    // request can neither change anything nor act as a user. Requiring a custom header only broke
    // standard clients (urql and graphql-request send short queries by plain GET).
    csrfPrevention: false,
    formatError: (formatted, error) => formatError(formatted, error, logger),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(),
      ...(responseCache ? [responseCachePlugin(versionProbe(options, breaker), responseCache)] : []),
      requestLogPlugin(logger),
      ...observability.apolloPlugins<ApiContext>(),
      graphqlOverHttpPlugin(),
      // After the GraphQL-over-HTTP status: an outage that served nothing is 503 with Retry-After.
      serviceUnavailableStatusPlugin(() => breaker.retryAfterSeconds()),
    ],
    logger: {
      debug: (message) => logger.debug(message),
      info: (message) => logger.info(message),
      warn: (message) => logger.warn(message),
      error: (message) => logger.error(message),
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  observability.mount(app);
  app.use(securityHeaders());
  // gzip/deflate for every text response (the explorer's bundles shrink about 4x).
  app.use(compression());

  app.get('/health', (_request, response) => {
    const reason = breaker.reason();
    const cache = responseCache ? { responseCache: responseCache.stats() } : {};
    if (reason !== null) {
      response.status(503).set('retry-after', String(breaker.retryAfterSeconds())).json({ status: 'unavailable', reason, ...cache });
      return;
    }
    response.json({ status: 'ok', ...cache });
  });

  app.get('/ready', async (_request, response) => {
    const reader = new Neo4jGraphReader({ driver: options.driver, database: options.database, timeoutMs: 3_000, breaker });
    try {
      const dataset = await readCurrentDataset(reader);
      if (!dataset) {
        response.status(503).json({ status: 'not-ready', reason: 'No dataset is loaded in Neo4j' });
        return;
      }
      response.json({ status: 'ready', dataset: { version: dataset.version, sourceSha256: dataset.sourceSha256, loadedAt: dataset.loadedAt } });
    } catch (error) {
      if (!isServiceUnavailableGraphQLError(error)) logger.error({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'not-ready', reason: 'Neo4j is not reachable' });
    }
  });

  // What client caches need (README "Use it from Apollo Client / urql / Relay"); the schema only changes with a release.
  for (const [route, body] of [
    [POSSIBLE_TYPES_PATH, JSON.stringify(readPossibleTypes())],
    [INTROSPECTION_PATH, JSON.stringify(readIntrospection())],
  ] as const) {
    app.get(route, cors<cors.CorsRequest>(CORS_OPTIONS), (_request, response) => {
      response.set('cache-control', 'public, max-age=3600').type('application/json; charset=utf-8').send(body);
    });
  }

  app.use(
    '/graphql',
    cors<cors.CorsRequest>(CORS_OPTIONS),
    express.json({ limit: '1mb' }),
    requestShapeGuard(),
    expressMiddleware(apollo, {
      context: async () =>
        createContext({ driver: options.driver, database: options.database, queryTimeoutMs: options.queryTimeoutMs, breaker, logger }),
    }),
  );

  app.use(createGraphiqlRouter('/graphql'));
  // The export router's routes carry their /export prefix themselves.
  app.use(createExportRouter({ driver: options.driver, database: options.database, queryTimeoutMs: options.queryTimeoutMs, breaker }));

  const webRoot = options.webRoot ?? WEB_DIST;
  if (existsSync(path.join(webRoot, 'index.html'))) {
    app.use(
      express.static(webRoot, {
        index: 'index.html',
        setHeaders: (response, file) => {
          // Vite names bundles by content hash: they never change under one name.
          // Everything else (index.html, favicon) is revalidated on each load.
          const hashed = path.relative(webRoot, file).startsWith(`assets${path.sep}`);
          response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      }),
    );
    // Client-side routes of the explorer load its page too; a missing file (a path with an extension) is a 404.
    app.get(/^\/(?!graphql|graphiql|export|health|ready).*/, (request, response, next) => {
      if (!request.accepts('html') || /\.[A-Za-z0-9]+$/.test(request.path) || request.path.startsWith('/assets/')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(path.join(webRoot, 'index.html'));
    });
  }

  app.use((_request: express.Request, response: express.Response) => {
    response.status(404).json({ error: 'Not found' });
  });

  // Express's own error page shows stack traces outside production; answer with JSON instead.
  app.use((error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    const status = httpStatusOf(error);
    if (status >= 500) logger.error({ err: error }, 'HTTP request failed');
    response.status(status).json({ error: status < 500 && error instanceof Error ? error.message : 'Internal server error' });
  });

  return { app, close: () => (observability.close(), apollo.stop()) };
}

export interface StartOptions extends AppOptions {
  port: number;
  host?: string | undefined;
  /** On close, how long requests in flight may take to finish (default 10 s). */
  drainTimeoutMs?: number | undefined;
}

export interface StartedServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** createApp and listen; `close` stops accepting connections, lets requests in flight finish, then stops Apollo (not the driver). */
export async function startServer(options: StartOptions): Promise<StartedServer> {
  const { app, close } = await createApp(options);
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close: async () => {
      // No new connections; requests in flight may finish (bounded); keep-alive connections close as soon as they are idle.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 10_000);
      await closed;
      clearInterval(idle);
      clearTimeout(deadline);
      await close();
    },
  };
}
