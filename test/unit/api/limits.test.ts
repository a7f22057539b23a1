import { buildSchema, getIntrospectionQuery, GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLimits, LIST_FACTOR, MAX_COST, MAX_DEPTH, measureOperation } from '../../../src/api/limits.js';
import { SCHEMA_PATH } from '../../../src/api/schema.js';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  return measureOperation(schema, document, operation, variables);
}

describe('operation depth and cost', () => {
  it('count levels of fields and multiply below lists by first', () => {
    expect(measure('{ goodPractice(number: 1) { title } }')).toEqual({ depth: 2, cost: 2 });
    // goodPractices(first: 2): 1 + 2 * (nodes: 1 + 1 * title)
    expect(measure('{ goodPractices(first: 2) { nodes { title } } }')).toEqual({ depth: 3, cost: 5 });
    // default first (25) from the schema, and variables
    expect(measure('{ goodPractices { totalCount } }').cost).toBe(26);
    expect(measure('query ($n: Int) { goodPractices(first: $n) { totalCount } }', { n: 4 }).cost).toBe(5);
    // a list without first counts LIST_FACTOR rows
    expect(measure('{ goodPractice(number: 1) { steps { text } } }').cost).toBe(1 + 1 + LIST_FACTOR * 1);
  });

  it('follow fragments and inline fragments', () => {
    const query = `{ node(id: "gp:1") { id ... on GoodPractice { ...Steps } } }
      fragment Steps on GoodPractice { steps { text } }`;
    expect(measure(query)).toEqual({ depth: 3, cost: 1 + (1 + 1 + LIST_FACTOR) });
  });

  it('keep the deep query over all 25 practices inside the limits', () => {
    const deep = measure(`{ goodPractices(first: 25) { nodes { actors { actor { name } } citations { instrument { title } }
      examples { organizations { name } } references { to { title } } } } }`);
    expect(deep.depth).toBe(5);
    expect(() => checkLimits(deep)).not.toThrow();
  });

  it('ignore introspection, so GraphiQL can load the schema', () => {
    expect(measure(getIntrospectionQuery()).depth).toBe(0);
  });

  it('reject too deep and too costly queries with BAD_USER_INPUT', () => {
    let nested = 'name';
    for (let level = 0; level < MAX_DEPTH; level += 1) nested = `broader { ${nested} }`;
    const tooDeep = measure(`{ actor(id: "actor:police") { ${nested} } }`);
    expect(tooDeep.depth).toBeGreaterThan(MAX_DEPTH);
    expect(() => checkLimits(tooDeep)).toThrow(GraphQLError);

    const costly = measure(`{ goodPractices(first: 100) { nodes { steps { practices { steps { practices { title } } } } } } }`);
    expect(costly.cost).toBeGreaterThan(MAX_COST);
    try {
      checkLimits(costly);
      expect.unreachable();
    } catch (error) {
      expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    }
  });
});
