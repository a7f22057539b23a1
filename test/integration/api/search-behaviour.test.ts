// What researchers type, over HTTP against the toolkit graph: a practice by
// number, phrases, typos with "did you mean", and either spelling of a word.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../../src/api/server.js';
import { closeTestDriver, testDatabase, testDriver, testGraph } from '../../support/neo4j.js';

let server: StartedServer;
const isToolkit = () => testGraph().nodes.some((node) => node.id === 'instrument:gctf-rome-memorandum');

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: Array<{ message: string; extensions: { code: string } }> }> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: T };
}

async function ids(text: string, first = 100): Promise<string[]> {
  const body = await graphql<{ search: Array<{ node: { id: string } }> }>('query($q: String!, $n: Int) { search(query: $q, first: $n) { node { id } } }', { q: text, n: first });
  return body.data!.search.map((hit) => hit.node.id);
}

describe.runIf(isToolkit())('search as researchers type it', () => {
  beforeAll(async () => {
    server = await startServer({ driver: testDriver(), database: testDatabase(), port: 0, logger: pino({ level: 'silent' }), responseCache: false });
  });

  afterAll(async () => {
    await server?.close();
    await closeTestDriver();
  });

  it('answers "GP 17", "gp17" and "practice 17" with that practice first', async () => {
    for (const text of ['GP 17', 'gp17', 'practice 17']) expect((await ids(text))[0], text).toBe('gp:17');
  });

  it('finds the same passages for British and American spellings', async () => {
    const british = new Set(await ids('radicalisation'));
    const american = new Set(await ids('radicalization'));
    expect(british.size).toBeGreaterThan(10);
    expect([...british].sort()).toEqual([...american].sort());
    // A phrase in the other spelling: "fusion center" finds footnote 13 ("fusion centre").
    expect(await ids('"fusion center"')).toContain('footnote:13');
  });

  it('takes quoted words as a phrase', async () => {
    const phrase = await ids('"money laundering"');
    const loose = await ids('money laundering');
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.length).toBeLessThan(loose.length);
  });

  it('corrects a typo and says so', async () => {
    const body = await graphql<{ searchCorrection: string | null }>('{ searchCorrection(query: "terorism financing") }');
    expect(body.data?.searchCorrection).toBe('terrorism financing');
    const known = await graphql<{ searchCorrection: string | null }>('{ searchCorrection(query: "terrorism") }');
    expect(known.data?.searchCorrection).toBeNull();
    expect(await ids('terorism', 20)).toEqual(await ids('terrorism', 20));
  });

  it('answers the user\'s question with the three practices ahead of other practices', async () => {
    const ranked = await ids('practices involving prison administration and citing the Rome Memorandum', 20);
    const practices = ranked.filter((id) => /^gp:\d+$/.test(id));
    expect(practices.slice(0, 3).sort()).toEqual(['gp:17', 'gp:20', 'gp:24']);
  });

  it('refuses an over-long correction request with BAD_USER_INPUT', async () => {
    const body = await graphql('query($q: String!) { searchCorrection(query: $q) }', { q: 'x'.repeat(5000) });
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
