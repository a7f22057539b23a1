// Relay connection arguments. Cursors are opaque to clients: base64url of
// "offset:<n>", the position of the node in the connection's stable order
// (the graph only changes on ingest, and the order is fixed per connection).
import { badUserInput } from './errors.js';
import type { ConnectionRecord } from './model.js';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  offset: number;
  limit: number;
}

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^offset:(\d{1,9})$/.exec(text);
  if (!match?.[1]) {
    throw badUserInput(`after: "${cursor}" is not a cursor of this API; pass an endCursor or edge cursor from a previous page`, {
      argumentName: 'after',
    });
  }
  return Number(match[1]);
}

export function validateFirst(first: number | null | undefined, fallback: number, max = MAX_PAGE_SIZE, argument = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badUserInput(`${argument} must be between 1 and ${max}, got ${value}`, { argumentName: argument });
  }
  return value;
}

/** Validated page of a connection: `first` 1..MAX_PAGE_SIZE (default 25), `after` a cursor. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = validateFirst(first, 25);
  const offset = after === null || after === undefined ? 0 : decodeCursor(after) + 1;
  return { offset, limit };
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
    startCursor: count > 0 ? encodeCursor(connection.offset) : null,
    endCursor: count > 0 ? encodeCursor(connection.offset + count - 1) : null,
  };
}

export function connectionEdges(connection: ConnectionRecord): { cursor: string; node: ConnectionRecord['nodes'][number] }[] {
  return connection.nodes.map((node, index) => ({ cursor: encodeCursor(connection.offset + index), node }));
}
