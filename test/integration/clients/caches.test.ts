// Apollo Client's InMemoryCache and urql's graphcache over the operations of
// a client app (operations.ts), against the real service, in development
// mode: no warning at all, and every operation can be read back complete from
// the cache after all of them ran (objects merged, not replaced).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { startTestApi, type TestApi } from '../api/api-client.js';
import { identifiedObjects, NODE_BY_ID, OPERATIONS } from './operations.js';

let api: TestApi;
let possibleTypes: Record<string, string[]>;
let warnings: string[];

beforeAll(async () => {
  api = await startTestApi();
  possibleTypes = (await (await fetch(`${api.origin}/graphql/possible-types.json`)).json()) as Record<string, string[]>;
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

// Both libraries report cache problems on the console in development mode.
beforeEach(() => {
  warnings = [];
  const record = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  vi.spyOn(console, 'warn').mockImplementation(record);
  vi.spyOn(console, 'error').mockImplementation(record);
  vi.spyOn(console, 'log').mockImplementation(record);
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function apollo(options: { possibleTypes?: Record<string, string[]> }) {
  // Apollo Client 4 reads its development flag when first loaded.
  (globalThis as { __DEV__?: boolean }).__DEV__ = true;
  const { ApolloClient, HttpLink, InMemoryCache, gql } = await import('@apollo/client');
  const { loadDevMessages, loadErrorMessages } = await import('@apollo/client/dev');
  loadDevMessages();
  loadErrorMessages();
  const client = new ApolloClient({
    link: new HttpLink({ uri: api.server.url }),
    cache: new InMemoryCache(options.possibleTypes ? { possibleTypes: options.possibleTypes } : {}),
  });
  return { client, gql };
}

describe('Apollo Client InMemoryCache', () => {
  it('possibleTypes is published and covers every Node type', async () => {
    const response = await fetch(`${api.origin}/graphql/possible-types.json`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(possibleTypes['Node']).toContain('GoodPractice');
    expect(possibleTypes['Node']).toContain('Step');
    expect(possibleTypes['Node']?.length).toBeGreaterThanOrEqual(18);
  });

  it('runs a client app without a warning and reads every operation back complete from the cache', async () => {
    const { client, gql } = await apollo({ possibleTypes });
    const results = [];
    for (const operation of OPERATIONS) {
      const result = await client.query({ query: gql(operation.query), variables: operation.variables, fetchPolicy: 'network-only' });
      expect(result.error, operation.name).toBeUndefined();
      results.push(result.data);
    }
    for (const [index, operation] of OPERATIONS.entries()) {
      const cached = client.readQuery({ query: gql(operation.query), variables: operation.variables });
      expect(cached, `${operation.name} from the cache`).toEqual(results[index]);
    }
    // The Node fragment kept its id (possibleTypes known).
    const node = client.readQuery<{ node: { id: string } }>({ query: gql(NODE_BY_ID), variables: { id: 'gp:17' } });
    expect(node?.node.id).toBe('gp:17');
    expect(warnings).toEqual([]);
  });

  it('development mode is on: without possibleTypes the Node fragment is reported', async () => {
    const { client, gql } = await apollo({});
    await client.query({ query: gql(NODE_BY_ID), variables: { id: 'gp:17' }, fetchPolicy: 'network-only' });
    client.readQuery({ query: gql(NODE_BY_ID), variables: { id: 'gp:17' } });
    expect(warnings.join('\n')).toMatch(/possibleTypes|fragment|Node/i);
  });
});

describe('urql graphcache', () => {
  async function urql() {
    const { Client, fetchExchange } = await import('@urql/core');
    const { cacheExchange } = await import('@urql/exchange-graphcache');
    const schema = await (await fetch(`${api.origin}/graphql/introspection.json`)).json();
    // urql's defaults: short queries go by GET, without custom headers.
    return new Client({ url: api.server.url, exchanges: [cacheExchange({ schema }), fetchExchange] });
  }

  it('runs a client app by GET without a warning and reads every operation back complete from the cache', async () => {
    const client = await urql();
    const results = [];
    for (const operation of OPERATIONS) {
      const result = await client.query(operation.query, operation.variables, { requestPolicy: 'network-only' }).toPromise();
      expect(result.error, operation.name).toBeUndefined();
      results.push(result.data);
    }
    for (const [index, operation] of OPERATIONS.entries()) {
      const cached = client.readQuery(operation.query, operation.variables);
      expect(cached?.stale ?? false, operation.name).toBe(false);
      expect(cached?.data, `${operation.name} from the cache`).toEqual(results[index]);
    }
    expect(warnings).toEqual([]);
  });

  it('development mode is on: an object without a key is reported', async () => {
    const client = await urql();
    await client.query('{ dataset { version } }', {}, { requestPolicy: 'network-only' }).toPromise();
    expect(warnings.join('\n')).toMatch(/Invalid key/);
  });
});

describe('identities', () => {
  it('no id stands for two types in the answers of the operations', async () => {
    const types = new Map<string, Set<string>>();
    for (const operation of OPERATIONS) {
      const withTypes = operation.query.replace(/\{/g, '{ __typename ').replace(/^(\s*query[^{]*)\{ __typename /m, '$1{ ');
      const response = await api.query(withTypes, operation.variables);
      expect(response.errors, operation.name).toBeUndefined();
      for (const [id, typename] of identifiedObjects(response.data)) {
        if (!types.has(id)) types.set(id, new Set());
        types.get(id)!.add(typename);
      }
    }
    const conflicts = [...types.entries()].filter(([, names]) => names.size > 1).map(([id, names]) => `${id}: ${[...names].join(', ')}`);
    expect(conflicts).toEqual([]);
    expect(types.get('gp:17')).toEqual(new Set(['GoodPractice']));
    expect(types.get('GraphNode:gp:17')).toEqual(new Set(['GraphNode']));
  });
});
