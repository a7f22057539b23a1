// The analytics over GraphQL: figures traced to their runs, bounded arguments,
// batched reads (round trips by depth, not by rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_NAMES } from '../../../src/analytics/definitions.js';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, type TestApi } from '../api/api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ responseCache: false });
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

interface Score {
  node: { id: string; __typename: string };
  score: number;
  rank: number;
  run: { analysis: string; algorithm: string; datasetVersion: string };
}

describe('analytics over GraphQL', () => {
  it('names every analysis with its algorithm, parameters, projection and the current dataset version', async () => {
    const data = dataOf(
      await api.query<{ dataset: { version: string }; analytics: { id: string; datasetVersion: string; runs: Record<string, unknown>[] } }>(
        '{ dataset { version } analytics { id datasetVersion runs { id analysis description algorithm parameters projection datasetVersion gdsVersion computedAt statistics } } }',
      ),
    );
    expect(data.analytics.datasetVersion).toBe(data.dataset.version);
    expect(data.analytics.runs.map((run) => run['analysis']).sort()).toEqual([...ANALYSIS_NAMES].sort());
    for (const run of data.analytics.runs) {
      expect(run['datasetVersion']).toBe(data.dataset.version);
      expect(run['algorithm']).toMatch(/^gds\./);
      expect(run['gdsVersion']).toMatch(/^2\.13\./);
      expect(run['parameters']).toBeTypeOf('object');
      expect(run['projection']).toMatchObject({ nodeLabels: expect.any(Array), relationshipTypes: expect.any(Array) });
      expect(run['statistics']).toMatchObject({ nodeCount: expect.any(Number) });
    }
    expect(data.analytics.runs.find((run) => run['analysis'] === 'pageRank')).toMatchObject({
      algorithm: 'gds.pageRank.mutate',
      parameters: { dampingFactor: 0.85 },
    });
  });

  it('ranks nodes by PageRank and betweenness, by type, highest first', async () => {
    const data = dataOf(
      await api.query<{ analytics: { all: Score[]; actors: Score[]; bridges: Score[] } }>(`{ analytics {
        all: centrality(first: 10) { node { __typename id } score rank run { analysis algorithm datasetVersion } }
        actors: centrality(type: ACTOR, first: 5) { node { __typename id ... on Actor { name } } score rank run { analysis algorithm datasetVersion } }
        bridges: centrality(measure: BETWEENNESS, type: GOOD_PRACTICE, first: 5) { node { __typename id ... on GoodPractice { number } } score rank run { analysis algorithm datasetVersion } }
      } }`),
    );
    expect(data.analytics.all).toHaveLength(10);
    expect(data.analytics.all.map((score) => score.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const values = data.analytics.all.map((score) => score.score);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    expect(data.analytics.actors.every((score) => score.node.__typename === 'Actor')).toBe(true);
    expect(data.analytics.bridges.every((score) => score.node.__typename === 'GoodPractice' && score.run.analysis === 'betweenness')).toBe(true);
    expect(data.analytics.actors[0]!.run.algorithm).toBe('gds.pageRank.mutate');
  });

  it('gives each practice, actor and instrument its scores and community, consistent with the lists', async () => {
    const data = dataOf(
      await api.query<{
        goodPractice: { analytics: { pageRank: { rank: number; score: number }; community: { number: number; practices: { number: number }[] } } };
        analytics: { communities: { number: number; size: number; practices: { number: number }[]; actors: { id: string }[]; instruments: { id: string }[] }[] };
      }>(`{ goodPractice(number: 14) { analytics { pageRank { rank score } community { number practices { number } } } }
        analytics { communities { number size practices { number } actors { id } instruments { id } } } }`),
    );
    const practice = data.goodPractice.analytics;
    expect(practice.community.practices.map((p) => p.number)).toContain(14);
    const communities = data.analytics.communities;
    expect(communities.length).toBeGreaterThan(1);
    for (const community of communities) {
      expect(community.size).toBe(community.practices.length + community.actors.length + community.instruments.length);
    }
    expect(communities.map((c) => c.size)).toEqual(communities.map((c) => c.size).sort((x, y) => y - x));
    // Every practice with actors or instruments is in exactly one community.
    const numbers = communities.flatMap((c) => c.practices.map((p) => p.number)).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toContain(14);
  });

  it('answers co-citation, co-occurrence and similarity with the practices behind each pair', async () => {
    const data = dataOf(
      await api.query<{
        analytics: {
          coCitation: { instrument: { id: string }; coCited: { id: string }; weight: number; practices: { number: number }[] }[];
          ofRome: { instrument: { id: string }; coCited: { id: string }; weight: number }[];
          coOccurrence: { actor: { name: string }; coOccurring: { name: string }; weight: number; practices: { number: number }[] }[];
          similarity: { practice: { number: number }; similar: { number: number }; score: number }[];
        };
      }>(`{ analytics {
        coCitation(first: 5) { instrument { id } coCited { id } weight practices { number } }
        ofRome: coCitation(instrument: "instrument:gctf-rome-memorandum", first: 500) { instrument { id } coCited { id } weight }
        coOccurrence(first: 3) { actor { name } coOccurring { name } weight practices { number } }
        similarity(practice: 8, first: 3) { practice { number } similar { number } score }
      } }`),
    );
    const { coCitation, ofRome, coOccurrence, similarity } = data.analytics;
    expect(coCitation).toHaveLength(5);
    for (const pair of [...coCitation, ...coOccurrence]) expect(pair.weight).toBe(pair.practices.length);
    expect(coCitation.map((pair) => pair.weight)).toEqual(coCitation.map((pair) => pair.weight).sort((x, y) => y - x));
    expect(ofRome.length).toBeGreaterThan(0);
    expect(ofRome.every((pair) => pair.instrument.id === 'instrument:gctf-rome-memorandum')).toBe(true);
    expect(similarity[0]).toMatchObject({ practice: { number: 8 }, similar: { number: 9 }, score: 1 });
    expect(similarity.every((pair) => pair.practice.number === 8 && pair.score > 0 && pair.score <= 1)).toBe(true);
  });

  it('fills the area × actor-category matrix from the source graph', async () => {
    const data = dataOf(
      await api.query<{ analytics: { areaActorCategories: { area: { code: string }; category: string; practices: { number: number }[]; actors: { category: string }[] }[] } }>(
        '{ analytics { areaActorCategories { area { code } category practices { number } actors { category } } } }',
      ),
    );
    const cells = data.analytics.areaActorCategories;
    expect(new Set(cells.map((cell) => cell.area.code))).toEqual(new Set(['A', 'B', 'C', 'D']));
    for (const cell of cells) {
      expect(cell.practices.length).toBeGreaterThan(0);
      expect(cell.actors.every((actor) => actor.category === cell.category)).toBe(true);
    }
  });

  it('refuses out-of-range arguments and foreign ids with BAD_USER_INPUT (400)', async () => {
    for (const query of [
      '{ analytics { centrality(first: 0) { rank } } }',
      '{ analytics { centrality(first: 101) { rank } } }',
      '{ analytics { coCitation(first: 501) { weight } } }',
      '{ analytics { coCitation(instrument: "nonsense") { weight } } }',
      '{ analytics { similarity(practice: 26) { score } } }',
    ]) {
      const response = await api.query(query);
      expect(response.status, query).toBe(400);
      expect(response.errors?.[0]?.extensions?.['code'], query).toBe('BAD_USER_INPUT');
    }
  });

  it('costs a bounded number of statements, whatever the number of nodes', async () => {
    const query = (first: number) => `{ goodPractices(first: ${first}) { nodes { number analytics { pageRank { score rank } betweenness { rank } community { number size practices { title } } } } } }`;
    const one = await api.query(query(1));
    const all = await api.query<{ goodPractices: { nodes: { analytics: unknown }[] } }>(query(25));
    expect(dataOf(all).goodPractices.nodes.filter((node) => node.analytics !== null).length).toBeGreaterThan(20);
    // The page, the runs, the scores (one batch), the communities, their practices (one batch).
    expect(all.roundTrips).toBeLessThanOrEqual(5);
    expect(all.roundTrips).toBe(one.roundTrips);
    const scores = await api.query('{ analytics { centrality(first: 100) { node { id ... on Actor { name practices { number } } } run { analysis } } } }');
    dataOf(scores);
    expect(scores.roundTrips).toBeLessThanOrEqual(4);
  });

  it('gives graph nodes of the analytics graph their figures, and other nodes none', async () => {
    const data = dataOf(
      await api.query<{ neighborhood: { nodes: { nodeId: string; type: string; analytics: { pageRank: { score: number } } | null }[] } }>(
        '{ neighborhood(id: "gp:3", depth: 1) { nodes { nodeId type analytics { pageRank { score } community { number } } } } }',
      ),
    );
    const nodes = data.neighborhood.nodes;
    for (const node of nodes) {
      if (['GoodPractice', 'Actor', 'Instrument'].includes(node.type)) expect(node.analytics, node.nodeId).not.toBeNull();
      else expect(node.analytics).toBeNull();
    }
    expect(nodes.some((node) => node.type === 'Step')).toBe(true);
  });

  it('keeps a hostile nesting through communities and their members to a few statements', async () => {
    const nested = await api.query<{ analytics: { communities: unknown[] } }>(`{ analytics { communities { practices { analytics {
      community { practices { analytics { community { practices { number } } } } } } } } } }`);
    expect(dataOf(nested).analytics.communities.length).toBeGreaterThan(1);
    // runs, communities, member practices, their scores, the next level's practices, their scores, the last practices.
    expect(nested.roundTrips).toBeLessThanOrEqual(7);
  });

  it('refuses aliased pair lists whose estimated size exceeds the cost budget, before reading anything', async () => {
    const aliases = Array.from({ length: 10 }, (_, index) => `p${index}: coCitation(first: 500) { weight practices { title citations { text } } }`).join(' ');
    const response = await api.query(`{ analytics { ${aliases} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/estimated cost/);
    expect(response.roundTrips).toBe(0);
  });

  it('adds node similarity to related practices as one more reason, in one more statement', async () => {
    const plain = await api.query('{ relatedPractices(number: 17, first: 10) { practice { number } score } }');
    const withSimilarity = await api.query<{ relatedPractices: { practice: { number: number }; similarity: { practice: { number: number }; similar: { number: number }; score: number } | null }[]; analytics: { similarity: { similar: { number: number }; score: number }[] } }>(
      '{ relatedPractices(number: 17, first: 10) { practice { number } score similarity { practice { number } similar { number } score } } analytics { similarity(practice: 17, first: 24) { similar { number } score } } }',
    );
    const data = dataOf(withSimilarity);
    const expected = new Map(data.analytics.similarity.map((pair) => [pair.similar.number, pair.score]));
    expect(data.relatedPractices.some((related) => related.similarity !== null)).toBe(true);
    for (const related of data.relatedPractices) {
      if (related.similarity === null) expect(expected.has(related.practice.number)).toBe(false);
      else expect(related.similarity).toMatchObject({ practice: { number: 17 }, similar: { number: related.practice.number }, score: expected.get(related.practice.number) });
    }
    // The runs, the similarities (one batch), the pairs' practices: a fixed number more, whatever the rows.
    expect(withSimilarity.roundTrips - plain.roundTrips).toBeLessThanOrEqual(5);
  });
});
