import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { validateNodeId } from '../../../src/api/ids.js';
import { labelOfId, owningPracticeId } from '../../../src/graph/model.js';

describe('node ids', () => {
  it('name the label of every id form of the graph format', () => {
    expect(labelOfId('gp:1')).toBe('GoodPractice');
    expect(labelOfId('gp:17/action:2')).toBe('KeyAction');
    expect(labelOfId('gp:17/action:2/step:3')).toBe('Step');
    expect(labelOfId('gp:1/step:1')).toBe('Step');
    expect(labelOfId('actor:prison-administration')).toBe('Actor');
    expect(labelOfId('instrument:s-2015-366')).toBe('Instrument');
    expect(labelOfId('org:unodc')).toBe('Organization');
    expect(labelOfId('watchpoint:environmental/corruption')).toBe('WatchPoint');
    expect(labelOfId('context:politically-stable-states')).toBe('RegionalContext');
    expect(labelOfId('practice:1')).toBeNull();
    expect(labelOfId('gp1')).toBeNull();
  });

  it('reject unknown prefixes with BAD_USER_INPUT and accept unknown but well-formed ids', () => {
    expect(validateNodeId(' gp:99 ')).toBe('gp:99');
    try {
      validateNodeId('practice:1');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
      expect((error as GraphQLError).message).toContain('"gp:"');
    }
  });

  it('find the practice a step or key action lives under', () => {
    expect(owningPracticeId('gp:8/step:2')).toBe('gp:8');
    expect(owningPracticeId('gp:17/action:2/step:3')).toBe('gp:17');
    expect(owningPracticeId('gp:3')).toBe('gp:3');
  });
});
