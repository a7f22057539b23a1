// Relay's store (relay-runtime) over the client app's operations, compiled by
// relay-compiler from relay/relayOperations.ts, against the real service: no
// record gets two types (Relay keys records by id alone), no warning in
// development mode, and every operation reads back complete from the store.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Environment, fetchQuery, Network, RecordSource, Store, createOperationDescriptor, type ConcreteRequest, type GraphQLResponse } from 'relay-runtime';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { startTestApi, type TestApi } from '../api/api-client.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const ARTIFACTS = path.join(ROOT, '.tmp', 'relay', '__generated__');

const OPERATIONS: ReadonlyArray<{ artifact: string; variables: Record<string, unknown> }> = [
  { artifact: 'relayOperationsPracticePageQuery', variables: { number: 17 } },
  { artifact: 'relayOperationsPracticeSummaryQuery', variables: { number: 17 } },
  { artifact: 'relayOperationsNodeByIdQuery', variables: { id: 'gp:17' } },
  { artifact: 'relayOperationsNodeByIdQuery', variables: { id: 'actor:prison-administration' } },
  { artifact: 'relayOperationsSearchQuery', variables: { query: 'prison' } },
  { artifact: 'relayOperationsNeighbourhoodQuery', variables: { id: 'gp:17' } },
  { artifact: 'relayOperationsPathsQuery', variables: { from: 'gp:11', to: 'gp:24' } },
  { artifact: 'relayOperationsDatasetQuery', variables: {} },
  { artifact: 'relayOperationsPracticePageQuery', variables: { number: 17 } },
];

let api: TestApi;
let warnings: string[];

async function artifact(name: string): Promise<ConcreteRequest> {
  const module = (await import(path.join(ARTIFACTS, `${name}.graphql.ts`))) as { default: ConcreteRequest };
  return module.default;
}

function environment(fetchFn: (text: string, variables: Record<string, unknown>) => Promise<GraphQLResponse>): Environment {
  return new Environment({
    network: Network.create((params, variables) => fetchFn(params.text ?? '', variables)),
    store: new Store(new RecordSource()),
  });
}

beforeAll(async () => {
  // The artifacts are built from the operations and schema.graphql of this checkout on every run.
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'relay-compiler'), ['relay.config.json'], { cwd: path.join(HERE, 'relay'), stdio: 'pipe' });
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

beforeEach(() => {
  warnings = [];
  const record = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  vi.spyOn(console, 'warn').mockImplementation(record);
  vi.spyOn(console, 'error').mockImplementation(record);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("Relay's store", () => {
  it('keeps one record per id with one type, warns about nothing, and reads every operation back complete', async () => {
    const env = environment(async (text, variables) => {
      const response = await fetch(api.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: text, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    });
    const results: unknown[] = [];
    for (const operation of OPERATIONS) {
      results.push(await fetchQuery(env, await artifact(operation.artifact), operation.variables).toPromise());
    }
    for (const [index, operation] of OPERATIONS.entries()) {
      const snapshot = env.lookup(createOperationDescriptor(await artifact(operation.artifact), operation.variables).fragment);
      expect(snapshot.isMissingData, operation.artifact).toBe(false);
      expect(snapshot.data, operation.artifact).toEqual(results[index]);
    }
    const source = env.getStore().getSource();
    expect(source.get('gp:17')?.['__typename']).toBe('GoodPractice');
    expect(source.get('GraphNode:gp:17')?.['__typename']).toBe('GraphNode');
    expect(source.getRecordIDs().length).toBeGreaterThan(100);
    expect(warnings).toEqual([]);
  });

  it('development mode is on: a server that gives one id to two types is reported', async () => {
    const answers = [
      { data: { node: { __typename: 'GoodPractice', id: 'gp:1', number: 1, title: 'One' } } },
      { data: { node: { __typename: 'Actor', id: 'gp:1', name: 'Not a practice' } } },
    ];
    const env = environment(async () => answers.shift() as GraphQLResponse);
    const request = await artifact('relayOperationsNodeByIdQuery');
    await fetchQuery(env, request, { id: 'gp:1' }).toPromise();
    await fetchQuery(env, request, { id: 'gp:1' }).toPromise();
    expect(warnings.join('\n')).toMatch(/conflicting types/);
  });
});
