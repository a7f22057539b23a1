import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { connectionStatement } from '../../../src/api/repositories/connection.js';
import { practiceQuery } from '../../../src/api/repositories/practices.js';
import { actorQuery } from '../../../src/api/repositories/actors.js';
import { instrumentQuery } from '../../../src/api/repositories/instruments.js';

describe('practice filters', () => {
  it('add one condition per field, combined with AND, values only as parameters', () => {
    const query = practiceQuery({ actor: '  Prison   Administration ', instrument: 'Rome Memorandum', area: 'b' });
    expect(query.conditions).toHaveLength(3);
    expect(query.parameters).toEqual({
      area: 'b',
      actor: 'prison administration',
      instrument: 'rome memorandum',
      instrumentWords: ['rome', 'memorandum'],
    });
    const cypher = connectionStatement(query);
    expect(cypher).toContain('\n  AND ');
    expect(cypher).not.toContain('prison');
    expect(cypher).not.toContain('rome');
  });

  it('read a single letter as an area code and longer text as area title words', () => {
    expect(practiceQuery({ area: 'C' }).conditions[0]).toContain('areaCode');
    expect(practiceQuery({ area: 'border security' }).conditions[0]).toContain('area.title');
  });

  it('run the full-text search first for the text filter, with a safe Lucene query', () => {
    const query = practiceQuery({ text: 'prison (radicalization' });
    expect(query.parameters['text']).toBe('(prison OR prison*) AND (radicalization OR radicalization*)');
    expect(query.prelude?.[0]).toContain("db.index.fulltext.queryNodes('step_text', $text)");
  });

  it('reject empty text and bad practice numbers with BAD_USER_INPUT', () => {
    for (const filter of [{ actor: '   ' }, { text: '***' }, { referencesPractice: 0 }]) {
      try {
        practiceQuery(filter);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('list everything, in order, without a filter', () => {
    const cypher = connectionStatement(practiceQuery());
    expect(cypher).not.toContain('WHERE');
    expect(cypher).toContain('ORDER BY n.number');
  });
});

describe('actor and instrument filters', () => {
  it('match actors by name, alias or mention wording and instruments by words, short name or symbol', () => {
    expect(actorQuery({ name: 'Prison' }).conditions[0]).toContain('m.text');
    const instruments = instrumentQuery({ text: 'S/2015/366', practice: 4 });
    expect(instruments.conditions).toHaveLength(2);
    expect(instruments.conditions[0]).toContain('n.symbol');
    expect(instruments.parameters).toMatchObject({ instrument: 's/2015/366', practice: 4 });
  });
});

describe('neighbourhood statement', () => {
  it('puts the validated relationship types and depth into the pattern', async () => {
    const { neighborhoodStatement } = await import('../../../src/api/repositories/neighborhood.js');
    expect(neighborhoodStatement(2, ['HAS_STEP', 'REFERENCES'])).toContain('(centre)-[:HAS_STEP|REFERENCES*0..2]-(x:Node)');
    expect(neighborhoodStatement(1, null)).toContain('(centre)-[*0..1]-(x:Node)');
    expect(neighborhoodStatement(1, null)).toContain('$id');
  });
});
