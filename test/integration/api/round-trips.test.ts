// Loading discipline: Cypher round trips per request are bounded by the
// relationship levels of the query, not by the number of rows it returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, toolkitLoaded, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  // Without the response cache: these tests measure the loading itself.
  api = await startTestApi({ responseCache: false });
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

interface PracticeRows {
  goodPractices: { totalCount: number; nodes: { number: number; actors: unknown[]; citations: unknown[]; examples: { organizations: unknown[] }[]; references: unknown[] }[] };
}

const ISSUE_QUERY = `query ($first: Int) { goodPractices(first: $first) { totalCount nodes { number
  actors { actor { name } }
  citations { instrument { title } }
  examples { organizations { name } }
  references { to { title } } } } }`;

// The page statement reads the levels below it (mentions, citations, examples
// and their organisations, references) with the same projections: one statement.
const ISSUE_QUERY_BOUND = 1;

const PRACTICE_PAGE = `{ goodPractice(number: 3) { number title lead steps { number text } actors { text actor { id name } }
  citations { provisions instrument { id title } } examples { id name description } references { cue to { number title } } } }`;

describe('Cypher round trips', () => {
  it('stay at one per relationship level for the deep query over every practice', async () => {
    const all = await api.query<PracticeRows>(ISSUE_QUERY, { first: 25 });
    const page = dataOf(all).goodPractices;
    expect(page.nodes.length).toBe(Math.min(25, page.totalCount));
    if (toolkitLoaded()) expect(page.nodes.length).toBe(25);
    const rows = page.nodes.reduce(
      (sum, practice) =>
        sum + practice.actors.length + practice.citations.length + practice.references.length +
        practice.examples.reduce((inner, example) => inner + 1 + example.organizations.length, 0),
      0,
    );
    expect(rows).toBeGreaterThan(page.nodes.length);
    expect(all.roundTrips).toBeLessThanOrEqual(ISSUE_QUERY_BOUND);

    const one = await api.query<PracticeRows>(ISSUE_QUERY, { first: 1 });
    expect(dataOf(one).goodPractices.nodes).toHaveLength(1);
    expect(one.roundTrips).toBeLessThanOrEqual(ISSUE_QUERY_BOUND);
    // Twenty-five times the rows, not more statements.
    expect(all.roundTrips).toBeLessThanOrEqual(Math.max(one.roundTrips, ISSUE_QUERY_BOUND));
  });

  it('grow with the depth of a query, not with its rows', async () => {
    const deep = await api.query(`{ goodPractices(first: 25) { nodes {
      citations { instrument { citations { practice { area { code } mergedWith { number } } } } } } } }`);
    dataOf(deep);
    // page, citations, citations of the instruments, areas and merges of the citing practices: three
    // relationship levels below the page are read by the page's own statement.
    expect(deep.roundTrips).toBe(1);
    const deeper = await api.query(`{ goodPractices(first: 2) { nodes {
      citations { instrument { citations { practice { area { practices { actors { text } } } } } } } } } }`);
    dataOf(deeper);
    // Below the look-ahead, the area's practices are read by a loader that looks ahead again (their mentions).
    expect(deeper.roundTrips).toBe(2);
  });

  it('read a practice page in one statement', async () => {
    const page = await api.query<{ goodPractice: { steps: unknown[]; actors: unknown[] } }>(PRACTICE_PAGE);
    expect(dataOf(page).goodPractice.steps.length).toBeGreaterThan(0);
    expect(page.roundTrips).toBe(1);
  });

  it('answer fields the look-ahead did not cover through the loaders (one statement per level)', async () => {
    const response = await api.query<{ goodPractice: { steps: { practice: { title: string; source: { page: number } } }[] } }>(
      `{ goodPractice(number: 3) { steps { number practice { title source { page } } } } }`,
    );
    const steps = dataOf(response).goodPractice.steps;
    expect(steps.every((step) => step.practice.title.length > 0)).toBe(true);
    // The page with its steps, then the owning practice of every step in one batch.
    expect(response.roundTrips).toBe(2);
  });

  it('batch node lookups by id into one statement', async () => {
    const ids = ['gp:1', 'gp:2', 'gp:8', 'gp:9', 'gp:17'];
    const response = await api.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect((dataOf(response) as { nodes: { id: string }[] }).nodes.map((node) => node.id)).toEqual(ids);
    expect(response.roundTrips).toBe(1);
  });
});
