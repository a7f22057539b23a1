import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectionEdges, connectionKey, decodeCursor, encodeCursor, pageInfo, pageRequest, validateFirst } from '../../../src/api/pagination.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions['code'] : 'not a GraphQLError';
  }
  return 'no error';
}

const KEY = connectionKey('goodPractices', { area: 'B' });

describe('cursors', () => {
  it('round-trip offsets through an opaque cursor bound to its connection and filter', () => {
    expect(decodeCursor(KEY, encodeCursor(KEY, 0))).toBe(0);
    expect(decodeCursor(KEY, encodeCursor(KEY, 24))).toBe(24);
    expect(encodeCursor(KEY, 3)).not.toContain('3');
    expect(connectionKey('goodPractices', { area: 'B', actor: undefined })).toBe(KEY);
  });

  it('reject anything that is not one of its cursors with BAD_USER_INPUT', () => {
    for (const bad of ['', 'abc', 'b2Zmc2V0OjQ' /* offset:4, the old form */, '!!!', Buffer.from(`v1|${KEY}|x`).toString('base64url')]) {
      expect(codeOf(() => decodeCursor(KEY, bad))).toBe('BAD_USER_INPUT');
    }
  });

  it('reject a cursor of another connection or another filter', () => {
    const actors = encodeCursor(connectionKey('actors', { area: 'B' }), 3);
    const otherFilter = encodeCursor(connectionKey('goodPractices', { area: 'C' }), 3);
    const unfiltered = encodeCursor(connectionKey('goodPractices', null), 3);
    for (const cursor of [actors, otherFilter, unfiltered]) expect(codeOf(() => decodeCursor(KEY, cursor))).toBe('BAD_USER_INPUT');
  });
});

describe('page requests', () => {
  it('default to 25 from the start and continue after a cursor', () => {
    expect(pageRequest(KEY, {})).toEqual({ key: KEY, start: 0, end: null, first: 25, last: null });
    expect(pageRequest(KEY, { first: 10, after: encodeCursor(KEY, 9) })).toEqual({ key: KEY, start: 10, end: null, first: 10, last: null });
  });

  it('take last and before, and allow 0', () => {
    expect(pageRequest(KEY, { last: 5, before: encodeCursor(KEY, 20) })).toEqual({ key: KEY, start: 0, end: 20, first: null, last: 5 });
    expect(pageRequest(KEY, { first: 0 })).toEqual({ key: KEY, start: 0, end: null, first: 0, last: null });
  });

  it('keep first and last between 0 and 100, and name the argument', () => {
    expect(validateFirst(100, 25)).toBe(100);
    for (const bad of [0, -1, 101, 2.5]) expect(codeOf(() => validateFirst(bad, 25))).toBe('BAD_USER_INPUT');
    for (const bad of [-1, 101]) {
      expect(codeOf(() => pageRequest(KEY, { first: bad }))).toBe('BAD_USER_INPUT');
      expect(codeOf(() => pageRequest(KEY, { last: bad }))).toBe('BAD_USER_INPUT');
    }
  });
});

describe('page info and edges', () => {
  const node = (id: string) => ({ id, labels: ['GoodPractice'], properties: {}, projected: '*' as const });
  it('say whether more pages exist and give per-node cursors', () => {
    const connection = { cursorKey: KEY, totalCount: 25, offset: 10, nodes: [node('gp:11'), node('gp:12')] };
    expect(pageInfo(connection)).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(KEY, 10),
      endCursor: encodeCursor(KEY, 11),
    });
    expect(connectionEdges(connection).map((edge) => decodeCursor(KEY, edge.cursor))).toEqual([10, 11]);
  });

  it('have null cursors on an empty page', () => {
    expect(pageInfo({ cursorKey: KEY, totalCount: 0, offset: 0, nodes: [] })).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
