import { describe, expect, it } from 'vitest';
import { cacheKey, LruCache } from '../../../src/api/response-cache.js';

describe('LRU cache', () => {
  it('drops the least recently used entry beyond its size', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keys on dataset version, operation, query and variables', () => {
    const base = cacheKey('v1', '{ a }', null, { x: 1 });
    expect(cacheKey('v2', '{ a }', null, { x: 1 })).not.toBe(base);
    expect(cacheKey('v1', '{ a }', 'Op', { x: 1 })).not.toBe(base);
    expect(cacheKey('v1', '{ a }', null, { x: 2 })).not.toBe(base);
    expect(cacheKey('v1', '{ a }', undefined, { x: 1 })).toBe(base);
  });
});

describe('version probe', () => {
  it('shares one read among callers that arrive before it starts, and reads again for later callers', async () => {
    const { VersionProbe } = await import('../../../src/api/response-cache.js');
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
    const { VersionProbe } = await import('../../../src/api/response-cache.js');
    const probe = new VersionProbe(async () => {
      throw new Error('down');
    });
    await expect(Promise.all([probe.current(), probe.current()])).rejects.toThrow('down');
  });
});
