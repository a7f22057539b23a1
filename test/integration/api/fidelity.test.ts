// Answers that depend on the fidelity of the extraction (issue 12), checked by hand
// against data/source/nexus-policy-toolkit.txt (line numbers in the comments).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { dataOf, startTestApi, type TestApi } from './api-client.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

describe('cross-references made from key actions', () => {
  it('name the action (GP 22, actions 4 and 7, lines 1613-1614 and 1627-1628)', async () => {
    const data = dataOf(
      await api.query<{ goodPractice: { references: { fromStep: unknown; fromAction: { id: string; number: number } | null; to: { number: number }; text: string; source: { startLine: number; endLine: number } }[] } }>(
        '{ goodPractice(number: 22) { references { fromStep { id } fromAction { id number } to { number } text source { startLine endLine } } } }',
      ),
    );
    const refs = data.goodPractice.references;
    expect(refs.map((r) => [r.fromAction?.id, r.to.number])).toEqual([
      ['gp:22/action:4', 6],
      ['gp:22/action:4', 8],
      ['gp:22/action:4', 9],
      ['gp:22/action:4', 10],
      ['gp:22/action:7', 12],
    ]);
    expect(refs.every((r) => r.fromStep === null)).toBe(true);
    expect(refs[4]?.text).toBe('Promote synergies and strong partnerships with private sector operators (e.g. ISPs and social media corporations) (refer to GP 12).');
    expect(refs[4]?.source).toEqual({ startLine: 1627, endLine: 1628 });
  });
});

describe('countries(name:, match:)', () => {
  const names = async (args: string): Promise<string[]> =>
    dataOf(await api.query<{ countries: { name: string }[] }>(`{ countries(${args}) { name } }`)).countries.map((c) => c.name);

  it('matches exactly, by prefix or anywhere, as asked (GP 16 and GP 25 name Niger, GP 19 Nigeria)', async () => {
    expect(await names('name: "Niger", match: EXACT')).toEqual(['Niger']);
    expect(await names('name: "niger", match: PREFIX')).toEqual(['Niger', 'Nigeria']);
    expect(await names('name: "Niger"')).toEqual(['Niger', 'Nigeria']);
  });

  it('matches the standard names and short forms kept as aliases (GP 10, line 896: "the United States")', async () => {
    expect(await names('name: "USA", match: EXACT')).toEqual(['United States']);
    expect(await names('name: "Saudi Arabia", match: EXACT')).toEqual(['Saudi Arabia']);
  });
});

describe('footnote 9', () => {
  it('has no text (null) and a note, and does not break the list of footnotes (marker at line 654)', async () => {
    const data = dataOf(
      await api.query<{ footnote: { text: string | null; note: string | null }; footnotes: { number: number; text: string | null }[] }>(
        '{ footnote(number: 9) { text note } footnotes { number text } }',
      ),
    );
    expect(data.footnote.text).toBeNull();
    expect(data.footnote.note).toMatch(/line 654/);
    expect(data.footnotes).toHaveLength(18);
    expect(data.footnotes.filter((f) => f.text === null).map((f) => f.number)).toEqual([9]);
  });
});

describe('Section 1 text', () => {
  it('finds the paragraph after the definition of transformation (line 155)', async () => {
    const data = dataOf(
      await api.query<{ search: { type: string; node: { id: string } }[]; manifestation: { description: string | null } | null }>(
        '{ search(query: "Dawood Ibrahim D-Company", first: 3) { type node { id } } manifestation: node(id: "manifestation:transformation") { ... on Manifestation { description } } }',
      ),
    );
    expect(data.search[0]?.node.id).toBe('manifestation:transformation');
    expect(data.manifestation?.description).toMatch(/Dawood Ibrahim group \/ D-Company\.$/);
  });

  it('finds the opening paragraphs of Section 1 (lines 18-22)', async () => {
    const data = dataOf(
      await api.query<{ search: { type: string; node: { id: string } }[] }>(
        '{ search(query: "Ninth GCTF Ministerial Plenary Meeting", types: [SECTION], first: 3) { type node { id } } }',
      ),
    );
    expect(data.search[0]?.node.id).toBe('section:1');
    expect(data.search.every((hit) => hit.type === 'Section')).toBe(true);
  });
});

describe('one initiative in several practices', () => {
  it('links the UNICRI rehabilitation programme of GP 17, 20 and 24 (lines 1356, 1504, 1783)', async () => {
    const data = dataOf(
      await api.query<{ node: { sameInitiative: { id: string; practices: { number: number }[] }[] } }>(
        '{ node(id: "example:uncris-programme-on-r-r-of-veos") { ... on Example { sameInitiative { id practices { number } } } } }',
      ),
    );
    expect(data.node.sameInitiative.map((e) => e.practices.map((p) => p.number))).toEqual([[20], [24]]);
  });
});

describe('an alias adds only practices that name the actor', () => {
  it('"government agencies" finds GP 19 ("Ministries / government agencies", line 1425) but not GP 25 ("Ministries", line 1852)', async () => {
    const data = dataOf(
      await api.query<{ goodPractices: { nodes: { number: number }[] } }>(
        '{ goodPractices(filter: { actor: "government agencies" }, first: 100) { nodes { number } } }',
      ),
    );
    const numbers = data.goodPractices.nodes.map((p) => p.number);
    expect(numbers).toContain(19);
    expect(numbers).not.toContain(25);
  });
});
