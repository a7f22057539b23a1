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
