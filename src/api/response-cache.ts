// Whole-response cache keyed by the loaded dataset's version. The graph only
// changes on ingest, and every ingest writes a new version in the Dataset
// node, so every request waits for a read of that version that starts after
// it arrived (requests arriving together share one read): a new ingest is
// visible at once. Responses with errors are never cached.
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { ApiContext } from './context.js';

export interface ResponseCacheOptions {
  /** Most responses kept (least recently used are dropped first). */
  maxEntries?: number;
}

/** A small LRU map: Map keeps insertion order, so re-inserting marks an entry as recent. */
export class LruCache<Value> {
  private readonly entries = new Map<string, Value>();
  constructor(private readonly maxEntries: number) {}

  get(key: string): Value | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export function cacheKey(version: string, query: string, operationName: string | null | undefined, variables: unknown): string {
  return JSON.stringify([version, operationName ?? null, query, variables ?? {}]);
}

/**
 * Reads of the dataset version shared by concurrent requests: a caller gets
 * the result of a read that starts after its call (on the next turn of the
 * event loop), together with every caller that arrived before that read began.
 */
export class VersionProbe {
  private pending: Promise<string | null> | null = null;
  constructor(private readonly readVersion: () => Promise<string | null>) {}

  current(): Promise<string | null> {
    if (!this.pending) {
      this.pending = new Promise((resolve, reject) => {
        setImmediate(() => {
          this.pending = null;
          this.readVersion().then(resolve, reject);
        });
      });
    }
    return this.pending;
  }
}

export function responseCachePlugin(probe: VersionProbe, options: ResponseCacheOptions = {}): ApolloServerPlugin<ApiContext> {
  const cache = new LruCache<FormattedExecutionResult>(options.maxEntries ?? 1_000);
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation({ contextValue, request, operation }): Promise<GraphQLResponse | null> {
          if (operation.operation !== 'query' || !request.query) return null;
          let version: string | null;
          // The shared read counts as one round trip of this request.
          contextValue.reader.roundTrips += 1;
          try {
            version = await probe.current();
          } catch (error) {
            // Neo4j unreachable: run the operation uncached; its reads fail at once with SERVICE_UNAVAILABLE.
            contextValue.reader.noteFailure(error);
            return null;
          }
          if (!version) return null;
          key = cacheKey(version, request.query, request.operationName, request.variables);
          const cached = cache.get(key);
          if (!cached) return null;
          const headers = new HeaderMap();
          headers.set('x-response-cache', 'hit');
          return { http: { status: undefined, headers }, body: { kind: 'single', singleResult: cached } };
        },
        async willSendResponse({ response }) {
          if (key === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors && result.errors.length > 0) return;
          if (response.http.headers.get('x-response-cache') === 'hit') return;
          cache.set(key, result);
        },
      };
    },
  };
}
