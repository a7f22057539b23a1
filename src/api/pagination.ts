// Relay connection arguments (first/after, last/before) over a connection's
// stable order (the graph only changes on ingest, and the order is fixed per
// connection). Cursors are opaque to clients: base64url of
// "v1|<connection key>|<offset>", where the key is a short hash of the
// connection's name and filter, so a cursor is accepted only by the
// connection and filter that issued it.
import { createHash } from 'node:crypto';
import { badUserInput } from './errors.js';
import type { ConnectionRecord } from './model.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** Which slice of the ordered list a request asks for (Relay's algorithm, applied in Cypher). */
export interface PageRequest {
  /** Key the cursors of this connection and filter carry. */
  key: string;
  /** First position the page may start at (after the `after` cursor, else 0). */
  start: number;
  /** Position the page must end before (the `before` cursor), or null for the end of the list. */
  end: number | null;
  first: number | null;
  last: number | null;
}

/** JSON with object keys sorted, so equal filters give equal keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined && item !== null)
      .sort(([left], [right]) => (left < right ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The cursor key of a connection (its root field name) with a filter. */
export function connectionKey(connection: string, filter: unknown): string {
  return createHash('sha256').update(`${connection}|${canonical(filter)}`).digest('base64url').slice(0, 10);
}

export function encodeCursor(key: string, offset: number): string {
  return Buffer.from(`v1|${key}|${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(key: string, cursor: string, argument: 'after' | 'before' = 'after'): number {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^v1\|([A-Za-z0-9_-]+)\|(\d{1,9})$/.exec(text);
  if (!match?.[1] || !match[2]) {
    throw badUserInput(`${argument}: "${cursor}" is not a cursor of this API; pass a cursor from a previous page of this connection`, {
      argumentName: argument,
    });
  }
  if (match[1] !== key) {
    throw badUserInput(`${argument}: the cursor belongs to another connection or filter; pass a cursor from a page of this connection with the same filter`, {
      argumentName: argument,
    });
  }
  return Number(match[2]);
}

export function validateFirst(first: number | null | undefined, fallback: number, max = MAX_PAGE_SIZE, argument = 'first', min = 1): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`${argument} must be between ${min} and ${max}, got ${value}`, { argumentName: argument });
  }
  return value;
}

export interface PageArguments {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/**
 * A validated page of a connection: `first` and `last` 0..100 (25 from the
 * start when neither is given), `after` and `before` cursors of this
 * connection and filter.
 */
export function pageRequest(key: string, args: PageArguments): PageRequest {
  const given = (value: number | null | undefined) => value !== null && value !== undefined;
  const first = given(args.first) ? validateFirst(args.first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, 'first', 0) : null;
  const last = given(args.last) ? validateFirst(args.last, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, 'last', 0) : null;
  const start = args.after === null || args.after === undefined ? 0 : decodeCursor(key, args.after, 'after') + 1;
  const end = args.before === null || args.before === undefined ? null : decodeCursor(key, args.before, 'before');
  return { key, start, end, first: first === null && last === null ? DEFAULT_PAGE_SIZE : first, last };
}

export function pageInfo(connection: ConnectionRecord): {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
} {
  const count = connection.nodes.length;
  return {
    hasNextPage: connection.offset + count < connection.totalCount,
    hasPreviousPage: connection.offset > 0,
    startCursor: count > 0 ? encodeCursor(connection.cursorKey, connection.offset) : null,
    endCursor: count > 0 ? encodeCursor(connection.cursorKey, connection.offset + count - 1) : null,
  };
}

export function connectionEdges(connection: ConnectionRecord): { cursor: string; node: ConnectionRecord['nodes'][number] }[] {
  return connection.nodes.map((node, index) => ({ cursor: encodeCursor(connection.cursorKey, connection.offset + index), node }));
}
