// Whole-response cache keyed by the loaded dataset's version. The graph only
// changes on ingest, and every ingest writes a new version in the Dataset
// node, so every request waits for a read of that version that starts after
// it arrived (requests arriving together share one read): a new ingest is
// visible at once. Responses with errors are never cached.
//
// Bounded in bytes, not entries: results are kept as their JSON text and the
// cache drops the least recently used ones beyond `maxBytes`; a result larger
// than `maxEntryBytes` is not kept at all. Keys are the dataset version, the
// operation that runs printed from its syntax tree (so comments, spacing,
// other operations and unused fragments in the text make no difference) and
// only the variables that operation declares.
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { Kind, print, visit, type DocumentNode, type FormattedExecutionResult, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { ApiContext } from './context.js';

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_ENTRY_BYTES = 512 * 1024;

export interface ResponseCacheOptions {
  /** Total bytes of cached JSON (least recently used results are dropped first). */
  maxBytes?: number;
  /** Results whose JSON is larger are not cached. */
  maxEntryBytes?: number;
}

export interface ResponseCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  maxEntryBytes: number;
}

/** The operation and the fragments it uses (transitively), printed in a canonical form. */
export function normalisedOperation(document: DocumentNode, operation: OperationDefinitionNode): string {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const used = new Set<string>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !used.has(node.name.value)) {
          used.add(node.name.value);
          pending.push(fragment);
        }
      },
    });
  }
  const parts = [print(operation), ...[...used].sort().map((name) => print(fragments.get(name)!))];
  return parts.join('\n');
}

/** The variables the operation declares; anything else in the request cannot change its result. */
export function declaredVariables(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const declared: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables && Object.hasOwn(variables, name)) declared[name] = variables[name];
  }
  return declared;
}

export function cacheKey(version: string, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([version, normalisedOperation(document, operation), declaredVariables(operation, variables)]))
    .digest('hex');
}

/** JSON texts of results, bounded in bytes. */
export class ResponseCache {
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  private readonly entries: LRUCache<string, string>;

  constructor(options: ResponseCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxEntryBytes = Math.min(options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES, this.maxBytes);
    this.entries = new LRUCache<string, string>({
      maxSize: this.maxBytes,
      maxEntrySize: this.maxEntryBytes,
      // Keys are 64-character hashes; the text is the result's JSON.
      sizeCalculation: (json, key) => Buffer.byteLength(json) + key.length,
    });
  }

  get(key: string): { result: FormattedExecutionResult; bytes: number } | undefined {
    const json = this.entries.get(key);
    return json === undefined ? undefined : { result: JSON.parse(json) as FormattedExecutionResult, bytes: Buffer.byteLength(json) };
  }

  /** Keeps the result unless its JSON is over maxEntryBytes; returns whether it was kept. */
  set(key: string, result: FormattedExecutionResult): boolean {
    const json = JSON.stringify(result);
    if (Buffer.byteLength(json) + key.length > this.maxEntryBytes) return false;
    this.entries.set(key, json);
    return true;
  }

  stats(): ResponseCacheStats {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, maxBytes: this.maxBytes, maxEntryBytes: this.maxEntryBytes };
  }
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

export function responseCachePlugin(probe: VersionProbe, cache: ResponseCache): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation({ contextValue, request, operation, document }): Promise<GraphQLResponse | null> {
          // Apollo calls this even when operationName names no operation of the document (then undefined).
          if (operation?.operation !== 'query') return null;
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
          key = cacheKey(version, document, operation, request.variables);
          const cached = cache.get(key);
          if (!cached) return null;
          contextValue.responseCacheHitBytes = cached.bytes;
          const headers = new HeaderMap();
          headers.set('x-response-cache', 'hit');
          return { http: { status: undefined, headers }, body: { kind: 'single', singleResult: cached.result } };
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
