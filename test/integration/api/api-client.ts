// Starts the real service (createApp over the test Neo4j) on a free port and
// sends GraphQL over HTTP, as clients do.
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import type { ResponseCacheOptions } from '../../../src/api/response-cache.js';
import { startServer, type StartedServer } from '../../../src/api/server.js';
import { testDatabase, testDriver, testGraphPath } from '../../support/neo4j.js';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data: Data | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
  /** Cypher statements the request sent (x-cypher-round-trips). */
  roundTrips: number;
  /** True when the response came from the dataset-versioned response cache. */
  cacheHit: boolean;
}

export interface TestApi {
  server: StartedServer;
  /** Origin, e.g. http://127.0.0.1:45678 */
  origin: string;
  query<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

export async function startTestApi(options: { driver?: Driver; queryTimeoutMs?: number; responseCache?: false | ResponseCacheOptions } = {}): Promise<TestApi> {
  const server = await startServer({
    driver: options.driver ?? testDriver(),
    database: testDatabase(),
    port: 0,
    logger: pino({ level: process.env['API_TEST_LOG'] ?? 'silent' }),
    queryTimeoutMs: options.queryTimeoutMs,
    responseCache: options.responseCache,
  });
  const origin = server.url.replace(/\/graphql$/, '');
  return {
    server,
    origin,
    async query<Data>(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        // What Apollo Client and graphql-request send.
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Data | null; errors?: GraphQLResponse['errors'] };
      return {
        status: response.status,
        data: body.data,
        errors: body.errors,
        roundTrips: Number(response.headers.get('x-cypher-round-trips') ?? 'NaN'),
        cacheHit: response.headers.get('x-response-cache') === 'hit',
      };
    },
    close: () => server.close(),
  };
}

/** True when the setup loaded the real toolkit graph (not the mini fixture used before it existed). */
export function toolkitLoaded(): boolean {
  return testGraphPath().endsWith('toolkit.graph.json');
}

/** The data of a response that must have no errors. */
export function dataOf<Data>(response: GraphQLResponse<Data>): Data {
  if (response.errors && response.errors.length > 0) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  if (!response.data) throw new Error('GraphQL response without data');
  return response.data;
}
