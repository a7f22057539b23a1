// Practices related to a practice, with an explainable score: shared actors,
// shared instruments, cross-references in either direction, the GP 8/9 merge.
import { mergePlans, planKey, projection, readNode, type NodePlan, type ReadSink } from '../../graph/plan.js';
import type { GraphReader } from '../../graph/reader.js';
import type { NodeRecord } from '../../graph/values.js';
import { cachedStatement } from '../../graph/statement-cache.js';
import type { RelatedPracticeRecord } from '../model.js';

/** Weight of each kind of evidence in the score. */
export const RELATEDNESS_WEIGHTS = {
  sharedActor: 1,
  sharedInstrument: 2,
  reference: 3,
  merged: 5,
} as const;

export interface RelatednessEvidence {
  practice: NodeRecord;
  sharedActors: NodeRecord[];
  sharedInstruments: NodeRecord[];
  referencesTo: boolean;
  referencedFrom: boolean;
  merged: boolean;
}

function practiceName(practice: NodeRecord): string {
  return `GP ${String(practice.properties['number'] ?? practice.id)}`;
}

function displayName(node: NodeRecord): string {
  const { shortName, name, title } = node.properties;
  return String(shortName ?? name ?? title ?? node.id);
}

/** Score and human-readable reasons from the evidence (pure). */
export function scoreRelatedness(evidence: RelatednessEvidence): RelatedPracticeRecord {
  const reasons: string[] = [];
  let score = 0;
  const target = practiceName(evidence.practice);
  if (evidence.merged) {
    score += RELATEDNESS_WEIGHTS.merged;
    reasons.push(`Merged with ${target} (they share one body)`);
  }
  if (evidence.referencesTo) {
    score += RELATEDNESS_WEIGHTS.reference;
    reasons.push(`References ${target}`);
  }
  if (evidence.referencedFrom) {
    score += RELATEDNESS_WEIGHTS.reference;
    reasons.push(`Referenced by ${target}`);
  }
  for (const instrument of evidence.sharedInstruments) {
    score += RELATEDNESS_WEIGHTS.sharedInstrument;
    reasons.push(`Both cite ${displayName(instrument)}`);
  }
  for (const actor of evidence.sharedActors) {
    score += RELATEDNESS_WEIGHTS.sharedActor;
    reasons.push(`Both name the actor ${displayName(actor)}`);
  }
  return {
    practiceId: evidence.practice.id,
    score,
    reasons,
    sharedActorIds: evidence.sharedActors.map((actor) => actor.id),
    sharedInstrumentIds: evidence.sharedInstruments.map((instrument) => instrument.id),
    referencesTo: evidence.referencesTo,
    referencedFrom: evidence.referencedFrom,
  };
}

/** Highest score first, then practice number. */
export function rankRelated(records: RelatedPracticeRecord[], numberOf: (id: string) => number): RelatedPracticeRecord[] {
  return [...records].sort((a, b) => b.score - a.score || numberOf(a.practiceId) - numberOf(b.practiceId));
}

export interface RelatedPlans {
  practice: NodePlan;
  actors: NodePlan;
  instruments: NodePlan;
}

/** What the score and the reasons read, besides what the client asked. */
const PRACTICE_KEYS = ['number'];
const NAME_KEYS = ['name', 'shortName', 'title'];

