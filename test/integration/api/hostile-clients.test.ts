// Requests a hostile client may send: each is refused with a 4xx and a clear
// message before it reaches Neo4j (x-cypher-round-trips: 0), and the service
// keeps answering everyone else meanwhile.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ALIASES } from '../../../src/api/limits.js';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

interface RawAnswer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  roundTrips: number;
}

async function post(body: string): Promise<RawAnswer> {
  // The spec's own media type: request errors are 4xx under it (legacy application/json answers them with 200).
  const response = await fetch(api.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as RawAnswer['body'], roundTrips: Number(response.headers.get('x-cypher-round-trips') ?? '0') };
}

function send(query: string, variables: Record<string, unknown> = {}): Promise<RawAnswer> {
  return post(JSON.stringify({ query, variables }));
}

function expectRefused(answer: RawAnswer, message: RegExp): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors?.[0]?.message).toMatch(message);
  // Nothing was sent to Neo4j.
  expect(answer.roundTrips).toBe(0);
}

function fragmentBomb(levels: number): string {
  const fragments = [];
  for (let level = 0; level < levels; level += 1) fragments.push(`fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`);
  fragments.push(`fragment F${levels} on Query { goodPractices(first: 100) { nodes { title } } }`);
  return `{ ...F0 }\n${fragments.join('\n')}`;
}

describe('cost and shape limits', () => {
  it('refuse a fragment bomb before execution while /health and other queries keep answering', async () => {
    const bombs = Array.from({ length: 8 }, () => send(fragmentBomb(40)));
    const health = fetch(`${api.origin}/health`);
    const innocent = api.query('{ goodPractice(number: 3) { number } }');
    for (const answer of await Promise.all(bombs)) {
      expectRefused(answer, /estimated cost exceeds|more than 60 database statements/);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await health).status).toBe(200);
    expect(dataOf(await innocent)).toEqual({ goodPractice: { number: 3 } });
  });

  it('refuse an alias flood of a database-backed field', async () => {
    const aliases = (count: number) => Array.from({ length: count }, (_, index) => `a${index}: search(query: "p") { score }`).join(' ');
    expectRefused(await send(`{ ${aliases(100)} }`), new RegExp(`more than ${MAX_ALIASES} times`));
    expectRefused(await send(`{ ${aliases(1_000)} }`), /characters; at most/);
    const short = Array.from({ length: 1_000 }, (_, index) => `a${index}:dataset{version}`).join(' ');
    expectRefused(await send(`{${short}}`), /more than 10 times|characters; at most/);
  });

  it('count first: null and an absent $first as the default page of 25', async () => {
    const wide = '{ nodes { steps { practices { steps { practices { title } } } } } }';
    expectRefused(await send(`{ goodPractices(first: null) ${wide} }`), /estimated cost/);
    expectRefused(await send(`query ($n: Int) { goodPractices(first: $n) ${wide} }`), /estimated cost/);
  });

  it('count introspection: the schema once is fine, many times is refused', async () => {
    const once = await send('{ __schema { types { name fields { name args { name } } } } }');
    expect(once.status).toBe(200);
    let nested = 'name';
    for (let level = 0; level < 6; level += 1) nested = `fields { type { ${nested} } }`;
    expectRefused(await send(`{ __type(name: "Query") { ${nested} } }`), /introspection/);
    // GraphiQL's own schema query, three times under aliases.
    const full = getIntrospectionQuery();
    const body = full.slice(full.indexOf('__schema') + '__schema'.length, full.lastIndexOf('}', full.indexOf('fragment')));
    const fragments = full.slice(full.indexOf('fragment'));
    expect((await send(full)).status).toBe(200);
    expectRefused(await send(`{ a: __schema ${body} b: __schema ${body} c: __schema ${body} }\n${fragments}`), /introspection/);
  });

  it('refuse deep nesting in the document and in the variables before parsing', async () => {
    const nested = `{ ${'... on Query { '.repeat(1_000)}dataset { version }${' }'.repeat(1_000)} }`;
    expectRefused(await send(nested), /nests/);
    const deepVariables = `{"query":"query ($v: [Int]) { dataset { version } }","variables":{"v":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    expectRefused(await post(deepVariables), /variables nest/);
    const get = await fetch(`${api.server.url}?query=${encodeURIComponent('{ dataset { version } }')}&variables=${encodeURIComponent(`{"v":${'['.repeat(50)}${']'.repeat(50)}}`)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect((await post('{"query": ')).status).toBe(400);
  });
});

