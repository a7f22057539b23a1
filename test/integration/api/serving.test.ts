// The HTTP surface: /health, /ready, GraphiQL from local assets, GET queries,
// limits with clear errors, and Neo4j going away and coming back.
import fs from 'node:fs';
import { relayedTestNeo4j } from '../../support/relay.js';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startServer } from '../../../src/api/server.js';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver, testDatabase, testDriver, testNeo4j } from '../../support/neo4j.js';
import { dataOf, startTestApi, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

describe('health and readiness', () => {
  it('answer /health and /ready with the loaded dataset', async () => {
    const health = await fetch(`${api.origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const ready = await fetch(`${api.origin}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; dataset: { version: string; sourceSha256: string } };
    expect(body.status).toBe('ready');
    expect(body.dataset.sourceSha256).toBe('6ae8fe88847257bf9b1801260180377a270ec87eb6f4c355b3e58911d57a28fc');
    expect(body.dataset.version).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('GraphiQL', () => {
  it('is served with every asset from this service, nothing from a CDN', async () => {
    const page = await fetch(`${api.origin}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources.length).toBe(6);
    for (const source of sources) {
      expect(source.startsWith('/graphiql/assets/')).toBe(true);
      const asset = await fetch(`${api.origin}${source}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(source.includes('.min.') ? 1000 : 10);
    }
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${api.origin}/graphiql/assets/nope.js`)).status).toBe(404);
    for (const inherited of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect((await fetch(`${api.origin}/graphiql/assets/${inherited}`)).status).toBe(404);
    }
  });
});

describe('GraphQL over HTTP', () => {
  it('answers GET requests (with the CSRF preflight header) as well as POST', async () => {
    const url = `${api.server.url}?query=${encodeURIComponent('{ goodPractice(number: 1) { number } }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { goodPractice: { number: 1 } } });
  });

  it('answers a malformed body with a JSON error, no stack trace', async () => {
    const response = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/ at |node_modules/);
    expect(JSON.parse(text)).toHaveProperty('error');
  });

  it('rejects too deep and too costly queries with BAD_USER_INPUT and no stack trace', async () => {
    let nested = 'name';
    for (let level = 0; level < 11; level += 1) nested = `broader { ${nested} }`;
    const deep = await api.query(`{ actor(id: "actor:police") { ${nested} } }`);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0]?.message).toMatch(/levels deep/);
    expect(JSON.stringify(deep.errors)).not.toMatch(/stacktrace|at .*\.ts/);

    const costly = await api.query(`{ goodPractices(first: 100) { nodes { steps { practices { steps { practices { title } } } } } } }`);
    expect(costly.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(costly.errors?.[0]?.message).toMatch(/estimated cost/);
    expect(costly.roundTrips).toBe(0);
  });

  it('reports bad arguments as BAD_USER_INPUT naming the argument', async () => {
    const cases: [string, string][] = [
      ['{ goodPractices(first: -1) { totalCount } }', 'first'],
      ['{ goodPractices(first: 101) { totalCount } }', 'first'],
      ['{ actors(last: 101) { totalCount } }', 'last'],
      ['{ actors(before: "not-a-cursor") { totalCount } }', 'before'],
      ['{ goodPractices(after: "not-a-cursor") { totalCount } }', 'after'],
      ['{ node(id: "practice:1") { id } }', 'id'],
      ['{ paths(from: "gp:1", to: "nope:2") { length } }', 'to'],
      ['{ paths(from: "gp:1", to: "gp:2", maxLength: 7) { length } }', 'maxLength'],
      ['{ neighborhood(id: "gp:1", depth: 4) { nodes { id } } }', 'depth'],
      ['{ neighborhood(id: "gp:1", types: ["KNOWS"]) { nodes { id } } }', 'types'],
      ['{ search(query: "nexus", first: 500) { score } }', 'first'],
      ['{ relatedPractices(number: 1, first: 0) { score } }', 'first'],
      ['{ goodPractices(filter: { actor: "  " }) { totalCount } }', 'filter.actor'],
      ['{ goodPractices(filter: { text: "*** ???" }) { totalCount } }', 'filter.text'],
    ];
    for (const [query, argument] of cases) {
      const response = await api.query(query);
      expect(response.errors?.[0]?.extensions?.['code'], query).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.['argumentName'], query).toBe(argument);
    }
  });

  it('gives null, not an error, for unknown ids and numbers', async () => {
    const response = await api.query(`{ node(id: "gp:99") { id } goodPractice(number: 99) { id } actor(id: "actor:nobody") { id }
      footnote(number: 999) { id } area(code: "Z") { id } relatedPractices(number: 99) { score } }`);
    expect(dataOf(response)).toEqual({ node: null, goodPractice: null, actor: null, footnote: null, area: null, relatedPractices: [] });
  });

  it('takes Lucene syntax in search text literally', async () => {
    for (const query of ['prison AND (', '"unbalanced', 'a:b/c [x TO', '*', '\\']) {
      const response = await api.query(`query ($q: String!) { search(query: $q) { score } }`, { q: query });
      expect(response.errors, query).toBeUndefined();
    }
  });
});

describe('a routing URI', () => {
  it('serves reads through neo4j:// (read transactions go to a reader)', async () => {
    const { uri, username, password } = testNeo4j();
    const driver = neo4j.driver(uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:'), neo4j.auth.basic(username, password));
    const routed = await startTestApi({ driver, responseCache: false });
    try {
      const response = await routed.query('{ goodPractice(number: 9) { mergedWith { number } } }');
      expect(dataOf(response)).toEqual({ goodPractice: { mergedWith: [{ number: 8 }] } });
    } finally {
      await routed.close();
      await driver.close();
    }
  });
});

describe('the explorer build', () => {
  it('is served at / (and for its client-side routes) when it exists, next to the API and the exports', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Explorer</title>');
    fs.writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)');
    const server = await startServer({ driver: testDriver(), database: testDatabase(), port: 0, webRoot, logger: pino({ level: 'silent' }) });
    const origin = server.url.replace(/\/graphql$/, '');
    try {
      expect(await (await fetch(`${origin}/`)).text()).toContain('<title>Explorer</title>');
      expect(await (await fetch(`${origin}/app.js`)).text()).toBe('console.log(1)');
      const route = await fetch(`${origin}/practice/17`, { headers: { accept: 'text/html' } });
      expect(await route.text()).toContain('<title>Explorer</title>');
      const exported = await fetch(`${origin}/export/practices.json`);
      expect(exported.status).toBe(200);
      expect(((await exported.json()) as { practices: unknown[] }).practices.length).toBeGreaterThan(0);
      expect((await fetch(`${origin}/nothing.js`, { headers: { accept: 'application/javascript' } })).status).toBe(404);
    } finally {
      await server.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });
});


describe('Neo4j outage', () => {
  it('fails fast with SERVICE_UNAVAILABLE, turns /ready red, and recovers by itself', async () => {
    const { relay, driver } = await relayedTestNeo4j(testNeo4j());
    const outageApi = await startTestApi({ driver, queryTimeoutMs: 3_000 });
    const query = '{ goodPractice(number: 1) { number } }';
    try {
      expect(dataOf(await outageApi.query(query))).toEqual({ goodPractice: { number: 1 } });

      await relay.cut();
      const started = Date.now();
      const down = await outageApi.query(query);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(down.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      expect(down.errors?.[0]?.message).toBe('The graph database is unavailable; try again shortly');
      const ready = await fetch(`${outageApi.origin}/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { status: string }).status).toBe('not-ready');

      await relay.open();
      let recovered = false;
      for (let attempt = 0; attempt < 20 && !recovered; attempt += 1) {
        const response = await outageApi.query(query);
        recovered = response.errors === undefined;
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${outageApi.origin}/ready`)).status).toBe(200);
    } finally {
      await outageApi.close();
      await relay.cut();
      await driver.close();
    }
  });
});
