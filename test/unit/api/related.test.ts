import { describe, expect, it } from 'vitest';
import type { NodeRecord } from '../../../src/api/model.js';
import { rankRelated, RELATEDNESS_WEIGHTS, scoreRelatedness } from '../../../src/api/repositories/related.js';

const practice = (number: number) => ({ id: `gp:${number}`, labels: ['GoodPractice'], properties: { number }, projected: '*' as const });
const actor = (name: string) => ({ id: `actor:${name}`, labels: ['Actor'], properties: { name }, projected: '*' as const });
const instrument = (title: string, shortName: string): NodeRecord => ({
  id: `instrument:${title}`,
  labels: ['Instrument'],
  properties: { title, shortName },
  projected: '*',
});

describe('related practices', () => {
  it('score each piece of evidence and list one reason for each', () => {
    const record = scoreRelatedness({
      practice: practice(3),
      sharedActors: [actor('Police'), actor('Prosecutors')],
      sharedInstruments: [instrument('The Rome Memorandum on Good Practices', 'Rome Memorandum')],
      referencesTo: true,
      referencedFrom: false,
      merged: false,
    });
    expect(record.score).toBe(2 * RELATEDNESS_WEIGHTS.sharedActor + RELATEDNESS_WEIGHTS.sharedInstrument + RELATEDNESS_WEIGHTS.reference);
    expect(record.reasons).toEqual([
      'References GP 3',
      'Both cite Rome Memorandum',
      'Both name the actor Police',
      'Both name the actor Prosecutors',
    ]);
    expect(record.sharedActorIds).toEqual(['actor:Police', 'actor:Prosecutors']);
    expect(record.referencesTo).toBe(true);
  });

  it('explain the GP 8 / GP 9 merge', () => {
    const record = scoreRelatedness({
      practice: practice(9),
      sharedActors: [],
      sharedInstruments: [],
      referencesTo: false,
      referencedFrom: true,
      merged: true,
    });
    expect(record.reasons).toEqual(['Merged with GP 9 (they share one body)', 'Referenced by GP 9']);
    expect(record.score).toBe(RELATEDNESS_WEIGHTS.merged + RELATEDNESS_WEIGHTS.reference);
  });

  it('rank by score, then by practice number', () => {
    const base = { reasons: [], sharedActorIds: [], sharedInstrumentIds: [], referencesTo: false, referencedFrom: false };
    const ranked = rankRelated(
      [
        { ...base, practiceId: 'gp:7', score: 2 },
        { ...base, practiceId: 'gp:2', score: 2 },
        { ...base, practiceId: 'gp:9', score: 5 },
      ],
      (id) => Number(id.slice(3)),
    );
    expect(ranked.map((record) => record.practiceId)).toEqual(['gp:9', 'gp:2', 'gp:7']);
  });
});
