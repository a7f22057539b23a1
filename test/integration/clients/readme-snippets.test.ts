// The README's "Use it from Apollo Client / urql / Relay" snippets, run as
// written (only the address changes) in a child process against the test
// service. The Relay snippet is compiled with relay-compiler first, and its
// graphql tag replaced by the compiled artifact, as babel-plugin-relay does.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDriver } from '../../support/neo4j.js';
import { startTestApi, type TestApi } from '../api/api-client.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DIR = path.join(ROOT, '.tmp', 'readme-snippets');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

let api: TestApi;
let snippets: string[];

beforeAll(async () => {
  api = await startTestApi();
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Use it from Apollo Client / urql / Relay');
  const end = readme.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(0);
  snippets = [...readme.slice(start, end).matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!.replaceAll('http://localhost:4000', api.origin));
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
});
afterAll(async () => {
  await api.close();
  await closeTestDriver();
});

async function runSnippet(file: string): Promise<string> {
  const { stdout } = await run(TSX, [file], { cwd: path.dirname(file), encoding: 'utf8', timeout: 60_000 });
  return stdout.trim();
}

describe('README client snippets', () => {
  it('has one snippet per client', () => {
    expect(snippets.map((snippet) => /@apollo\/client|@urql\/core|relay-runtime/.exec(snippet)?.[0])).toEqual(['@apollo/client', '@urql/core', 'relay-runtime']);
  });

  it('Apollo Client: the practice with its actors', async () => {
    const file = path.join(DIR, 'apollo.ts');
    fs.writeFileSync(file, snippets[0]!);
    expect(await runSnippet(file)).toMatch(/^Support and enhance rehabilitation and reintegration programmes\. \d+$/);
  });

  it('urql: search hits, by GET', async () => {
    const file = path.join(DIR, 'urql.ts');
    fs.writeFileSync(file, snippets[1]!);
    expect(await runSnippet(file)).toMatch(/^\S.* [1-5]$/);
  });

  it('Relay: the neighbourhood of GP 17', async () => {
    const dir = path.join(DIR, 'relay');
    fs.mkdirSync(path.join(dir, '__generated__'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'App.ts'), snippets[2]!);
    fs.writeFileSync(
      path.join(dir, 'relay.config.json'),
      JSON.stringify({
        src: '.',
        schema: path.relative(dir, path.join(ROOT, 'schema.graphql')),
        language: 'typescript',
        artifactDirectory: './__generated__',
        eagerEsModules: true,
        customScalarTypes: { URL: 'string', PositiveInt: 'number', NonEmptyString: 'string', DateTime: 'string', JSON: 'unknown' },
      }),
    );
    await run(path.join(ROOT, 'node_modules', '.bin', 'relay-compiler'), ['relay.config.json'], { cwd: dir });
    const compiled = snippets[2]!.replace(
      /graphql`\s*query (\w+)[\s\S]*?`/,
      (_match, name: string) => `(await import('./__generated__/${name}.graphql.ts')).default`,
    );
    fs.writeFileSync(path.join(dir, 'run.ts'), compiled);
    expect(Number(await runSnippet(path.join(dir, 'run.ts')))).toBeGreaterThan(5);
  });
});
