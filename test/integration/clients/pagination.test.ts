// Relay cursor connections against the real graph: forward and backward
// pages, first/last 0, and cursors that only their connection and filter accept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, type TestApi } from '../api/api-client.js';

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { number: number } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

const PAGE = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: GoodPracticeFilter) {
  goodPractices(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount edges { cursor node { number } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function page(variables: Record<string, unknown>): Promise<Page> {
  return dataOf(await api.query<{ goodPractices: Page }>(PAGE, variables)).goodPractices;
}
const numbers = (result: Page) => result.edges.map((edge) => edge.node.number);

describe('Relay connections', () => {
  it('page forward with first/after and backward with last/before', async () => {
    const first = await page({ first: 10 });
    expect(numbers(first)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await page({ first: 10, after: first.pageInfo.endCursor });
    expect(numbers(second)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);

    const tail = await page({ last: 5 });
    expect(numbers(tail)).toEqual([21, 22, 23, 24, 25]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await page({ last: 3, before: second.edges[0]!.cursor });
    expect(numbers(before)).toEqual([8, 9, 10]);
    const between = await page({ after: first.edges[1]!.cursor, before: first.edges[5]!.cursor });
    expect(numbers(between)).toEqual([3, 4, 5]);
  });

  it('allow first: 0 and last: 0 (counts without items)', async () => {
    for (const variables of [{ first: 0 }, { last: 0 }]) {
      const empty = await page(variables);
      expect(empty.totalCount).toBe(25);
      expect(empty.edges).toEqual([]);
      expect(empty.pageInfo.startCursor).toBeNull();
    }
  });

  it('accept a cursor only in the connection and filter that issued it', async () => {
    const filtered = await page({ first: 2, filter: { area: 'B' } });
    const sameFilter = await page({ first: 2, after: filtered.pageInfo.endCursor, filter: { area: 'B' } });
    expect(sameFilter.edges.length).toBeGreaterThan(0);

    const otherFilter = await api.query(PAGE, { first: 2, after: filtered.pageInfo.endCursor, filter: { area: 'C' } });
    expect(otherFilter.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(otherFilter.errors?.[0]?.extensions?.['argumentName']).toBe('after');
    expect(otherFilter.errors?.[0]?.message).toMatch(/another connection or filter/);

    const actors = dataOf(await api.query<{ actors: { pageInfo: { endCursor: string } } }>('{ actors(first: 2) { pageInfo { endCursor } } }')).actors;
    const foreign = await api.query(PAGE, { before: actors.pageInfo.endCursor });
    expect(foreign.errors?.[0]?.extensions?.['argumentName']).toBe('before');
  });
});