// One pass per kind of evidence, each starting from the practice's own actors,
// instruments and links and grouped by the practice reached, so the cost
// follows the practice's neighbourhood, not the number of practices; shared
// actors and instruments are collected on the way instead of being matched again.
export function relatedStatement(plans: RelatedPlans): string {
  return `UNWIND $ids AS sourceId
MATCH (p:GoodPractice {id: sourceId})
CALL (p) {
  MATCH (p)-[:MENTIONS_ACTOR]->(a:Actor)<-[:MENTIONS_ACTOR]-(q:GoodPractice) WHERE q <> p
  WITH DISTINCT q, a ORDER BY a.name
  RETURN q, collect(${projection(plans.actors, 'a')}) AS actors, [] AS instruments, false AS referencesTo, false AS referencedFrom, false AS merged
  UNION ALL
  MATCH (p)-[:CITES]->(i:Instrument)<-[:CITES]-(q:GoodPractice) WHERE q <> p
  WITH DISTINCT q, i ORDER BY i.title
  RETURN q, [] AS actors, collect(${projection(plans.instruments, 'i')}) AS instruments, false AS referencesTo, false AS referencedFrom, false AS merged
  UNION ALL
  MATCH (p)-[:REFERENCES]->(q:GoodPractice) WHERE q <> p
  RETURN DISTINCT q, [] AS actors, [] AS instruments, true AS referencesTo, false AS referencedFrom, false AS merged
  UNION ALL
  MATCH (p)<-[:REFERENCES]-(q:GoodPractice) WHERE q <> p
  RETURN DISTINCT q, [] AS actors, [] AS instruments, false AS referencesTo, true AS referencedFrom, false AS merged
  UNION ALL
  MATCH (p)-[:MERGED_WITH]-(q:GoodPractice) WHERE q <> p
  RETURN DISTINCT q, [] AS actors, [] AS instruments, false AS referencesTo, false AS referencedFrom, true AS merged
}
WITH sourceId, q, collect(actors) AS actorLists, collect(instruments) AS instrumentLists,
  any(flag IN collect(referencesTo) WHERE flag) AS referencesTo,
  any(flag IN collect(referencedFrom) WHERE flag) AS referencedFrom,
  any(flag IN collect(merged) WHERE flag) AS merged
RETURN sourceId, ${projection(plans.practice, 'q')} AS q,
  reduce(all = [], list IN actorLists | all + list) AS actors,
  reduce(all = [], list IN instrumentLists | all + list) AS instruments,
  referencesTo, referencedFrom, merged`;
}

interface RelatedRow {
  sourceId: string;
  q: unknown;
  actors: unknown[];
  instruments: unknown[];
  referencesTo: boolean;
  referencedFrom: boolean;
  merged: boolean;
}

export interface RelatedResult {
  ranked: RelatedPracticeRecord[];
}

function withKeys(plan: NodePlan, keys: string[]): NodePlan {
  return mergePlans(plan, { keys, links: [] });
}

export async function readRelated(
  reader: GraphReader,
  practiceIds: readonly string[],
  requested: RelatedPlans,
  sink: ReadSink,
): Promise<RelatedResult[]> {
  const plans: RelatedPlans = {
    practice: withKeys(requested.practice, PRACTICE_KEYS),
    actors: withKeys(requested.actors, NAME_KEYS),
    instruments: withKeys(requested.instruments, NAME_KEYS),
  };
  const statement = cachedStatement(`related:${planKey(plans.practice)}|${planKey(plans.actors)}|${planKey(plans.instruments)}`, () =>
    relatedStatement(plans),
  );
  const records = await reader.read<RelatedRow>(statement, { ids: [...new Set(practiceIds)] });
  const bySource = new Map<string, RelatedPracticeRecord[]>();
  const numbers = new Map<string, number>();
  for (const record of records) {
    const practice = readNode(record.get('q'), plans.practice, sink);
    numbers.set(practice.id, Number(practice.properties['number'] ?? 0));
    const sharedActors = record.get('actors').map((raw) => readNode(raw, plans.actors, sink));
    const sharedInstruments = record.get('instruments').map((raw) => readNode(raw, plans.instruments, sink));
    const ranked = bySource.get(record.get('sourceId')) ?? [];
    ranked.push(
      scoreRelatedness({
        practice,
        sharedActors,
        sharedInstruments,
        referencesTo: record.get('referencesTo'),
        referencedFrom: record.get('referencedFrom'),
        merged: record.get('merged'),
      }),
    );
    bySource.set(record.get('sourceId'), ranked);
  }
  return practiceIds.map((id) => ({ ranked: rankRelated(bySource.get(id) ?? [], (practiceId) => numbers.get(practiceId) ?? 0) }));
}
