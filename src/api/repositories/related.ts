// Practices related to a practice, with an explainable score: shared actors,
// shared instruments, cross-references in either direction, the GP 8/9 merge.
import type { Node as Neo4jNode } from 'neo4j-driver';
import type { GraphReader } from '../graph-reader.js';
import type { NodeRecord, RelatedPracticeRecord } from '../model.js';
import { toNodeRecord } from '../neo4j-values.js';

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

// Candidates are reached from the practice's own actors, instruments and links,
// so the cost follows its neighbourhood, not the number of practices in the graph.
const RELATED_STATEMENT = `UNWIND $ids AS sourceId
MATCH (p:GoodPractice {id: sourceId})
CALL (p) {
  MATCH (p)-[:MENTIONS_ACTOR]->(:Actor)<-[:MENTIONS_ACTOR]-(q:GoodPractice) RETURN q
  UNION
  MATCH (p)-[:CITES]->(:Instrument)<-[:CITES]-(q:GoodPractice) RETURN q
  UNION
  MATCH (p)-[:REFERENCES|MERGED_WITH]-(q:GoodPractice) RETURN q
}
WITH sourceId, p, q WHERE q <> p
WITH sourceId, p, q,
  COLLECT { MATCH (p)-[:MENTIONS_ACTOR]->(a:Actor)<-[:MENTIONS_ACTOR]-(q) WITH DISTINCT a ORDER BY a.name RETURN a } AS actors,
  COLLECT { MATCH (p)-[:CITES]->(i:Instrument)<-[:CITES]-(q) WITH DISTINCT i ORDER BY i.title RETURN i } AS instruments,
  EXISTS { (p)-[:REFERENCES]->(q) } AS referencesTo,
  EXISTS { (q)-[:REFERENCES]->(p) } AS referencedFrom,
  EXISTS { (p)-[:MERGED_WITH]-(q) } AS merged
WHERE size(actors) > 0 OR size(instruments) > 0 OR referencesTo OR referencedFrom OR merged
RETURN sourceId, q, actors, instruments, referencesTo, referencedFrom, merged`;

interface RelatedRow {
  sourceId: string;
  q: Neo4jNode;
  actors: Neo4jNode[];
  instruments: Neo4jNode[];
  referencesTo: boolean;
  referencedFrom: boolean;
  merged: boolean;
}

export interface RelatedResult {
  ranked: RelatedPracticeRecord[];
  /** Every node the records point at, to prime the node loader. */
  nodes: NodeRecord[];
}

export async function readRelated(reader: GraphReader, practiceIds: readonly string[]): Promise<RelatedResult[]> {
  const records = await reader.read<RelatedRow>(RELATED_STATEMENT, { ids: [...new Set(practiceIds)] });
  const bySource = new Map<string, RelatedResult>();
  const numbers = new Map<string, number>();
  for (const record of records) {
    const practice = toNodeRecord(record.get('q'));
    numbers.set(practice.id, Number(practice.properties['number'] ?? 0));
    const sharedActors = record.get('actors').map(toNodeRecord);
    const sharedInstruments = record.get('instruments').map(toNodeRecord);
    const result = bySource.get(record.get('sourceId')) ?? { ranked: [], nodes: [] };
    result.ranked.push(
      scoreRelatedness({
        practice,
        sharedActors,
        sharedInstruments,
        referencesTo: record.get('referencesTo'),
        referencedFrom: record.get('referencedFrom'),
        merged: record.get('merged'),
      }),
    );
    result.nodes.push(practice, ...sharedActors, ...sharedInstruments);
    bySource.set(record.get('sourceId'), result);
  }
  return practiceIds.map((id) => {
    const result = bySource.get(id) ?? { ranked: [], nodes: [] };
    return { ranked: rankRelated(result.ranked, (practiceId) => numbers.get(practiceId) ?? 0), nodes: result.nodes };
  });
}
