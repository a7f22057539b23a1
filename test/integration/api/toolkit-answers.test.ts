// Real answers of the toolkit, checked by hand against
// data/source/nexus-policy-toolkit.txt (line numbers in the comments).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, toolkitLoaded, type GraphQLResponse, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

interface PracticePage {
  goodPractices: { totalCount: number; edges: { cursor: string; node: { number: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

interface NumberList {
  goodPractices: { totalCount: number; nodes: { number: number }[] };
}

async function practiceNumbers(filter: Record<string, unknown>): Promise<number[]> {
  const response = await api.query<NumberList>(
    'query ($filter: GoodPracticeFilter) { goodPractices(filter: $filter, first: 100) { totalCount nodes { number } } }',
    { filter },
  );
  const page = dataOf(response).goodPractices;
  expect(page.totalCount).toBe(page.nodes.length);
  return page.nodes.map((node) => node.number);
}

describe('GP 8 and GP 9 (merged, one body)', () => {
  it('show the same steps, actors, instruments and examples', async () => {
    const fields = 'number title steps { id number text } actors { text actor { id } } citations { instrument { id } provisions } examples { id } mergedWith { number }';
    const data = dataOf(
      await api.query<Record<'eight' | 'nine', Record<string, unknown> & { title: string; mergedWith: { number: number }[] }>>(
        `{ eight: goodPractice(number: 8) { ${fields} } nine: goodPractice(number: 9) { ${fields} } }`,
      ),
    );
    const { number: _eight, title: eightTitle, mergedWith: eightMerged, ...eightBody } = data.eight;
    const { number: _nine, title: nineTitle, mergedWith: nineMerged, ...nineBody } = data.nine;
    expect(nineBody).toEqual(eightBody);
    expect((eightBody['steps'] as unknown[]).length).toBeGreaterThan(0);
    expect(eightTitle).toMatch(/^Intelligence sharing should be prioritized/);
    expect(nineTitle).toMatch(/^Address issues of sharing of information within and/);
    expect(eightMerged).toEqual([{ number: 9 }]);
    expect(nineMerged).toEqual([{ number: 8 }]);
  });
});

describe.runIf(toolkitLoaded())('the toolkit (real graph)', () => {
  it("answers the user's example: prison administration + Rome Memorandum", async () => {
    const response = await api.query<{ goodPractices: { nodes: { number: number; title: string; citations: { instrument: { title: string }; provisions: string[] }[] }[] } }>(
      `{ goodPractices(filter: { actor: "prison administration", instrument: "Rome Memorandum" }) {
          nodes { number title citations { instrument { title } provisions } } } }`,
    );
    const nodes = dataOf(response).goodPractices.nodes;
    // Rome Memorandum is cited by GP 17 (l. 1340), GP 20 (l. 1497) and GP 24 (l. 1767);
    // GP 17 names "prison administration and staff" (l. 1336), GP 24 "Prison Administration" (l. 1760).
    const numbers = nodes.map((node) => node.number);
    expect(numbers).toEqual(expect.arrayContaining([17, 24]));
    for (const number of numbers) expect([17, 20, 24]).toContain(number);
    const gp17 = nodes.find((node) => node.number === 17);
    const rome = gp17?.citations.find((citation) => /Rome Memorandum/.test(citation.instrument.title));
    expect(rome?.provisions).toEqual(['Good Practice 1', 'Good Practice 20', 'Good Practice 23']);
  });

  it('lists 25 practices in four areas, paginated with Relay cursors', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const response: GraphQLResponse<PracticePage> = await api.query<PracticePage>(
        'query ($after: String) { goodPractices(first: 10, after: $after) { totalCount edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const connection: PracticePage['goodPractices'] = dataOf(response).goodPractices;
      expect(connection.totalCount).toBe(25);
      seen.push(...connection.edges.map((edge) => edge.node.number));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));

    const areas = dataOf(await api.query<{ areas: { code: string; title: string; practices: { number: number }[] }[] }>(
      '{ areas { code title practices { number } } }',
    )).areas;
    expect(areas.map((area) => [area.code, area.title.toLowerCase(), area.practices.map((practice) => practice.number)])).toEqual([
      ['A', 'legal considerations', [1, 2]],
      ['B', 'research and information sharing', [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
      ['C', 'local engagement', [13, 14, 15, 16, 17, 18, 19]],
      ['D', 'capacity building and law enforcement', [20, 21, 22, 23, 24, 25]],
    ]);
  });

  it('keeps step numbers as printed: GP 14 has steps 1, 3 and 4 (l. 1098-1108)', async () => {
    const response = await api.query<{ goodPractice: { steps: { number: number; order: number }[] } }>(
      '{ goodPractice(number: 14) { steps { number order } } }',
    );
    expect(dataOf(response).goodPractice.steps).toEqual([
      { number: 1, order: 1 },
      { number: 3, order: 2 },
      { number: 4, order: 3 },
    ]);
  });

  it('shows the sub-items of actions that have no steps (GP 24, l. 1741-1756)', async () => {
    const response = await api.query<{ goodPractice: { steps: unknown[]; keyActions: { number: number; items: string[] }[] } }>(
      '{ goodPractice(number: 24) { steps { id } keyActions { number items } } }',
    );
    const practice = dataOf(response).goodPractice;
    expect(practice.steps).toEqual([]);
    expect(practice.keyActions.map((action) => [action.number, action.items.length])).toEqual([[1, 4], [2, 2]]);
    expect(practice.keyActions[1]?.items[0]).toBe('Encourage the establishment of probation services in the countries where they have not yet been developed;');
  });

  it('filters by instrument symbol, organisation, country, area and text', async () => {
    // S/2015/366: l. 435 (GP 1), 807 (GP 8-9), 1248 (GP 16), 1499 (GP 20), 1560 (GP 21), 1865 (GP 25)
    expect(await practiceNumbers({ instrument: 'S/2015/366' })).toEqual(expect.arrayContaining([1, 8, 9, 16, 20, 21, 25]));
    // UNODC initiatives: l. 1503 (GP 20), 1583 (GP 21), 1665 (GP 22), 1785 (GP 24)
    expect(await practiceNumbers({ organization: 'UNODC' })).toEqual(expect.arrayContaining([20, 21, 22, 24]));
    // "Kenya: ..." examples: l. 988 (GP 12), 1085 (GP 13), 1192 (GP 15), 1278 (GP 16), 1406 (GP 18)
    expect(await practiceNumbers({ country: 'kenya' })).toEqual(expect.arrayContaining([12, 13, 15, 16, 18]));
    expect(await practiceNumbers({ area: 'D' })).toEqual([20, 21, 22, 23, 24, 25]);
    expect(await practiceNumbers({ area: 'local engagement' })).toEqual([13, 14, 15, 16, 17, 18, 19]);
    // GP 11 (l. 902): "peripheral sources" in its title and first step
    expect(await practiceNumbers({ text: 'peripheral sources' })).toContain(11);
    // Fields combine with AND
    expect(await practiceNumbers({ area: 'B', instrument: 'S/2015/366' })).toEqual(expect.arrayContaining([8, 9]));
    for (const number of await practiceNumbers({ area: 'B', instrument: 'S/2015/366' })) expect(number).toBeGreaterThanOrEqual(3);
  });

  it('follows cross-references both ways', async () => {
    // GP 11 says "see also Good Practice 4" and "see also Good Practice 5" (l. 905-913)
    expect(await practiceNumbers({ referencedByPractice: 11 })).toEqual([4, 5]);
    // GP 16 (l. 1233, "link to Good Practice 14") and GP 17 (l. 1306) point at GP 14
    expect(await practiceNumbers({ referencesPractice: 14 })).toEqual(expect.arrayContaining([16, 17]));
    const response = await api.query<{ goodPractice: { referencedBy: { from: { number: number }; cue: string }[] } }>(
      '{ goodPractice(number: 14) { referencedBy { from { number } cue text } } }',
    );
    const from = dataOf(response).goodPractice.referencedBy.map((reference) => reference.from.number);
    expect(from).toEqual(expect.arrayContaining([16, 17]));
  });

  it('finds actors by alias and instruments by short name', async () => {
    const actors = dataOf(await api.query<{ actors: { nodes: { id: string; practices: { number: number }[] }[] } }>(
      '{ actors(filter: { name: "prison administration" }) { nodes { id practices { number } } } }',
    )).actors.nodes;
    const prison = actors.find((actor) => actor.id === 'actor:prison-administration');
    expect(prison?.practices.map((practice) => practice.number)).toEqual(expect.arrayContaining([11, 17, 24]));

    const instruments = dataOf(await api.query<{ instruments: { totalCount: number; nodes: { title: string; practices: { number: number }[] }[] } }>(
      '{ instruments(filter: { text: "Rome Memorandum" }) { totalCount nodes { title practices { number } } } }',
    )).instruments;
    expect(instruments.totalCount).toBe(1);
    expect(instruments.nodes[0]?.practices.map((practice) => practice.number)).toEqual([17, 20, 24]);
  });

  it('has 18 footnotes and the Section 1 concepts', async () => {
    const data = dataOf(await api.query<{ footnotes: { number: number }[]; manifestations: { letter: string }[]; regionalContexts: unknown[]; regionalMeetings: unknown[] }>(
      '{ footnotes { number } manifestations { letter } regionalContexts { name } regionalMeetings { place } }',
    ));
    expect(data.footnotes.map((footnote) => footnote.number)).toEqual(Array.from({ length: 18 }, (_, index) => index + 1));
    expect(data.manifestations.map((manifestation) => manifestation.letter)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(data.regionalContexts).toHaveLength(3);
    expect(data.regionalMeetings).toHaveLength(4);
  });
});
