// Search relevance on the judged query set (test/fixtures/relevance/): mean
// nDCG@10 and recall@20 of the `search` field over HTTP must not fall below the
// numbers in guard.json (the README's "after" numbers). Per-query scores are
// written to test-artifacts/relevance.json to see what a change moved.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../../src/api/server.js';
import { REPO_ROOT } from '../../../src/store/config.js';
import { closeTestDriver, testDatabase, testDriver, testGraph } from '../../support/neo4j.js';
import { mean, ndcgAt, readJudgedQueries, recallAt, type RelevanceScores } from '../../support/relevance.js';

const GUARD = path.join(REPO_ROOT, 'test', 'fixtures', 'relevance', 'guard.json');
const judged = readJudgedQueries();
const isToolkit = () => testGraph().nodes.some((node) => node.id === 'instrument:gctf-rome-memorandum');

let server: StartedServer;

async function ranked(query: string): Promise<string[]> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($q: String!) { search(query: $q, first: 20) { node { id } } }', variables: { q: query } }),
  });
  const body = (await response.json()) as { data?: { search: Array<{ node: { id: string } }> }; errors?: unknown };
  if (!body.data) throw new Error(`search "${query}" failed: ${JSON.stringify(body.errors)}`);
  return body.data.search.map((hit) => hit.node.id);
}

describe('search relevance on the judged queries', () => {
  beforeAll(async () => {
    server = await startServer({ driver: testDriver(), database: testDatabase(), port: 0, logger: pino({ level: 'silent' }), responseCache: false });
  });

  afterAll(async () => {
    await server?.close();
    await closeTestDriver();
  });

  it('has at least 40 judged queries of every kind the issue names', () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(judged.map((query) => query.kind));
    for (const kind of ['multi-word', 'phrase', 'misspelt', 'spelling-variant', 'question']) expect(kinds).toContain(kind);
    expect(judged.map((query) => query.query)).toContain('practices involving prison administration and citing the Rome Memorandum');
  });

  it.runIf(isToolkit())('keeps mean nDCG@10 and recall@20 at or above the guard', async () => {
    const rows: Array<{ query: string; kind: string; ndcg10: number; recall20: number; top: string[] }> = [];
    for (const query of judged) {
      const ids = await ranked(query.query);
      rows.push({ query: query.query, kind: query.kind, ndcg10: ndcgAt(10, ids, query.relevant), recall20: recallAt(20, ids, query.relevant), top: ids.slice(0, 5) });
    }
    const overall: RelevanceScores = { ndcg10: mean(rows.map((row) => row.ndcg10)), recall20: mean(rows.map((row) => row.recall20)) };
    const byKind = Object.fromEntries(
      [...new Set(rows.map((row) => row.kind))].map((kind) => {
        const of = rows.filter((row) => row.kind === kind);
        return [kind, { queries: of.length, ndcg10: mean(of.map((row) => row.ndcg10)), recall20: mean(of.map((row) => row.recall20)) }];
      }),
    );
    mkdirSync(path.join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(path.join(REPO_ROOT, 'test-artifacts', 'relevance.json'), JSON.stringify({ overall, byKind, rows }, null, 1));
    process.stderr.write(`[relevance] nDCG@10 ${overall.ndcg10.toFixed(3)}, recall@20 ${overall.recall20.toFixed(3)}\n`);
    for (const [kind, scores] of Object.entries(byKind)) {
      process.stderr.write(`[relevance]   ${kind}: ${JSON.stringify(scores)}\n`);
    }
    const guard = JSON.parse(readFileSync(GUARD, 'utf8')) as RelevanceScores;
    expect(overall.ndcg10).toBeGreaterThanOrEqual(guard.ndcg10);
    expect(overall.recall20).toBeGreaterThanOrEqual(guard.recall20);
  });
});
