// Neo4j going away under the service, seen from clients: 503 with Retry-After,
// reads failing at once (no statement sent) while the circuit breaker is open,
// /health red, then recovery by itself; and reads that Neo4j itself stops at
// their transaction timeout.
import { relayedTestNeo4j } from '../../support/relay.js';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphUnavailableError, Neo4jGraphReader } from '../../../src/graph/reader.js';
import { closeTestDriver, testDatabase, testDriver, testNeo4j } from '../../support/neo4j.js';
import { startTestApi } from './api-client.js';

afterAll(async () => {
  await closeTestDriver();
});


const QUERY = '{ goodPractice(number: 1) { number } }';

describe('Neo4j down under the service', () => {
  it('answers 503 with Retry-After, fails fast once the breaker is open, turns /health red, and recovers', async () => {
    const { relay, driver } = await relayedTestNeo4j(testNeo4j());
    const api = await startTestApi({ driver, queryTimeoutMs: 3_000, responseCache: false });
    const post = () => fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    try {
      expect((await post()).status).toBe(200);
      await relay.cut();

      const answers = [];
      for (let attempt = 0; attempt < 4; attempt += 1) answers.push(await post());
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(((await answer.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
      }
      // Once the breaker is open, no statement is even attempted.
      expect(answers.at(-1)?.headers.get('x-cypher-round-trips')).toBe('0');
      const health = await fetch(`${api.origin}/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { reason: string }).reason).toMatch(/Neo4j/);
      const exported = await fetch(`${api.origin}/export/practices.json`);
      expect(exported.status).toBe(503);
      expect(exported.headers.get('retry-after')).toMatch(/^\d+$/);

      await relay.open();
      let recovered = false;
      for (let attempt = 0; attempt < 80 && !recovered; attempt += 1) {
        recovered = (await post()).status === 200;
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${api.origin}/health`)).status).toBe(200);
    } finally {
      await api.close();
      await relay.cut();
      await driver.close();
    }
  });
});

describe('server-side transaction timeouts', () => {
  const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';

  it('Neo4j stops a read when the reader gives up on it', async () => {
    const reader = new Neo4jGraphReader({ driver: testDriver(), database: testDatabase(), timeoutMs: 1_000 });
    await expect(reader.read(SLOW)).rejects.toBeInstanceOf(GraphUnavailableError);
    let running = 1;
    for (let attempt = 0; attempt < 20 && running > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const { records } = await testDriver().executeQuery(
        // A parameter, so this statement does not match itself.
        'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $needle RETURN count(*) AS running',
        { needle: 'range(1, 2000000000)' },
        { database: testDatabase() },
      );
      running = Number(records[0]?.get('running'));
    }
    expect(running).toBe(0);
  });

  it('the launched Neo4j has a default transaction timeout', async () => {
    if (process.env['NEO4J_TEST_URI']) return;
    const { records } = await testDriver().executeQuery("SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.timeout' RETURN value", {}, { database: testDatabase() });
    expect(records[0]?.get('value')).not.toBe('0s');
    expect(records[0]?.get('value')).toMatch(/^(60s|1m)$/);
  });
});
