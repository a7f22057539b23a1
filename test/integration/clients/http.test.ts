// GraphQL over HTTP as standard clients and HTTP caches use it: status codes
// and media types of the spec draft, plain GET without CSRF headers, HTTP
// caching of GET answers, automatic persisted queries, CORS for other origins.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { startTestApi, type TestApi } from '../api/api-client.js';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

async function post(body: unknown, accept: string): Promise<{ status: number; type: string; json: Record<string, unknown> }> {
  const response = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', json: (await response.json()) as Record<string, unknown> };
}

function getUrl(query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): string {
  const url = new URL(api.server.url);
  if (query) url.searchParams.set('query', query);
  if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  if (extensions) url.searchParams.set('extensions', JSON.stringify(extensions));
  return url.toString();
}

describe('status codes and media types (GraphQL over HTTP draft)', () => {
  it('answers a partial result (data and a field error) with 200, whatever the media type', async () => {
    for (const accept of [GRAPHQL_RESPONSE_JSON, 'application/json']) {
      const response = await post({ query: '{ dataset { nodeCount } node(id: "zzz:1") { id } }' }, accept);
      expect(response.status, accept).toBe(200);
      expect(response.type.startsWith(accept), accept).toBe(true);
      expect((response.json['data'] as { dataset: { nodeCount: number } }).dataset.nodeCount).toBeGreaterThan(0);
      expect((response.json['errors'] as { extensions: { code: string } }[])[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers request errors with 400 under application/graphql-response+json and 200 under application/json', async () => {
    const cases = [
      { name: 'parse', body: { query: '{ dataset {' }, code: 'GRAPHQL_PARSE_FAILED' },
      { name: 'validation', body: { query: '{ dataset { noSuchField } }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
      { name: 'variable coercion', body: { query: 'query ($n: Int!) { goodPractice(number: $n) { id } }', variables: { n: 'x' } }, code: 'BAD_USER_INPUT' },
      { name: 'unknown operation', body: { query: 'query A { dataset { version } }', operationName: 'B' }, code: 'OPERATION_RESOLUTION_FAILURE' },
    ];
    for (const { name, body, code } of cases) {
      const strict = await post(body, GRAPHQL_RESPONSE_JSON);
      expect(strict.status, `${name}: ${JSON.stringify(strict.json)}`).toBe(400);
      expect(strict.type, name).toMatch(/^application\/graphql-response\+json/);
      expect(strict.json, name).not.toHaveProperty('data');
      expect((strict.json['errors'] as { extensions: { code: string } }[])[0]?.extensions.code, name).toBe(code);

      const legacy = await post(body, 'application/json');
      expect(legacy.status, name).toBe(200);
      expect(legacy.type, name).toMatch(/^application\/json/);
      expect(legacy.json, name).not.toHaveProperty('data');
    }
  });

  it('answers a request without an Accept header as application/graphql-response+json (the draft since 2025)', async () => {
    // Node's fetch always adds Accept: */*, so send the request with node:http.
    const http = await import('node:http');
    const url = new URL(getUrl('{ dataset { nodeCount } }'));
    const { status, type } = await new Promise<{ status: number; type: string }>((resolve, reject) => {
      const request = http.request(url, { method: 'GET' }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']) });
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/graphql-response\+json/);
  });

  it('keeps 400 for requests that are not GraphQL requests at all', async () => {
    expect((await post({ qeury: '{ dataset { version } }' }, 'application/json')).status).toBe(400);
    expect((await post({ query: 7 }, 'application/json')).status).toBe(400);
  });

  it('refuses batches (a JSON array of operations) with 400, as the README says', async () => {
    const response = await fetch(api.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ dataset { version } }' }, { query: '{ dataset { nodeCount } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });
});

describe('plain GET', () => {
  it('answers a GET query with no CSRF header, as urql and graphql-request send it', async () => {
    const response = await fetch(getUrl('query ($n: Int!) { goodPractice(number: $n) { number } }', { n: 3 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { goodPractice: { number: 3 } } });
  });

  it('refuses a mutation over GET (405) and the schema has no mutations anyway', async () => {
    const response = await fetch(getUrl('mutation { __typename }'));
    expect(response.status).toBe(405);
  });

  it('makes GET answers cacheable: Cache-Control, Vary, ETag and 304 on If-None-Match', async () => {
    const url = getUrl('{ goodPractice(number: 5) { number title } }');
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toMatch(/Accept/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.arrayBuffer();

    // Revalidation as browsers send it (fetch adds Cache-Control: no-cache to conditional requests otherwise).
    const again = await fetch(url, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const other = await fetch(getUrl('{ goodPractice(number: 6) { number title } }'), { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('keeps answers with errors, and POST answers, out of caches', async () => {
    const failed = await fetch(getUrl('{ node(id: "zzz:1") { id } }'));
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const posted = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ dataset { version } }' }) });
    expect(posted.headers.get('cache-control')).toBe('no-store');
  });
});

describe('automatic persisted queries', () => {
  it('registers a query by its hash and then answers GET requests that carry only the hash', async () => {
    const query = '{ goodPractice(number: 9) { number } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };

    const unknown = await fetch(getUrl('', undefined, extensions), { headers: { accept: GRAPHQL_RESPONSE_JSON } });
    const unknownBody = (await unknown.json()) as { errors: { extensions: { code: string } }[] };
    expect(unknownBody.errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await fetch(getUrl(query, undefined, extensions));
    expect(await registered.json()).toEqual({ data: { goodPractice: { number: 9 } } });

    const byHash = await fetch(getUrl('', undefined, extensions));
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await byHash.json()).toEqual({ data: { goodPractice: { number: 9 } } });
  });
});

describe('CORS', () => {
  it('lets pages on other origins read answers and the x-cypher-round-trips and x-response-cache headers', async () => {
    const preflight = await fetch(api.server.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');

    const response = await fetch(getUrl('{ dataset { version } }'), { headers: { origin: 'https://example.org' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(',').map((name) => name.trim());
    expect(exposed).toEqual(expect.arrayContaining(['x-cypher-round-trips', 'x-response-cache']));
  });
});
