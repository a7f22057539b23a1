// What client caches need to know about the schema, derived from
// schema.graphql: the possibleTypes map Apollo Client's InMemoryCache needs to
// match fragments on interfaces (`... on Node`), served at
// /graphql/possible-types.json, and the introspection result urql graphcache
// takes as `schema`, served at /graphql/introspection.json.
import { buildSchema, introspectionFromSchema, isAbstractType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { readTypeDefs } from './schema.js';

export const POSSIBLE_TYPES_PATH = '/graphql/possible-types.json';
/** The introspection result, for urql graphcache's `schema` option and other tools. */
export const INTROSPECTION_PATH = '/graphql/introspection.json';

/** Every interface and union with the object types that implement or belong to it, sorted. */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    out[type.name] = schema.getPossibleTypes(type).map((possible) => possible.name).sort();
  }
  return out;
}

export function readPossibleTypes(): Record<string, string[]> {
  return possibleTypesOf(buildSchema(readTypeDefs()));
}

export function readIntrospection(): IntrospectionQuery {
  return introspectionFromSchema(buildSchema(readTypeDefs()));
}
