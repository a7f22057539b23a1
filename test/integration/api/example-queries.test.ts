// The README's example queries run against the real service without errors
// (the last one shows the error for bad input).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../../src/api/example-queries.js';
import { closeTestDriver } from '../../support/neo4j.js';
import { startTestApi, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

describe('README example queries', () => {
  it.each(EXAMPLE_QUERIES.map((example) => [example.title, example.query] as const))('%s', async (title, query) => {
    const response = await api.query(query);
    if (/BAD_USER_INPUT/.test(title)) {
      expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    } else {
      expect(response.errors).toBeUndefined();
      expect(response.data).toBeTruthy();
    }
  });
});
