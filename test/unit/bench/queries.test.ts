import { Neo4jGraphQL } from '@neo4j/graphql';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { longTailRequests } from '../../../bench/long-tail.js';
import { peerTypeDefs } from '../../../bench/peer/type-defs.js';
import { peerSearchIndexNames, QUERY_MIX } from '../../../bench/queries.js';
import { readTypeDefs } from '../../../src/api/schema.js';
import { readGraphFile } from '../../../src/store/graph-file.js';
import { MINI_GRAPH_PATH } from '../../support/paths.js';

// Every request the benchmark sends must be a valid operation of the server it goes to,
// or a run would only find out after starting Neo4j.
let ours: GraphQLSchema;
let peer: GraphQLSchema;

beforeAll(async () => {
  ours = buildSchema(readTypeDefs());
  peer = await new Neo4jGraphQL({ typeDefs: peerTypeDefs({ names: peerSearchIndexNames() }) }).getSchema();
}, 60_000);

const errorsOf = (schema: GraphQLSchema, query: string): string[] => validate(schema, parse(query)).map((error) => error.message);

describe('benchmark requests', () => {
  it('the fixed mix is valid against our schema and the peer’s', () => {
    for (const query of QUERY_MIX) {
      expect(errorsOf(ours, query.ours), query.name).toEqual([]);
      if (query.peer !== null) expect(errorsOf(peer, query.peer), query.name).toEqual([]);
    }
  });

  it('the long-tail operations are valid against both schemas', () => {
    const requests = longTailRequests(readGraphFile(MINI_GRAPH_PATH), { searchTerms: 3 });
    const kinds = new Set(requests.map((request) => request.kind));
    expect(kinds).toEqual(new Set(['practice page', 'neighbourhood', 'search']));
    for (const kind of kinds) {
      const request = requests.find((candidate) => candidate.kind === kind);
      const body = (text: string | undefined): string => (JSON.parse(text ?? '{}') as { query: string }).query;
      expect(errorsOf(ours, body(request?.ours)), kind).toEqual([]);
      expect(errorsOf(peer, body(request?.peer)), kind).toEqual([]);
    }
  });
});
