// /metrics scraped as Prometheus scrapes it, checked by Prometheus's own parser
// and naming rules (test/support/promlint.ts), with values that follow from
// the requests sent to a real service over the test Neo4j.
import { Writable } from 'node:stream';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/api/server.js';
import { closeTestDriver, testDatabase, testDriver } from '../../support/neo4j.js';
import { promlint } from '../../support/promlint.js';
import { startTestApi, type TestApi } from '../api/api-client.js';

/** Sample values of an exposition by series, e.g. `nexus_ready` or `nexus_graphql_requests_total{operation="A"}`. */
function samples(exposition: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of exposition.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\S+?(?:\{.*\})?) (\S+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

async function scrape(api: TestApi): Promise<{ text: string; values: Map<string, number>; contentType: string | null; status: number }> {
  const response = await fetch(`${api.origin}/metrics`);
  const text = await response.text();
  return { text, values: samples(text), contentType: response.headers.get('content-type'), status: response.status };
}

async function post(api: TestApi, body: object): Promise<Response> {
  return fetch(`${api.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

describe('/metrics', () => {
  it('is valid Prometheus text whose names follow the conventions (promlint finds nothing)', async () => {
    await post(api, { query: '{ goodPractice(number: 1) { title } }' });
    await fetch(`${api.origin}/ready`);
    const { text, status, contentType } = await scrape(api);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const lint = promlint(text);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);
  });

  it('counts requests, latency, statements and cache use per operation name', async () => {
    const query = 'query MetricsPracticeTitles { goodPractices(first: 5) { nodes { title actors { actor { name } } } } }';
    const first = await post(api, { query, operationName: 'MetricsPracticeTitles' });
    const second = await post(api, { query, operationName: 'MetricsPracticeTitles' });
    expect(second.headers.get('x-response-cache')).toBe('hit');
    const statements = Number(first.headers.get('x-cypher-round-trips')) + Number(second.headers.get('x-cypher-round-trips'));
    // The answer's JSON as the cache holds it: the decoded body less Apollo's final newline
    // (responses may be gzip-encoded, without a content-length).
    const hitBytes = Buffer.byteLength((await second.text()).trimEnd());
    expect(hitBytes).toBeGreaterThan(100);

    const { values } = await scrape(api);
    const operation = '{operation="MetricsPracticeTitles"}';
    expect(values.get(`nexus_graphql_requests_total${operation}`)).toBe(2);
    expect(values.get(`nexus_graphql_request_duration_seconds_count${operation}`)).toBe(2);
    expect(values.get(`nexus_graphql_request_duration_seconds_sum${operation}`)).toBeGreaterThan(0);
    expect(values.get(`nexus_cypher_statements_per_request_count${operation}`)).toBe(2);
    expect(values.get('nexus_http_requests_total{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(2);
    expect(values.get(`nexus_cypher_statements_per_request_sum${operation}`)).toBe(statements);
    expect(values.get('nexus_response_cache_hits_total')).toBe(1);
    expect(values.get('nexus_response_cache_misses_total')).toBeGreaterThanOrEqual(1);
    expect(values.get('nexus_response_cache_hit_bytes_total')).toBe(hitBytes);
    // Every statement the reader sent is timed (the shared version read is counted per request but sent once).
    expect(values.get('nexus_cypher_statement_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(statements - 1);
  });

  it('counts GraphQL errors by code, and anonymous operations as "anonymous"', async () => {
    const before = (await scrape(api)).values;
    await post(api, { query: '{ goodPractices(first: 101) { totalCount } }' });
    await post(api, { query: '{ goodPractices(first: 101) { totalCount } }' });
    await post(api, { query: '{ noSuchField }' });
    const after = (await scrape(api)).values;
    const delta = (series: string) => (after.get(series) ?? 0) - (before.get(series) ?? 0);
    expect(delta('nexus_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(2);
    expect(delta('nexus_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(delta('nexus_graphql_requests_total{operation="anonymous"}')).toBe(3);
  });

  it('reports HTTP requests by route and status, and the readiness state', async () => {
    const before = (await scrape(api)).values;
    expect((await fetch(`${api.origin}/ready`)).status).toBe(200);
    await fetch(`${api.origin}/no-such-page`, { headers: { accept: 'application/json' } });
    const { values } = await scrape(api);
    const delta = (series: string) => (values.get(series) ?? 0) - (before.get(series) ?? 0);
    expect(delta('nexus_http_requests_total{method="GET",route="/ready",status="200"}')).toBe(1);
    expect(delta('nexus_http_requests_total{method="GET",route="/",status="404"}')).toBe(1);
    expect(values.get('nexus_ready')).toBe(1);
    expect(values.get('nexus_ready_last_check_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it('reports the Neo4j connection pool and the process', async () => {
    await post(api, { query: '{ goodPractice(number: 2) { title } }' });
    const { values } = await scrape(api);
    expect(values.get('nexus_neo4j_pool_max_connections')).toBeGreaterThan(0);
    const pool = [...values].filter(([series]) => series.startsWith('nexus_neo4j_pool_connections{'));
    expect(pool.some(([series]) => series.includes('state="idle"'))).toBe(true);
    expect(pool.some(([series]) => series.includes('state="in_use"'))).toBe(true);
    expect(pool.reduce((sum, [, value]) => sum + value, 0)).toBeGreaterThan(0);
    expect(values.get('nexus_neo4j_pool_pending_acquisitions')).toBe(0);
    expect(values.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(values.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(values.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });

  it('turns nexus_ready to 0 when Neo4j is unreachable', async () => {
    const unreachable = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'unused-password'));
    const down = await startTestApi({ driver: unreachable });
    try {
      expect((await fetch(`${down.origin}/ready`)).status).toBe(503);
      const { values } = await scrape(down);
      expect(values.get('nexus_ready')).toBe(0);
      expect(values.get('nexus_http_requests_total{method="GET",route="/ready",status="503"}')).toBe(1);
    } finally {
      await down.close();
      await unreachable.close();
    }
  });
});

describe('Apollo reporting', () => {
  it('stays off with APOLLO_KEY and APOLLO_GRAPH_REF in the environment', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const saved = { key: process.env['APOLLO_KEY'], ref: process.env['APOLLO_GRAPH_REF'] };
    process.env['APOLLO_KEY'] = 'service:nexus-test:not-a-real-key';
    process.env['APOLLO_GRAPH_REF'] = 'nexus-test@current';
    try {
      const { close } = await createApp({ driver: testDriver(), database: testDatabase(), logger: pino({ level: 'debug' }, sink) });
      await close();
    } finally {
      if (saved.key === undefined) delete process.env['APOLLO_KEY'];
      else process.env['APOLLO_KEY'] = saved.key;
      if (saved.ref === undefined) delete process.env['APOLLO_GRAPH_REF'];
      else process.env['APOLLO_GRAPH_REF'] = saved.ref;
    }
    const log = lines.join('');
    expect(log).not.toMatch(/usage reporting/i);
    expect(log).not.toMatch(/schema reporting/i);
  });
});