describe('argument bounds', () => {
  it('de-duplicate and cap neighborhood types', async () => {
    const query = 'query ($types: [String!]) { neighborhood(id: "gp:1", types: $types) { nodes { id } } }';
    const repeated = await send(query, { types: Array.from({ length: 25_000 }, () => 'HAS_STEP') });
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors?.[0]?.message).toMatch(/at most 64 relationship types/);
    const few = await send(query, { types: ['HAS_KEY_ACTION', 'HAS_KEY_ACTION', 'HAS_KEY_ACTION'] });
    expect(few.status).toBe(200);
    expect(few.body.errors).toBeUndefined();
  });

  it('cap search words below the clause limit with BAD_USER_INPUT', async () => {
    // 124 distinct two-letter words, none a stop word, within the 500-character limit.
    const words = Array.from({ length: 124 }, (_, index) => `${'qxzj'[Math.floor(index / 36)]}${(index % 36).toString(36)}`).join(' ');
    const answer = await send('query ($q: String!) { search(query: $q) { score } }', { q: words });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toMatch(/at most 32 are allowed/);
    const filtered = await send('query ($q: String!) { goodPractices(filter: { text: $q }) { totalCount } }', { q: words });
    expect(filtered.status).toBe(400);
  });
});

describe('response cache under a fill attack', () => {
  it('stays under its byte bound, and trivially distinct texts or unused variables do not add entries', async () => {
    const small = await startTestApi({ responseCache: { maxBytes: 60_000, maxEntryBytes: 5_000 } });
    const stats = async () =>
      ((await (await fetch(`${small.origin}/health`)).json()) as { responseCache: { entries: number; bytes: number; maxBytes: number } }).responseCache;
    try {
      const query = '{ goodPractices(first: 5) { nodes { number title } } }';
      expect((await small.query(query)).cacheHit).toBe(false);
      const entries = (await stats()).entries;
      // A nonce comment, other spacing, an unused variable of 1 MB: the same entry.
      for (let index = 0; index < 20; index += 1) {
        expect((await small.query(`# nonce ${index}\n${query.replace(/ /g, '  ')}`)).cacheHit).toBe(true);
      }
      expect((await small.query(query, { unused: 'x'.repeat(1_000_000) })).cacheHit).toBe(true);
      expect((await stats()).entries).toBe(entries);
      // Distinct real queries: the bytes stay under the bound, the oldest results go.
      for (let index = 0; index < 60; index += 1) {
        dataOf(await small.query('query ($q: String!) { search(query: $q, first: 30) { score node { id } } }', { q: `police ${index.toString(36)}` }));
      }
      const after = await stats();
      expect(after.maxBytes).toBe(60_000);
      expect(after.bytes).toBeLessThanOrEqual(60_000);
      expect(after.bytes).toBeGreaterThan(30_000);
      expect(after.entries).toBeLessThan(60);
      // A result over the entry limit is answered but not kept.
      // About 6.5 KB of JSON.
      const big = '{ goodPractices(first: 25) { nodes { number title lead keyActions { text } } } }';
      await small.query(big);
      expect((await small.query(big)).cacheHit).toBe(false);
    } finally {
      await small.close();
    }
  });
});

describe('malformed requests', () => {
  it('are 4xx, never 500', async () => {
    const raw = (body: string, type = 'application/json') =>
      fetch(api.server.url, { method: 'POST', headers: { 'content-type': type }, body }).then((response) => response.status);
    const statuses = {
      array: await raw('[{"query":"{ dataset { version } }"}]'),
      queryNotString: await raw('{"query": 5}'),
      noQuery: await raw('{"variables": {}}'),
      variablesNotObject: await raw('{"query": "{ dataset { version } }", "variables": 7}'),
      textPlain: await raw('{ dataset { version } }', 'text/plain'),
      tooLarge: await raw(JSON.stringify({ query: '{ dataset { version } }', variables: { big: 'x'.repeat(1_100_000) } })),
      unknownField: await raw('{"query": "{ nope }"}'),
      badSyntax: await raw('{"query": "{ dataset { "}'),
      tooManyTokens: await raw(JSON.stringify({ query: `{ ${'x '.repeat(3_500)}}` })),
      getBadVariables: await fetch(`${api.server.url}?query=${encodeURIComponent('{ dataset { version } }')}&variables=nope`, {
        headers: { 'apollo-require-preflight': 'true' },
      }).then((response) => response.status),
    };
    for (const [name, status] of Object.entries(statuses)) {
      expect({ name, status: status >= 400 && status < 500 }).toEqual({ name, status: true });
    }
  });
});

describe('HTTP surface', () => {
  it('sets security headers with a CSP on the explorer, GraphiQL and the API', async () => {
    for (const route of ['/graphiql', '/health']) {
      const response = await fetch(`${api.origin}${route}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const page = await (await fetch(`${api.origin}/graphiql`)).text();
    // No inline script: everything the page runs comes from /graphiql/assets.
    expect(page).not.toMatch(/<script>/);
  });
});
