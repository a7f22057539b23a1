// The response cache: repeated queries are answered from memory, and a new
// dataset version (a new ingest) is visible at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver, testDatabase, testDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

async function setDatasetVersion(version: string): Promise<void> {
  await testDriver().executeQuery('MATCH (d:Dataset) SET d.version = $version', { version }, { database: testDatabase() });
}

describe('response cache', () => {
  it('answers a repeated query from memory and misses after a new dataset version', async () => {
    const query = '{ goodPractices(first: 25) { nodes { number actors { actor { name } } } } }';
    const first = await api.query(query);
    expect(first.cacheHit).toBe(false);
    expect(first.roundTrips).toBeGreaterThan(1);

    const again = await api.query(query);
    expect(again.cacheHit).toBe(true);
    expect(again.roundTrips).toBe(1);
    expect(again.data).toEqual(first.data);

    const [record] = (await testDriver().executeQuery('MATCH (d:Dataset) RETURN d.version AS version', {}, { database: testDatabase() })).records;
    const version = record?.get('version') as string;
    try {
      await setDatasetVersion(`${version}-changed`);
      const afterIngest = await api.query(query);
      expect(afterIngest.cacheHit).toBe(false);
      expect(afterIngest.roundTrips).toBeGreaterThan(1);
    } finally {
      await setDatasetVersion(version);
    }
    expect((await api.query(query)).cacheHit).toBe(true);
  });

  it('never caches errors', async () => {
    const query = '{ goodPractices(after: "nope") { totalCount } }';
    await api.query(query);
    const again = await api.query(query);
    expect(again.cacheHit).toBe(false);
    expect(again.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    dataOf(await api.query('{ goodPractice(number: 1) { number } }'));
  });
});
