import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cacheKey, ResponseCache, VersionProbe } from '../../../src/api/response-cache.js';

function keyOf(version: string, query: string, variables: Record<string, unknown> = {}, operationName?: string): string {
  const document: DocumentNode = parse(query);
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName)! : operations[0]!;
  return cacheKey(version, document, operation, variables);
}

describe('response cache', () => {
  it('is bounded in bytes: least recently used results go first, big results are not kept', () => {
    const cache = new ResponseCache({ maxBytes: 900, maxEntryBytes: 400 });
    const result = (size: number) => ({ data: { text: 'x'.repeat(size) } });
    expect(cache.set('a', result(300))).toBe(true);
    expect(cache.set('b', result(300))).toBe(true);
    expect(cache.get('a')?.result).toEqual(result(300));
    expect(cache.set('c', result(300))).toBe(true);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.result).toEqual(result(300));
    expect(cache.set('big', result(500))).toBe(false);
    expect(cache.get('big')).toBeUndefined();
    for (let index = 0; index < 1_000; index += 1) cache.set(`k${index}`, result(100 + (index % 200)));
    expect(cache.stats().bytes).toBeLessThanOrEqual(900);
    expect(cache.stats().entries).toBeGreaterThan(0);
  });

  it('keys on dataset version, the operation that runs and its declared variables', () => {
    const base = keyOf('v1', 'query ($x: Int) { goodPractice(number: $x) { title } }', { x: 1 });
    expect(keyOf('v2', 'query ($x: Int) { goodPractice(number: $x) { title } }', { x: 1 })).not.toBe(base);
    expect(keyOf('v1', 'query ($x: Int) { goodPractice(number: $x) { title } }', { x: 2 })).not.toBe(base);
    expect(keyOf('v1', 'query ($x: Int) { goodPractice(number: $x) { number } }', { x: 1 })).not.toBe(base);
  });

  it('ignores comments, spacing, unused variables, other operations and unused fragments', () => {
    const base = keyOf('v1', 'query ($x: Int) { goodPractice(number: $x) { title } }', { x: 1 });
    expect(keyOf('v1', '# nonce 8f3a\nquery   ($x: Int)\n{ goodPractice(number: $x) {\n title } } # more', { x: 1 })).toBe(base);
    expect(keyOf('v1', 'query ($x: Int) { goodPractice(number: $x) { title } }', { x: 1, unused: 'y'.repeat(100_000) })).toBe(base);
    const withOthers = 'query A($x: Int) { goodPractice(number: $x) { ...T } } query B { dataset { version } } fragment T on GoodPractice { title } fragment U on GoodPractice { number }';
    const other = 'query A($x: Int) { goodPractice(number: $x) { ...T } } query C { areas { code } } fragment T on GoodPractice { title }';
    expect(keyOf('v1', withOthers, { x: 1 }, 'A')).toBe(keyOf('v1', other, { x: 1 }, 'A'));
  });
});

describe('version probe', () => {
  it('shares one read among callers that arrive before it starts, and reads again for later callers', async () => {
    let reads = 0;
    let version = 'v1';
    const probe = new VersionProbe(async () => {
      reads += 1;
      return version;
    });
    const together = await Promise.all([probe.current(), probe.current(), probe.current()]);
    expect(together).toEqual(['v1', 'v1', 'v1']);
    expect(reads).toBe(1);
    version = 'v2';
    expect(await probe.current()).toBe('v2');
    expect(reads).toBe(2);
  });

  it('passes a failed read to every waiting caller', async () => {
    const probe = new VersionProbe(async () => {
      throw new Error('down');
    });
    await expect(Promise.all([probe.current(), probe.current()])).rejects.toThrow('down');
  });
});
