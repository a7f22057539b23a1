import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectionEdges, decodeCursor, encodeCursor, pageInfo, pageRequest, validateFirst } from '../../../src/api/pagination.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions['code'] : 'not a GraphQLError';
  }
  return 'no error';
}

describe('cursors', () => {
  it('round-trip offsets through an opaque cursor', () => {
    expect(decodeCursor(encodeCursor(0))).toBe(0);
    expect(decodeCursor(encodeCursor(24))).toBe(24);
    expect(encodeCursor(3)).not.toContain('3');
  });

  it('reject anything that is not one of its cursors with BAD_USER_INPUT', () => {
    for (const bad of ['', 'abc', 'b2Zmc2V0Oi0x' /* offset:-1 */, '!!!', Buffer.from('offset:x').toString('base64url')]) {
      expect(codeOf(() => decodeCursor(bad))).toBe('BAD_USER_INPUT');
    }
  });
});

describe('page requests', () => {
  it('default to 25 from the start and continue after a cursor', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ offset: 0, limit: 25 });
    expect(pageRequest(10, encodeCursor(9))).toEqual({ offset: 10, limit: 10 });
  });

  it('keep first between 1 and 100', () => {
    expect(validateFirst(100, 25)).toBe(100);
    for (const bad of [0, -1, 101, 2.5]) expect(codeOf(() => validateFirst(bad, 25))).toBe('BAD_USER_INPUT');
  });
});

describe('page info and edges', () => {
  const node = (id: string) => ({ id, labels: ['GoodPractice'], properties: {}, projected: '*' as const });
  it('say whether more pages exist and give per-node cursors', () => {
    const connection = { totalCount: 25, offset: 10, nodes: [node('gp:11'), node('gp:12')] };
    expect(pageInfo(connection)).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(10),
      endCursor: encodeCursor(11),
    });
    expect(connectionEdges(connection).map((edge) => decodeCursor(edge.cursor))).toEqual([10, 11]);
  });

  it('have null cursors on an empty page', () => {
    expect(pageInfo({ totalCount: 0, offset: 0, nodes: [] })).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
